package io.gridsteward.api.resource;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.resource.ResourceStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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
    public EvidenceBucket evidenceBucket(UploadBucket bucket) {
        return new EvidenceBucket(bucket);
    }
}
