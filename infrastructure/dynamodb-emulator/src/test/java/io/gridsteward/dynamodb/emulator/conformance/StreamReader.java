package io.gridsteward.dynamodb.emulator.conformance;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a table's stream from its trim horizon to its current end, as a consumer would. */
final class StreamReader {
    private StreamReader() {}

    static String streamArn(DynamoDbClient client, String table) {
        return client.describeTable(request -> request.tableName(table)).table().latestStreamArn();
    }

    static String shardId(DynamoDbStreamsClient streams, String streamArn) {
        return streams.describeStream(request -> request.streamArn(streamArn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
    }

    static List<Record> readAll(DynamoDbStreamsClient streams, String streamArn) {
        String iterator = streams.getShardIterator(request -> request.streamArn(streamArn)
                        .shardId(shardId(streams, streamArn))
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        return readFrom(streams, iterator);
    }

    static List<Record> readFrom(DynamoDbStreamsClient streams, String iterator) {
        List<Record> records = new ArrayList<>();
        String next = iterator;
        while (next != null) {
            String current = next;
            GetRecordsResponse response = streams.getRecords(request -> request.shardIterator(current));
            records.addAll(response.records());
            next = response.records().isEmpty() ? null : response.nextShardIterator();
        }
        return records;
    }
}
