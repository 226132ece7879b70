package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.S3Addressing;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.parquet.ParquetRowReader;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import io.gridsteward.analytics.lake.stream.S3LakeBucket;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import io.gridsteward.store.core.DynamoDbClients;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The three jobs over one lake and one table, shared by the scheduled function and the command. Settings come from
 * the environment, as for the other functions: {@code TABLE_NAME}, {@code LAKE_BUCKET}, {@code LAKE_S3_PATH_STYLE},
 * {@code LAKE_PARQUET_COMPRESSION}, {@code MAINTENANCE_SCAN_SEGMENTS}; endpoints, region and credentials the SDK's way.
 */
public final class LakeMaintenance implements AutoCloseable {

    private final Compaction compaction;
    private final Reconciliation reconciliation;
    private final Backfill backfill;
    private final List<AutoCloseable> clients;

    public LakeMaintenance(
            LakeBucket storage, TableEvents table, ParquetObjectWriter writer, List<AutoCloseable> clients) {
        ParquetRowReader reader = new ParquetRowReader();
        this.compaction = new Compaction(storage, reader, writer);
        this.reconciliation = new Reconciliation(table, storage, reader);
        this.backfill = new Backfill(table, storage, new StreamRecordConverter(), writer);
        this.clients = List.copyOf(clients);
    }

    public static LakeMaintenance fromEnvironment(Map<String, String> environment) {
        String bucket = environment.getOrDefault("LAKE_BUCKET", "grid-steward-lake");
        String tableName = environment.getOrDefault("TABLE_NAME", "grid-steward");
        int segments = Integer.parseInt(environment.getOrDefault("MAINTENANCE_SCAN_SEGMENTS", "4"));
        boolean pathStyle = Optional.ofNullable(environment.get("LAKE_S3_PATH_STYLE"))
                .map(Boolean::parseBoolean)
                .orElseGet(S3Addressing::pathStyleByDefault);
        CompressionCodecName compression =
                CompressionCodecName.valueOf(environment.getOrDefault("LAKE_PARQUET_COMPRESSION", "SNAPPY"));
        S3Client s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(pathStyle)
                .build();
        DynamoDbClient dynamoDb = DynamoDbClients.fromEnvironment();
        return new LakeMaintenance(
                new S3LakeBucket(s3, bucket),
                new ScanningTableEvents(dynamoDb, tableName, segments),
                new ParquetObjectWriter(compression),
                List.of(s3, dynamoDb));
    }

    public List<Compaction.DayCompaction> compact(LakeDays period) {
        return compaction.compact(LakeSchema.TABLES, period.days());
    }

    public Reconciliation.Report reconcile(LakeDays period) {
        return reconciliation.reconcile(period);
    }

    public Backfill.Result backfill(LakeDays period, PrintStream console) {
        return backfill.run(period, console);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : clients) {
            Objects.requireNonNull(client).close();
        }
    }
}
