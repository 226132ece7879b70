package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The TTL process: expired items are deleted with REMOVE records that name the service as the user. */
class TimeToLiveTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);

    @RegisterExtension
    final DynamoDbEmulatorExtension emulator = new DynamoDbEmulatorExtension(() ->
            DynamoDbEmulator.builder().clock(clock).sweepInterval(Duration.ZERO).start());

    @Test
    void expiredItemsAreDeletedWithServiceRecords() {
        emulator.requireEmulator();
        DynamoDbClient client = emulator.dynamoDbClient();
        DynamoDbStreamsClient streams = emulator.dynamoDbStreamsClient();
        String table = Fixtures.createProjectTable(client, "ttl");
        client.updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("expiresAt")));
        long now = NOW.getEpochSecond();
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "expired", "sk", "1", "expiresAt", n(Long.toString(now - 10)))));
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "later", "sk", "1", "expiresAt", n(Long.toString(now + 3600)))));
        client.putItem(request ->
                request.tableName(table).item(item("pk", "text", "sk", "1", "expiresAt", s("not a number"))));
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "ancient", "sk", "1", "expiresAt", n(Long.toString(now - 6L * 365 * 86400)))));
        client.putItem(request -> request.tableName(table).item(item("pk", "forever", "sk", "1")));

        int deleted = emulator.emulator().sweepExpiredItems();

        assertThat(deleted).isEqualTo(1);
        assertThat(client.scan(request -> request.tableName(table)).items())
                .extracting(found -> found.get("pk").s())
                .containsExactlyInAnyOrder("later", "text", "ancient", "forever");
        List<Record> records = StreamReader.readAll(streams, StreamReader.streamArn(client, table));
        Record removal = records.get(records.size() - 1);
        assertThat(removal.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(removal.dynamodb().keys()).isEqualTo(item("pk", "expired", "sk", "1"));
        assertThat(removal.dynamodb().oldImage()).containsKey("expiresAt");
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");

        clock.advance(Duration.ofHours(2));
        assertThat(emulator.emulator().sweepExpiredItems()).isEqualTo(1);
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "later", "sk", "1")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void tablesWithoutTimeToLiveKeepTheirItems() {
        emulator.requireEmulator();
        DynamoDbClient client = emulator.dynamoDbClient();
        String table = Fixtures.createProjectTable(client, "no-ttl");
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "a", "sk", "1", "expiresAt", n(Long.toString(NOW.getEpochSecond() - 10)))));

        assertThat(emulator.emulator().sweepExpiredItems()).isZero();
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "a", "sk", "1")))
                        .hasItem())
                .isTrue();
    }
}
