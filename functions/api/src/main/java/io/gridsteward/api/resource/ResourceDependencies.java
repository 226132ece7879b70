package io.gridsteward.api.resource;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.resource.ResourceStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The resource context's store and the bucket of its projects' photos. */
@Singleton
public class ResourceDependencies {

    @Produces
    @Singleton
    public ResourceStore resourceStore(DynamoDbClient client, TableName table, Clock clock, PageCursor cursors) {
        return new ResourceStore(client, table.value(), clock, cursors);
    }

    @Produces
    @Singleton
    public EvidenceBucket evidenceBucket(
            @ConfigProperty(name = "attachments.bucket", defaultValue = "grid-steward-attachments") String bucket,
            @ConfigProperty(name = "aws.endpoint-url-s3") Optional<URI> s3Endpoint) {
        return new EvidenceBucket(bucket, s3Endpoint);
    }

    public void close(@Disposes EvidenceBucket bucket) {
        bucket.close();
    }
}
