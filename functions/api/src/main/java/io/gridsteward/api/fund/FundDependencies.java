package io.gridsteward.api.fund;

import io.gridsteward.api.core.Dependencies.TableName;
import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.fund.FundStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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

    /** Receipts go to the attachments bucket, beside tickets' photos. */
    @Produces
    @Singleton
    public ReceiptUploads receiptUploads(UploadBucket bucket) {
        return new ReceiptUploads(bucket);
    }
}
