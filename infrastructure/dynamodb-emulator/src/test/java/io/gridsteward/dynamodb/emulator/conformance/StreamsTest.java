package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** ListStreams, DescribeStream, GetShardIterator and GetRecords, and what each write puts in the stream. */
class StreamsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @RegisterExtension
    final DynamoDbEmulatorExtension emulator = new DynamoDbEmulatorExtension(() ->
            DynamoDbEmulator.builder().clock(clock).sweepInterval(Duration.ZERO).start());

    @Test
    void recordsFollowCommitOrderWithImages() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-order");

        client.putItem(request -> request.tableName(table).item(item("pk", "a", "sk", "1", "state", "new")));
        client.updateItem(request -> request.tableName(table)
                .key(item("pk", "a", "sk", "1"))
                .updateExpression("SET #state = :state")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":state", s("done"))));
        client.putItem(request -> request.tableName(table).item(item("pk", "b", "sk", "1")));
        client.deleteItem(request -> request.tableName(table).key(item("pk", "a", "sk", "1")));

        List<Record> records = StreamReader.readAll(streams, StreamReader.streamArn(client, table));

        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(
                        OperationType.INSERT, OperationType.MODIFY, OperationType.INSERT, OperationType.REMOVE);
        assertThat(records.get(0).dynamodb().newImage()).containsEntry("state", s("new"));
        assertThat(records.get(0).dynamodb().oldImage()).isEmpty();
        assertThat(records.get(1).dynamodb().oldImage()).containsEntry("state", s("new"));
        assertThat(records.get(1).dynamodb().newImage()).containsEntry("state", s("done"));
        assertThat(records.get(3).dynamodb().oldImage()).containsEntry("state", s("done"));
        assertThat(records.get(3).dynamodb().newImage()).isEmpty();
        assertThat(records.get(3).dynamodb().keys()).isEqualTo(item("pk", "a", "sk", "1"));
        assertThat(records).allSatisfy(record -> {
            assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(record.awsRegion()).isEqualTo("us-east-1");
            assertThat(record.eventID()).isNotBlank();
            assertThat(record.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(record.dynamodb().sizeBytes()).isPositive();
            assertThat(record.dynamodb().approximateCreationDateTime()).isNotNull();
            assertThat(record.userIdentity()).isNull();
        });
        assertThat(records)
                .extracting(record -> new BigInteger(record.dynamodb().sequenceNumber()))
                .isSorted()
                .doesNotHaveDuplicates();
        if (emulator.emulated()) {
            assertThat(records)
                    .extracting(record -> record.dynamodb().approximateCreationDateTime())
                    .containsOnly(Instant.parse("2026-11-25T08:00:00Z"));
        }
    }

    @Test
    void writesThatChangeNothingAndFailedWritesEmitNoRecord() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-quiet");

        client.putItem(request -> request.tableName(table).item(item("pk", "same", "sk", "1", "value", n("1"))));
        client.putItem(request -> request.tableName(table).item(item("pk", "same", "sk", "1", "value", n("1.0"))));
        client.deleteItem(request -> request.tableName(table).key(item("pk", "absent", "sk", "1")));
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "same", "sk", "1"))
                        .conditionExpression("attribute_not_exists(pk)")))
                .isNotNull();

        assertThat(StreamReader.readAll(streams, StreamReader.streamArn(client, table)))
                .hasSize(1);
    }

    @Test
    void cancelledTransactionEmitsNothingAndCommittedOneEmitsEachItem() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-transactions");
        client.putItem(request -> request.tableName(table).item(item("pk", "T", "sk", "TICKET", "version", n("1"))));
        TransactWriteItem failing = TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item("pk", "T", "sk", "TICKET"))
                        .conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", n("7")))
                        .build())
                .build();
        TransactWriteItem event = TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item("pk", "T", "sk", "EVENT#1"))
                        .build())
                .build();
        TransactWriteItem second = TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item("pk", "T", "sk", "EVENT#2"))
                        .build())
                .build();

        assertThatThrownBy(() -> client.transactWriteItems(request -> request.transactItems(event, failing)))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(StreamReader.readAll(streams, StreamReader.streamArn(client, table)))
                .hasSize(1);

        client.transactWriteItems(request -> request.transactItems(event, second));
        assertThat(StreamReader.readAll(streams, StreamReader.streamArn(client, table)))
                .extracting(record -> record.dynamodb().keys().get("sk").s())
                .containsExactly("TICKET", "EVENT#1", "EVENT#2");
    }

    @Test
    void viewTypeDecidesTheImages() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createSimpleTable(client, "stream-keys");
        client.updateTable(request -> request.tableName(table)
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));

        client.putItem(request -> request.tableName(table).item(item("id", "k", "other", "x")));

        Record record = StreamReader.readAll(streams, StreamReader.streamArn(client, table))
                .get(0);
        assertThat(record.dynamodb().keys()).isEqualTo(item("id", "k"));
        assertThat(record.dynamodb().hasNewImage()).isFalse();
        assertThat(record.dynamodb().hasOldImage()).isFalse();
        assertThat(record.dynamodb().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    }

    @Test
    void iteratorTypesStartWhereTheyShould() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-iterators");
        String arn = StreamReader.streamArn(client, table);
        String shard = StreamReader.shardId(streams, arn);
        client.putItem(request -> request.tableName(table).item(item("pk", "1", "sk", "1")));
        client.putItem(request -> request.tableName(table).item(item("pk", "2", "sk", "1")));
        String latest = streams.getShardIterator(
                        request -> request.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST))
                .shardIterator();
        client.putItem(request -> request.tableName(table).item(item("pk", "3", "sk", "1")));
        List<Record> all = StreamReader.readAll(streams, arn);
        String secondSequence = all.get(1).dynamodb().sequenceNumber();

        String at = streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(secondSequence))
                .shardIterator();
        String after = streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(secondSequence))
                .shardIterator();

        assertThat(all).hasSize(3);
        assertThat(StreamReader.readFrom(streams, latest))
                .extracting(record -> record.dynamodb().keys().get("pk").s())
                .containsExactly("3");
        assertThat(StreamReader.readFrom(streams, at))
                .extracting(record -> record.dynamodb().keys().get("pk").s())
                .containsExactly("2", "3");
        assertThat(StreamReader.readFrom(streams, after))
                .extracting(record -> record.dynamodb().keys().get("pk").s())
                .containsExactly("3");
    }

    @Test
    void getRecordsHonoursTheLimitAndHandsOnTheIterator() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-limit");
        for (int number = 0; number < 5; number++) {
            String id = Integer.toString(number);
            client.putItem(request -> request.tableName(table).item(item("pk", id, "sk", "1")));
        }
        String arn = StreamReader.streamArn(client, table);
        String iterator = streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(StreamReader.shardId(streams, arn))
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();

        GetRecordsResponse first =
                streams.getRecords(request -> request.shardIterator(iterator).limit(2));
        GetRecordsResponse rest = streams.getRecords(request -> request.shardIterator(first.nextShardIterator()));
        GetRecordsResponse empty = streams.getRecords(request -> request.shardIterator(rest.nextShardIterator()));

        assertThat(first.records()).hasSize(2);
        assertThat(rest.records()).hasSize(3);
        assertThat(empty.records()).isEmpty();
        assertThat(empty.nextShardIterator()).isNotNull();
    }

    @Test
    void iteratorsExpireAfterFifteenMinutes() {
        emulator.requireEmulator();
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-expiry");
        String arn = StreamReader.streamArn(client, table);
        String iterator = streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(StreamReader.shardId(streams, arn))
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();

        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> streams.getRecords(request -> request.shardIterator(iterator)))
                .isInstanceOf(ExpiredIteratorException.class);
    }

    @Test
    void recordsOlderThanADayAreTrimmed() {
        emulator.requireEmulator();
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-retention");
        client.putItem(request -> request.tableName(table).item(item("pk", "old", "sk", "1")));
        String arn = StreamReader.streamArn(client, table);
        String shard = StreamReader.shardId(streams, arn);
        String oldSequence =
                StreamReader.readAll(streams, arn).get(0).dynamodb().sequenceNumber();

        clock.advance(Duration.ofHours(25));
        client.putItem(request -> request.tableName(table).item(item("pk", "new", "sk", "1")));

        assertThat(StreamReader.readAll(streams, arn))
                .extracting(record -> record.dynamodb().keys().get("pk").s())
                .containsExactly("new");
        assertThatThrownBy(() -> streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(oldSequence)))
                .isInstanceOf(TrimmedDataAccessException.class);
        emulator.emulator().sweepExpiredItems();
        assertThat(StreamReader.readAll(streams, arn)).hasSize(1);
    }

    @Test
    void aDeletedTablesStreamIsReadToItsEndAndThenClosed() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-deleted");
        String arn = StreamReader.streamArn(client, table);
        client.putItem(request -> request.tableName(table).item(item("pk", "1", "sk", "1")));
        client.deleteTable(request -> request.tableName(table));

        StreamDescription description =
                streams.describeStream(request -> request.streamArn(arn)).streamDescription();
        String iterator = streams.getShardIterator(request -> request.streamArn(arn)
                        .shardId(description.shards().get(0).shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        GetRecordsResponse first = streams.getRecords(request -> request.shardIterator(iterator));

        assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(first.records()).hasSize(1);
        assertThat(first.nextShardIterator()).isNull();
    }

    @Test
    void malformedArnsAndShardsThatAreNotThereAreRefusedOrEmpty() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-shapes");
        String arn = StreamReader.streamArn(client, table);
        String shard = streams.describeStream(request -> request.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();

        assertThatThrownBy(() -> streams.describeStream(request -> request.streamArn("not-a-stream-arn")))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> streams.listStreams(
                        request -> request.tableName(table).exclusiveStartStreamArn("not-a-stream-arn")))
                .satisfies(Fixtures::isValidationError);
        assertThat(streams.describeStream(request -> request.streamArn(arn).exclusiveStartShardId("shardId-unknown"))
                        .streamDescription()
                        .shards())
                .isEmpty();
        assertThat(streams.describeStream(request -> request.streamArn(arn)
                                .shardFilter(
                                        filter -> filter.type("CHILD_SHARDS").shardId(shard)))
                        .streamDescription()
                        .shards())
                .isEmpty();
        assertThatThrownBy(() -> streams.describeStream(request -> request.streamArn(arn)
                        .shardFilter(filter -> filter.type("CHILD_SHARDS").shardId("qwerty"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ShardFilter.ShardId");
    }

    @Test
    void unknownStreamsAndShardsAreNotFound() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-unknown");
        String arn = StreamReader.streamArn(client, table);

        assertThatThrownBy(() -> streams.describeStream(request -> request.streamArn(arn + "x")))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
        assertThatThrownBy(() -> streams.getShardIterator(request ->
                        request.streamArn(arn).shardId("shardId-nope").shardIteratorType(ShardIteratorType.LATEST)))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
        assertThatThrownBy(() -> streams.getRecords(request -> request.shardIterator("not-an-iterator")))
                .satisfies(Fixtures::isValidationError);
    }

    @Test
    void listStreamsPages() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-pages");
        for (int round = 0; round < 2; round++) {
            client.updateTable(
                    request -> request.tableName(table).streamSpecification(stream -> stream.streamEnabled(false)));
            client.updateTable(request -> request.tableName(table)
                    .streamSpecification(
                            stream -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        }

        software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse first =
                streams.listStreams(request -> request.tableName(table).limit(2));
        software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse second = streams.listStreams(
                request -> request.tableName(table).limit(2).exclusiveStartStreamArn(first.lastEvaluatedStreamArn()));

        assertThat(first.streams()).hasSize(2);
        assertThat(second.streams()).hasSize(1);
        assertThat(second.lastEvaluatedStreamArn()).isNull();
    }

    @Test
    void streamsAreListedAndDescribed() {
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "stream-listed");
        String first = StreamReader.streamArn(client, table);
        client.updateTable(
                request -> request.tableName(table).streamSpecification(stream -> stream.streamEnabled(false)));
        client.updateTable(request -> request.tableName(table)
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String second = StreamReader.streamArn(client, table);

        assertThat(streams.listStreams(request -> request.tableName(table)).streams())
                .extracting(stream -> stream.streamArn())
                .containsExactly(first, second);
        StreamDescription closed =
                streams.describeStream(request -> request.streamArn(first)).streamDescription();
        StreamDescription open =
                streams.describeStream(request -> request.streamArn(second)).streamDescription();
        assertThat(closed.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        assertThat(closed.shards().get(0).sequenceNumberRange().endingSequenceNumber())
                .isNotNull();
        assertThat(open.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(open.tableName()).isEqualTo(table);
        assertThat(open.keySchema()).hasSize(2);
        assertThat(open.shards()).singleElement().satisfies(shard -> {
            assertThat(shard.sequenceNumberRange().startingSequenceNumber()).isNotBlank();
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
        });
    }
}
