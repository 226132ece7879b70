package io.gridsteward.api.core;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.store.core.DynamoDbClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every context's resources work with. The table name is the config property {@code table.name}, which the
 * environment variable {@code TABLE_NAME} sets; the client finds its endpoint the SDK's way
 * ({@code AWS_ENDPOINT_URL_DYNAMODB}).
 */
@Singleton
public class Dependencies {

    @Produces
    @Singleton
    public TableName tableName(
            @ConfigProperty(name = "table.name", defaultValue = TableDefinition.DEFAULT_TABLE_NAME) String name) {
        return new TableName(name);
    }

    /**
     * The key that signs every list's cursors: {@code page-cursor.key}, which the environment variable
     * {@code PAGE_CURSOR_KEY} sets (template.yaml passes a generated secret); tests and dev mode use a fixed local key.
     */
    @Produces
    @Singleton
    public PageCursor pageCursor(@ConfigProperty(name = "page-cursor.key") String key) {
        return new PageCursor(key);
    }

    /** Built at start-up so that a SnapStart snapshot already holds it. */
    @Produces
    @Singleton
    @Startup
    public DynamoDbClient dynamoDbClient() {
        return DynamoDbClients.fromEnvironment();
    }

    public void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    /**
     * The attachments bucket ({@code attachments.bucket}, env {@code ATTACHMENTS_BUCKET}) for every context's uploads;
     * addressing is path-style when the SDK is pointed away from AWS ({@code AWS_ENDPOINT_URL_S3} or
     * {@code AWS_ENDPOINT_URL} set).
     */
    @Produces
    @Singleton
    public UploadBucket uploadBucket(
            @ConfigProperty(name = "attachments.bucket", defaultValue = "grid-steward-attachments") String bucket,
            @ConfigProperty(name = "aws.endpoint-url-s3") Optional<String> s3Endpoint,
            @ConfigProperty(name = "aws.endpoint-url") Optional<String> endpoint) {
        return new UploadBucket(bucket, s3Endpoint.or(() -> endpoint).isPresent());
    }

    public void close(@Disposes UploadBucket bucket) {
        bucket.close();
    }

    @Produces
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    public IdSource idSource() {
        return IdSource.randomUuids();
    }

    /** The single table every store writes to. */
    public record TableName(String value) {}
}
