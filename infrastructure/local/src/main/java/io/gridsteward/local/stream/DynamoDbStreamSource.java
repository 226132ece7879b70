package io.gridsteward.local.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A table's stream read through the DynamoDB Streams API (DescribeStream, GetShardIterator, GetRecords). */
public final class DynamoDbStreamSource implements StreamSource {
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final String region;
    private String streamArn;

    public DynamoDbStreamSource(
            DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String tableName, String region) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.tableName = tableName;
        this.region = region;
    }

    /** The table's stream, looked up once: the local stack creates the table before it starts polling. */
    @Override
    public synchronized String streamArn() {
        if (streamArn == null) {
            streamArn = dynamoDb.describeTable(request -> request.tableName(tableName))
                    .table()
                    .latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException("table " + tableName + " has no stream; the template must enable one");
            }
        }
        return streamArn;
    }

    @Override
    public List<Shard> shards() {
        String arn = streamArn();
        List<Shard> shards = new ArrayList<>();
        String startAfter = null;
        do {
            String exclusiveStart = startAfter;
            DescribeStreamResponse response =
                    streams.describeStream(request -> request.streamArn(arn).exclusiveStartShardId(exclusiveStart));
            response.streamDescription()
                    .shards()
                    .forEach(shard ->
                            shards.add(new Shard(shard.shardId(), Optional.ofNullable(shard.parentShardId()))));
            startAfter = response.streamDescription().lastEvaluatedShardId();
        } while (startAfter != null);
        return shards;
    }

    /** After the checkpoint; from the oldest record kept when the checkpoint's record has aged out of the stream. */
    @Override
    public String iterator(String shardId, Optional<String> afterSequenceNumber) {
        String arn = streamArn();
        if (afterSequenceNumber.isPresent()) {
            try {
                return streams.getShardIterator(request -> request.streamArn(arn)
                                .shardId(shardId)
                                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(afterSequenceNumber.get()))
                        .shardIterator();
            } catch (TrimmedDataAccessException agedOut) {
                // Fall through: what is left of the shard is all there is to deliver.
            }
        }
        return streams.getShardIterator(request ->
                        request.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }

    @Override
    public Page read(String shardId, String iterator, int limit) {
        String arn = streamArn();
        GetRecordsResponse response =
                streams.getRecords(request -> request.shardIterator(iterator).limit(Math.min(limit, 1000)));
        List<StreamRecordJson> records = response.records().stream()
                .map(record -> DynamodbEvents.record(shardId, record, arn, region))
                .toList();
        return new Page(records, Optional.ofNullable(response.nextShardIterator()));
    }
}
