package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.stream.LakeBatchWriter;
import io.gridsteward.analytics.lake.stream.S3LakeBucket;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import io.gridsteward.analytics.testing.S3ProxyServer;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.TableDefinition;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy and the DynamoDB emulator for the packaged function, reached through the SDK's standard settings. Two
 * days ago: 20 events in the table, landed by the stream path in 4 objects; one of them lost from the lake.
 */
public class MaintenanceTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "maintenance-function-test";
    static final String TABLE = "maintenance-function-test";
    static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    static String lostEventId;
    static S3Client s3;

    private static S3ProxyServer server;
    private static DynamoDbEmulator emulator;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start();
        s3 = server.createBucket(BUCKET);
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        System.setProperty("aws.endpointUrlS3", server.endpoint().toString());
        System.setProperty("aws.endpointUrlDynamoDb", emulator.endpoint().toString());
        System.setProperty("aws.requestChecksumCalculation", "when_required");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        List<Map<String, String>> events = new ArrayList<>();
        Instant noon = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
        for (int index = 0; index < 20; index++) {
            events.add(TicketEventItems.event(
                    "function-ticket-" + index / 2,
                    index % 2 + 1,
                    index % 2 == 0 ? "REPORTED" : "DISPATCHED",
                    noon.plusSeconds(index * 60L)));
        }
        try (DynamoDbClient dynamoDb = EmulatorClients.dynamoDb(emulator.endpoint())) {
            dynamoDb.createTable(TableDefinition.createRequest(TABLE));
            events.forEach(event ->
                    dynamoDb.putItem(request -> request.tableName(TABLE).item(TicketEventItems.item(event))));
        }
        lostEventId = events.get(7).get("eventId");
        LakeBatchWriter writer = new LakeBatchWriter(
                new StreamRecordConverter(),
                new ParquetObjectWriter(CompressionCodecName.SNAPPY),
                new S3LakeBucket(s3, BUCKET));
        for (int start = 0; start < 20; start += 5) {
            List<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> records =
                    new ArrayList<>();
            for (int index = start; index < start + 5; index++) {
                if (index != 7) {
                    records.add(TicketEventItems.insert(events.get(index), 1000L + index));
                }
            }
            writer.write(records);
        }
        return Map.of("maintenance.bucket", BUCKET, "maintenance.table-name", TABLE, "maintenance.lookback-days", "3");
    }

    static int objectsOfTheDay() {
        return s3.listObjectsV2(request ->
                        request.bucket(BUCKET).prefix(LakeSchema.TICKET_EVENTS.keyPrefix() + "dt=" + DAY + "/"))
                .contents()
                .size();
    }

    @Override
    public void stop() {
        try {
            s3.close();
            emulator.close();
            server.close();
        } catch (Exception exception) {
            throw new IllegalStateException("test servers did not stop", exception);
        }
    }
}
