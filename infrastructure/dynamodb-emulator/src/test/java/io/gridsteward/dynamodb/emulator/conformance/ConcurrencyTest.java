package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Linearizability seen from many clients at once: one winner per condition, no lost update. */
class ConcurrencyTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    /** Runs {@code attempt} on {@code threads} threads released together; returns how many returned true. */
    private static long race(int threads, IntPredicate attempt) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int number = thread;
                outcomes.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempt.test(number);
                }));
            }
            ready.await();
            go.countDown();
            long successes = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (outcome.get()) {
                    successes++;
                }
            }
            return successes;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void fiftyThreadsRacingAConditionalUpdateHaveExactlyOneWinner() throws Exception {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createProjectTable(client, "race");
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "T", "sk", "TICKET", "version", n("1"), "assignee", "nobody")));

        long winners = race(50, thread -> {
            try {
                client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "T", "sk", "TICKET"))
                        .updateExpression("SET version = :next, assignee = :me")
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(
                                Map.of(":next", n("2"), ":expected", n("1"), ":me", Fixtures.s("thread-" + thread))));
                return true;
            } catch (ConditionalCheckFailedException lost) {
                return false;
            }
        });

        assertThat(winners).isEqualTo(1);
        List<Record> records =
                StreamReader.readAll(EMULATOR.dynamoDbStreamsClient(), StreamReader.streamArn(client, table));
        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY);
        assertThat(records.get(1).dynamodb().newImage().get("assignee"))
                .isEqualTo(client.getItem(request -> request.tableName(table).key(item("pk", "T", "sk", "TICKET")))
                        .item()
                        .get("assignee"));
    }

    @Test
    void racingTransactionsWriteOneEventPerVersion() throws Exception {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createProjectTable(client, "transaction-race");
        client.putItem(request -> request.tableName(table).item(item("pk", "T", "sk", "TICKET", "version", n("1"))));

        long winners = race(20, thread -> {
            try {
                client.transactWriteItems(request -> request.transactItems(
                        TransactWriteItem.builder()
                                .update(Update.builder()
                                        .tableName(table)
                                        .key(item("pk", "T", "sk", "TICKET"))
                                        .updateExpression("SET version = :next")
                                        .conditionExpression("version = :expected")
                                        .expressionAttributeValues(Map.of(":next", n("2"), ":expected", n("1")))
                                        .build())
                                .build(),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(item("pk", "T", "sk", "EVENT#000002", "writer", "thread-" + thread))
                                        .build())
                                .build()));
                return true;
            } catch (TransactionCanceledException lost) {
                return false;
            }
        });

        assertThat(winners).isEqualTo(1);
        assertThat(client.query(request -> request.tableName(table)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", Fixtures.s("T"))))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void concurrentIncrementsLoseNothing() throws Exception {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "counter");

        long completed = race(8, thread -> {
            for (int increment = 0; increment < 25; increment++) {
                client.updateItem(request -> request.tableName(table)
                        .key(item("id", "counter"))
                        .updateExpression("ADD hits :one")
                        .expressionAttributeValues(Map.of(":one", n("1"))));
            }
            return true;
        });

        assertThat(completed).isEqualTo(8);
        assertThat(client.getItem(request -> request.tableName(table).key(item("id", "counter")))
                        .item()
                        .get("hits"))
                .isEqualTo(n("200"));
    }
}
