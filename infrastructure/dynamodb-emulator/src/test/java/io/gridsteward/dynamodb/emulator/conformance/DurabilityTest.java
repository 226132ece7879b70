package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A data directory keeps tables, items, stream records and TTL settings across restarts, and survives a torn log tail. */
class DurabilityTest {
    private static final String TABLE = "durable";

    @TempDir
    Path directory;

    private void withEmulator(DynamoDbEmulator.Builder builder, BiConsumer<DynamoDbClient, DynamoDbStreamsClient> use) {
        try (DynamoDbEmulator emulator = builder.dataDirectory(directory).start();
                DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint());
                DynamoDbStreamsClient streams = EmulatorClients.dynamoDbStreams(emulator.endpoint())) {
            use.accept(client, streams);
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(request -> request.tableName(TABLE)
                .attributeDefinitions(
                        Fixtures.attribute("pk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        Fixtures.attribute("sk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        Fixtures.attribute(
                                "gsi1pk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        Fixtures.attribute(
                                "gsi1sk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                .keySchema(
                        Fixtures.key("pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH),
                        Fixtures.key("sk", software.amazon.awssdk.services.dynamodb.model.KeyType.RANGE))
                .globalSecondaryIndexes(index -> index.indexName("gsi1")
                        .keySchema(
                                Fixtures.key("gsi1pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH),
                                Fixtures.key("gsi1sk", software.amazon.awssdk.services.dynamodb.model.KeyType.RANGE))
                        .projection(projection -> projection.projectionType(
                                software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL)))
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
                .streamSpecification(stream -> stream.streamEnabled(true)
                        .streamViewType(
                                software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static void put(DynamoDbClient client, String pk, String status) {
        client.putItem(request ->
                request.tableName(TABLE).item(item("pk", pk, "sk", "TICKET", "gsi1pk", status, "gsi1sk", pk)));
    }

    @Test
    void everythingSurvivesARestart() {
        withEmulator(DynamoDbEmulator.builder(), (client, streams) -> {
            createTable(client);
            client.updateTimeToLive(request -> request.tableName(TABLE)
                    .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("expiresAt")));
            put(client, "T#1", "OPEN");
            put(client, "T#2", "OPEN");
            client.updateItem(request -> request.tableName(TABLE)
                    .key(item("pk", "T#2", "sk", "TICKET"))
                    .updateExpression("SET gsi1pk = :closed")
                    .expressionAttributeValues(Map.of(":closed", s("CLOSED"))));
            put(client, "T#3", "OPEN");
            client.deleteItem(request -> request.tableName(TABLE).key(item("pk", "T#3", "sk", "TICKET")));
        });

        withEmulator(DynamoDbEmulator.builder(), (client, streams) -> {
            TableDescription table =
                    client.describeTable(request -> request.tableName(TABLE)).table();
            assertThat(table.itemCount()).isEqualTo(2);
            assertThat(client.query(request -> request.tableName(TABLE)
                                    .indexName("gsi1")
                                    .keyConditionExpression("gsi1pk = :open")
                                    .expressionAttributeValues(Map.of(":open", s("OPEN"))))
                            .items())
                    .extracting(found -> found.get("pk").s())
                    .containsExactly("T#1");
            assertThat(client.describeTimeToLive(request -> request.tableName(TABLE))
                            .timeToLiveDescription()
                            .timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.ENABLED);
            List<Record> before = StreamReader.readAll(streams, table.latestStreamArn());
            assertThat(before).hasSize(5);

            put(client, "T#4", "OPEN");
            List<Record> after = StreamReader.readAll(streams, table.latestStreamArn());
            assertThat(after).hasSize(6);
            assertThat(after)
                    .extracting(record -> new BigInteger(record.dynamodb().sequenceNumber()))
                    .isSorted()
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    void aTornLastRecordIsDroppedAndEverythingBeforeItKept() throws IOException {
        withEmulator(DynamoDbEmulator.builder().compactOnClose(false), (client, streams) -> {
            createTable(client);
            put(client, "T#1", "OPEN");
            put(client, "T#2", "OPEN");
        });
        Path log = directory.resolve("mutations.log");
        long intact = Files.size(log);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(intact - 7);
        }

        withEmulator(DynamoDbEmulator.builder().compactOnClose(false), (client, streams) -> {
            assertThat(client.getItem(request -> request.tableName(TABLE).key(item("pk", "T#1", "sk", "TICKET")))
                            .hasItem())
                    .isTrue();
            assertThat(client.getItem(request -> request.tableName(TABLE).key(item("pk", "T#2", "sk", "TICKET")))
                            .hasItem())
                    .isFalse();
            put(client, "T#5", "OPEN");
        });

        withEmulator(DynamoDbEmulator.builder(), (client, streams) -> {
            assertThat(client.scan(request -> request.tableName(TABLE)).items())
                    .extracting(found -> found.get("pk").s())
                    .containsExactlyInAnyOrder("T#1", "T#5");
        });
    }

    @Test
    void garbageAfterTheLastRecordIsDropped() throws IOException {
        withEmulator(DynamoDbEmulator.builder().compactOnClose(false), (client, streams) -> {
            createTable(client);
            put(client, "T#1", "OPEN");
        });
        Path log = directory.resolve("mutations.log");
        long intact = Files.size(log);
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            out.write(new byte[] {0, 0, 0, 40, 1, 2, 3, 4, '{', '"'});
        }

        withEmulator(
                DynamoDbEmulator.builder().compactOnClose(false),
                (client, streams) -> assertThat(client.getItem(
                                        request -> request.tableName(TABLE).key(item("pk", "T#1", "sk", "TICKET")))
                                .hasItem())
                        .isTrue());
        assertThat(Files.size(log)).isEqualTo(intact);
    }

    @Test
    void compactionWritesASnapshotAndEmptiesTheLog() {
        withEmulator(
                DynamoDbEmulator.builder().compactionThresholdBytes(16 * 1024).compactOnClose(false),
                (client, streams) -> {
                    createTable(client);
                    for (int number = 0; number < 60; number++) {
                        put(client, "T#" + number, "OPEN");
                    }
                });
        assertThat(directory.resolve("snapshot.json")).exists();
        assertThat(directory.resolve("mutations.log").toFile().length()).isLessThanOrEqualTo(16 * 1024);

        withEmulator(DynamoDbEmulator.builder(), (client, streams) -> {
            TableDescription table =
                    client.describeTable(request -> request.tableName(TABLE)).table();
            assertThat(table.itemCount()).isEqualTo(60);
            assertThat(StreamReader.readAll(streams, table.latestStreamArn())).hasSize(60);
        });
    }

    @Test
    void aKilledServerProcessLosesNoCommittedWrite() throws Exception {
        Path processDirectory = directory.resolve("process");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DynamoDbEmulator.class.getName(),
                        "--port",
                        "0",
                        "--data-directory",
                        processDirectory.toString())
                .redirectErrorStream(true)
                .start();
        try {
            java.io.BufferedReader output =
                    new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
            String banner = output.readLine();
            for (int line = 0; line < 20 && banner != null && !banner.contains("listening on "); line++) {
                banner = output.readLine();
            }
            assertThat(banner).contains("listening on ");
            java.net.URI endpoint = java.net.URI.create(banner.replaceFirst(".*listening on (\\S+).*", "$1"));
            try (DynamoDbClient client = EmulatorClients.dynamoDb(endpoint)) {
                createTable(client);
                for (int number = 0; number < 20; number++) {
                    put(client, "T#" + number, "OPEN");
                }
            }
        } finally {
            server.destroyForcibly().waitFor();
        }

        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, Optional.of(processDirectory));
                DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint())) {
            assertThat(client.describeTable(request -> request.tableName(TABLE))
                            .table()
                            .itemCount())
                    .isEqualTo(20);
            assertThat(client.getItem(request -> request.tableName(TABLE).key(item("pk", "T#19", "sk", "TICKET")))
                            .item())
                    .containsEntry("gsi1pk", s("OPEN"));
        }
    }

    @Test
    void trimmedRecordsStayTrimmedAfterARestart() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-25T08:00:00Z"));
        String oldSequence;
        try (DynamoDbEmulator emulator = DynamoDbEmulator.builder()
                        .clock(clock)
                        .sweepInterval(java.time.Duration.ZERO)
                        .dataDirectory(directory)
                        .start();
                DynamoDbClient client = EmulatorClients.dynamoDb(emulator.endpoint());
                DynamoDbStreamsClient streams = EmulatorClients.dynamoDbStreams(emulator.endpoint())) {
            createTable(client);
            put(client, "T#old", "OPEN");
            oldSequence = StreamReader.readAll(streams, StreamReader.streamArn(client, TABLE))
                    .get(0)
                    .dynamodb()
                    .sequenceNumber();
            clock.advance(java.time.Duration.ofHours(25));
            put(client, "T#new", "OPEN");
            emulator.sweepExpiredItems();
        }

        withEmulator(
                DynamoDbEmulator.builder().clock(clock).sweepInterval(java.time.Duration.ZERO), (client, streams) -> {
                    String arn = StreamReader.streamArn(client, TABLE);
                    String shard = StreamReader.shardId(streams, arn);
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                                    () -> streams.getShardIterator(request -> request.streamArn(arn)
                                            .shardId(shard)
                                            .shardIteratorType(
                                                    software.amazon.awssdk.services.dynamodb.model.ShardIteratorType
                                                            .AFTER_SEQUENCE_NUMBER)
                                            .sequenceNumber(oldSequence)))
                            .isInstanceOf(
                                    software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException.class);
                    assertThat(StreamReader.readAll(streams, arn))
                            .extracting(
                                    record -> record.dynamodb().keys().get("pk").s())
                            .containsExactly("T#new");
                });
    }

    @Test
    void aDataDirectoryServesOneEmulatorAtATime() {
        try (DynamoDbEmulator first = DynamoDbEmulator.start(0, Optional.of(directory))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DynamoDbEmulator.start(0, Optional.of(directory)))
                    .hasMessageContaining("in use by another emulator");
            assertThat(first.endpoint()).isNotNull();
        }
    }

    @Test
    void numbersKeepTheirCanonicalFormAcrossARestart() {
        withEmulator(DynamoDbEmulator.builder().compactOnClose(false), (client, streams) -> {
            createTable(client);
            client.putItem(
                    request -> request.tableName(TABLE).item(item("pk", "N", "sk", "TICKET", "amount", n("12.50"))));
        });
        withEmulator(
                DynamoDbEmulator.builder(),
                (client, streams) -> assertThat(client.getItem(
                                        request -> request.tableName(TABLE).key(item("pk", "N", "sk", "TICKET")))
                                .item())
                        .containsEntry("amount", n("12.5")));
    }
}
