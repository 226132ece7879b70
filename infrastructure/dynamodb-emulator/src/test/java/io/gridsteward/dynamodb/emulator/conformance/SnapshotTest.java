package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The snapshot is read with the streaming parser and keeps stream records' images as their stored text until read:
 * every attribute type, every stream record and its sequence number, TTL settings, tags and indexes come back the same
 * after one, two and three restarts, and a data directory written by the emulator before this reader still loads.
 */
class SnapshotTest {
    private static final String TABLE = "snapshotted";
    private static final String PREVIOUS_FORMAT = "/snapshots/previous-format/";

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    private void withEmulator(BiConsumer<DynamoDbClient, DynamoDbStreamsClient> use) {
        try (DynamoDbEmulator emulator = DynamoDbEmulator.builder()
                        .clock(clock)
                        .sweepInterval(Duration.ZERO)
                        .dataDirectory(directory)
                        .start();
                DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint());
                DynamoDbStreamsClient streams = EmulatorClients.dynamoDbStreams(emulator.endpoint())) {
            use.accept(client, streams);
        }
    }

    private static Map<String, AttributeValue> everyType(String pk) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s("ITEM"));
        item.put("gsi1pk", s("OPEN"));
        item.put("rank", n("12.5"));
        item.put("title", s("夜间平安巡逻 \"quoted\" \\ slash\nline"));
        item.put("photo", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})));
        item.put("labels", AttributeValue.fromSs(List.of("b", "a")));
        item.put("amounts", AttributeValue.fromNs(List.of("1", "2.5", "-300")));
        item.put(
                "blobs",
                AttributeValue.fromBs(
                        List.of(SdkBytes.fromByteArray(new byte[] {9}), SdkBytes.fromByteArray(new byte[] {8, 7}))));
        item.put(
                "place",
                AttributeValue.fromM(Map.of(
                        "lat",
                        n("30.328"),
                        "nested",
                        AttributeValue.fromM(Map.of(
                                "deep", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromBool(false))))))));
        item.put("history", AttributeValue.fromL(List.of(s("one"), n("2"), AttributeValue.fromNul(true))));
        item.put("missing", AttributeValue.fromNul(true));
        item.put("active", AttributeValue.fromBool(true));
        item.put("expiresAt", n("1900000000"));
        return item;
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(request -> request.tableName(TABLE)
                .attributeDefinitions(
                        Fixtures.attribute("pk", ScalarAttributeType.S),
                        Fixtures.attribute("sk", ScalarAttributeType.S),
                        Fixtures.attribute("gsi1pk", ScalarAttributeType.S))
                .keySchema(Fixtures.key("pk", KeyType.HASH), Fixtures.key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index -> index.indexName("gsi1")
                        .keySchema(Fixtures.key("gsi1pk", KeyType.HASH))
                        .projection(projection -> projection.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(
                        stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .tags(Tag.builder().key("team").value("grid").build()));
        client.updateTimeToLive(request -> request.tableName(TABLE)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("expiresAt")));
    }

    @Test
    void everyAttributeTypeAndEveryStreamRecordComeBackAfterEachRestart() {
        Map<String, AttributeValue> first = everyType("P#1");
        List<Record> written = new java.util.ArrayList<>();
        withEmulator((client, streams) -> {
            createTable(client);
            client.putItem(request -> request.tableName(TABLE).item(first));
            client.putItem(request -> request.tableName(TABLE).item(everyType("P#2")));
            client.updateItem(request -> request.tableName(TABLE)
                    .key(item("pk", "P#2", "sk", "ITEM"))
                    .updateExpression("SET gsi1pk = :closed REMOVE photo")
                    .expressionAttributeValues(Map.of(":closed", s("CLOSED"))));
            client.deleteItem(request -> request.tableName(TABLE).key(item("pk", "P#1", "sk", "ITEM")));
            client.putItem(request -> request.tableName(TABLE).item(first));
            written.addAll(StreamReader.readAll(streams, StreamReader.streamArn(client, TABLE)));
        });
        assertThat(written)
                .extracting(Record::eventNameAsString)
                .containsExactly("INSERT", "INSERT", "MODIFY", "REMOVE", "INSERT");

        withEmulator((client, streams) -> {
            assertSameState(client, first);
            assertThat(StreamReader.readAll(streams, StreamReader.streamArn(client, TABLE)))
                    .isEqualTo(written);
        });
        // Nothing reads the stream this time: the next snapshot writes the records' stored text as it was loaded.
        withEmulator((client, streams) -> assertSameState(client, first));
        withEmulator((client, streams) -> {
            String arn = StreamReader.streamArn(client, TABLE);
            String afterSecond = streams.getShardIterator(request -> request.streamArn(arn)
                            .shardId(StreamReader.shardId(streams, arn))
                            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                            .sequenceNumber(written.get(1).dynamodb().sequenceNumber()))
                    .shardIterator();
            assertThat(StreamReader.readFrom(streams, afterSecond)).isEqualTo(written.subList(2, 5));
            client.putItem(request -> request.tableName(TABLE).item(item("pk", "P#3", "sk", "ITEM")));
            List<Record> all = StreamReader.readAll(streams, arn);
            assertThat(all.subList(0, 5)).isEqualTo(written);
            assertThat(new java.math.BigInteger(all.get(5).dynamodb().sequenceNumber()))
                    .isGreaterThan(
                            new java.math.BigInteger(written.get(4).dynamodb().sequenceNumber()));
        });
    }

    private static void assertSameState(DynamoDbClient client, Map<String, AttributeValue> first) {
        assertThat(client.getItem(request -> request.tableName(TABLE).key(item("pk", "P#1", "sk", "ITEM")))
                        .item())
                .isEqualTo(first);
        Map<String, AttributeValue> second = new LinkedHashMap<>(everyType("P#2"));
        second.put("gsi1pk", s("CLOSED"));
        second.remove("photo");
        assertThat(client.getItem(request -> request.tableName(TABLE).key(item("pk", "P#2", "sk", "ITEM")))
                        .item())
                .isEqualTo(second);
        assertThat(client.query(request -> request.tableName(TABLE)
                                .indexName("gsi1")
                                .keyConditionExpression("gsi1pk = :open")
                                .expressionAttributeValues(Map.of(":open", s("OPEN"))))
                        .items())
                .extracting(found -> found.get("pk").s())
                .containsExactly("P#1");
        TableDescription table =
                client.describeTable(request -> request.tableName(TABLE)).table();
        assertThat(table.itemCount()).isEqualTo(2);
        assertThat(client.listTagsOfResource(request -> request.resourceArn(table.tableArn()))
                        .tags())
                .containsExactly(Tag.builder().key("team").value("grid").build());
        assertThat(client.describeTimeToLive(request -> request.tableName(TABLE))
                        .timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                });
    }

    @Test
    void aSnapshotLoadedAndWrittenAgainIsTheSameFile() throws IOException {
        withEmulator((client, streams) -> {
            createTable(client);
            client.putItem(request -> request.tableName(TABLE).item(everyType("P#1")));
            client.updateItem(request -> request.tableName(TABLE)
                    .key(item("pk", "P#1", "sk", "ITEM"))
                    .updateExpression("SET gsi1pk = :closed")
                    .expressionAttributeValues(Map.of(":closed", s("CLOSED"))));
        });
        byte[] written = Files.readAllBytes(directory.resolve("snapshot.json"));

        withEmulator((client, streams) -> {});

        assertThat(Files.readAllBytes(directory.resolve("snapshot.json"))).isEqualTo(written);
    }

    @Test
    void aDataDirectoryWrittenByThePreviousEmulatorLoads() throws IOException {
        copyPreviousFormat();
        clock.advance(Duration.ofHours(1));

        withEmulator(this::assertPreviousFormatContent);
        // Written again by this emulator, it reads the same.
        withEmulator(this::assertPreviousFormatContent);
    }

    @Test
    void aTornLogAfterASnapshotOfThePreviousEmulatorLosesOnlyTheTornFrame() throws IOException {
        copyPreviousFormat();
        clock.advance(Duration.ofHours(1));
        Files.write(directory.resolve("mutations.log"), new byte[] {0, 0, 1, 0, 7, 7}, StandardOpenOption.APPEND);

        withEmulator(this::assertPreviousFormatContent);
    }

    private void copyPreviousFormat() throws IOException {
        for (String file : List.of("snapshot.json", "mutations.log")) {
            try (InputStream content = SnapshotTest.class.getResourceAsStream(PREVIOUS_FORMAT + file)) {
                Files.copy(content, directory.resolve(file));
            }
        }
    }

    /**
     * The fixture was written by the emulator as it was before the streaming reader (its jar, 2026-12-08): a table
     * {@code legacy} with a GSI, a KEYS_ONLY LSI, tags, TTL on {@code expiresAt} and a stream of new and old images;
     * P#1 with every attribute type, P#2 put then updated to CLOSED, P#3 put then deleted (all in the snapshot), and
     * P#4 put after it (in the log).
     */
    private void assertPreviousFormatContent(DynamoDbClient client, DynamoDbStreamsClient streams) {
        String legacy = "legacy";
        Map<String, AttributeValue> expected = new LinkedHashMap<>(everyType("P#1"));
        expected.put("title", s("夜间平安巡逻 \"quoted\" \\ slash"));
        assertThat(client.getItem(request -> request.tableName(legacy).key(item("pk", "P#1", "sk", "ITEM")))
                        .item())
                .isEqualTo(expected);
        assertThat(client.query(request -> request.tableName(legacy)
                                .indexName("gsi1")
                                .keyConditionExpression("gsi1pk = :open")
                                .expressionAttributeValues(Map.of(":open", s("OPEN"))))
                        .items())
                .extracting(found -> found.get("pk").s())
                .containsExactlyInAnyOrder("P#1", "P#4");
        assertThat(client.query(request -> request.tableName(legacy)
                                .indexName("byRank")
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", s("P#2"))))
                        .items())
                .containsExactly(item("pk", "P#2", "sk", "ITEM", "rank", n("1")));
        TableDescription table =
                client.describeTable(request -> request.tableName(legacy)).table();
        assertThat(table.itemCount()).isEqualTo(3);
        assertThat(client.listTagsOfResource(request -> request.resourceArn(table.tableArn()))
                        .tags())
                .containsExactly(Tag.builder().key("team").value("grid").build());
        assertThat(client.describeTimeToLive(request -> request.tableName(legacy))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo("expiresAt");
        List<Record> records = StreamReader.readAll(streams, table.latestStreamArn());
        assertThat(records)
                .extracting(record -> record.eventNameAsString() + " "
                        + record.dynamodb().keys().get("pk").s() + " "
                        + record.dynamodb().sequenceNumber())
                .containsExactly(
                        "INSERT P#1 100000000000000000001",
                        "INSERT P#2 100000000000000000002",
                        "MODIFY P#2 100000000000000000003",
                        "INSERT P#3 100000000000000000004",
                        "REMOVE P#3 100000000000000000005",
                        "INSERT P#4 100000000000000000006");
        assertThat(records.get(0).dynamodb().newImage()).isEqualTo(expected);
        assertThat(records.get(2).dynamodb().oldImage()).containsEntry("gsi1pk", s("OPEN"));
        assertThat(records.get(2).dynamodb().newImage()).containsEntry("gsi1pk", s("CLOSED"));
        assertThat(records.get(4).dynamodb().oldImage()).isEqualTo(item("pk", "P#3", "sk", "ITEM"));
    }
}
