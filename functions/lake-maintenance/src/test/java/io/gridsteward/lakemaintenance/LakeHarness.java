package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.parquet.ParquetRowReader;
import io.gridsteward.analytics.lake.stream.LakeBatchWriter;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import io.gridsteward.analytics.lake.stream.S3LakeBucket;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import io.gridsteward.analytics.testing.S3ProxyServer;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.TableDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server and a real DynamoDB emulator with the contract's table, a fresh bucket and table per test. */
final class LakeHarness implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final S3ProxyServer s3Server = S3ProxyServer.start();
    final DynamoDbEmulator emulator = DynamoDbEmulator.start(0, Optional.empty());
    final DynamoDbClient dynamoDb = EmulatorClients.dynamoDb(emulator.endpoint());
    final String bucket = "lake-" + NAMES.incrementAndGet();
    final String tableName = "table-" + NAMES.get();
    final S3Client s3 = s3Server.createBucket(bucket);
    final S3LakeBucket storage = new S3LakeBucket(s3, bucket);
    final ParquetObjectWriter writer = new ParquetObjectWriter(CompressionCodecName.SNAPPY);
    final ParquetRowReader reader = new ParquetRowReader();

    LakeHarness() {
        dynamoDb.createTable(TableDefinition.createRequest(tableName));
    }

    ScanningTableEvents tableEvents() {
        return new ScanningTableEvents(dynamoDb, tableName, 3);
    }

    void putItems(Collection<Map<String, String>> events) {
        events.forEach(event ->
                dynamoDb.putItem(request -> request.tableName(tableName).item(TicketEventItems.item(event))));
    }

    /** The stream path: the lake writer's own batch writer, one object per batch and day, as the function does. */
    LakeBatchWriter.BatchResult streamBatch(List<Map<String, String>> events, long firstSequenceNumber) {
        List<com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord> records =
                new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            records.add(TicketEventItems.insert(events.get(index), firstSequenceNumber + index));
        }
        return new LakeBatchWriter(new StreamRecordConverter(), writer, new S3LakeBucket(s3, bucket)).write(records);
    }

    /** Every ticket_events object of the day with its rows. */
    Map<String, List<List<Object>>> day(String day) {
        return day(LakeSchema.TICKET_EVENTS, day);
    }

    /** Every object of the table's day with its rows. */
    Map<String, List<List<Object>>> day(LakeTable table, String day) {
        Map<String, List<List<Object>>> objects = new TreeMap<>();
        for (LakeBucket.LakeObject object : storage.list(Compaction.partitionPrefix(table, day))) {
            objects.put(object.key(), reader.read(table, storage.get(object.key())));
        }
        return objects;
    }

    @Override
    public void close() throws Exception {
        dynamoDb.close();
        s3.close();
        emulator.close();
        s3Server.close();
    }
}
