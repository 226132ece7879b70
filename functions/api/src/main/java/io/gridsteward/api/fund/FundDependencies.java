package io.gridsteward.api.fund;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.fund.FundStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The fund context's store, rules and receipt uploads. */
@Singleton
public class FundDependencies {

    @Produces
    @Singleton
    public FundStore fundStore(DynamoDbClient client, TableName table, Clock clock, PageCursor cursors) {
        return new FundStore(client, table.value(), clock, cursors);
    }

    @Produces
    @Singleton
    public FundRules fundRules() {
        return FundRules.bundled();
    }

    /** Receipts go to the attachments bucket, beside tickets' photos, addressed as they are. */
    @Produces
    @Singleton
    public ReceiptUploads receiptUploads(
            @ConfigProperty(name = "attachments.bucket", defaultValue = "grid-steward-attachments") String bucket,
            @ConfigProperty(name = "aws.endpoint-url-s3") Optional<String> s3Endpoint,
            @ConfigProperty(name = "aws.endpoint-url") Optional<String> endpoint) {
        return new ReceiptUploads(bucket, s3Endpoint.or(() -> endpoint).isPresent());
    }

    public void close(@Disposes ReceiptUploads uploads) {
        uploads.close();
    }
}
