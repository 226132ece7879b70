package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.attribute;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.key;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createProjectTable(client, "query");
        for (String sortKey : List.of("EVENT#000001", "EVENT#000002", "EVENT#000003", "TICKET", "A")) {
            client.putItem(request -> request.tableName(table)
                    .item(item(
                            "pk", "TICKET#1", "sk", sortKey, "kind", sortKey.startsWith("EVENT") ? "event" : "other")));
        }
        client.putItem(request -> request.tableName(table).item(item("pk", "TICKET#2", "sk", "EVENT#000001")));
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(found -> found.get("sk").s()).toList();
    }

    private static QueryResponse query(String keyCondition, Map<String, AttributeValue> values, boolean forward) {
        return client.query(request -> request.tableName(table)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(values)
                .scanIndexForward(forward));
    }

    @Test
    void returnsThePartitionInSortKeyOrderBothWays() {
        assertThat(sortKeys(query("pk = :pk", Map.of(":pk", s("TICKET#1")), true)))
                .containsExactly("A", "EVENT#000001", "EVENT#000002", "EVENT#000003", "TICKET");
        assertThat(sortKeys(query("pk = :pk", Map.of(":pk", s("TICKET#1")), false)))
                .containsExactly("TICKET", "EVENT#000003", "EVENT#000002", "EVENT#000001", "A");
    }

    @Test
    void sortKeyConditionsSelectRanges() {
        assertThat(sortKeys(query(
                        "pk = :pk AND begins_with(sk, :prefix)",
                        Map.of(":pk", s("TICKET#1"), ":prefix", s("EVENT#")),
                        true)))
                .containsExactly("EVENT#000001", "EVENT#000002", "EVENT#000003");
        assertThat(sortKeys(query(
                        "pk = :pk AND begins_with(sk, :prefix)",
                        Map.of(":pk", s("TICKET#1"), ":prefix", s("EVENT#")),
                        false)))
                .containsExactly("EVENT#000003", "EVENT#000002", "EVENT#000001");
        assertThat(sortKeys(query(
                        "pk = :pk AND sk BETWEEN :low AND :high",
                        Map.of(":pk", s("TICKET#1"), ":low", s("EVENT#000002"), ":high", s("TICKET")),
                        true)))
                .containsExactly("EVENT#000002", "EVENT#000003", "TICKET");
        assertThat(sortKeys(query(
                        "pk = :pk AND sk < :bound", Map.of(":pk", s("TICKET#1"), ":bound", s("EVENT#000002")), true)))
                .containsExactly("A", "EVENT#000001");
        assertThat(sortKeys(query(
                        "pk = :pk AND sk >= :bound", Map.of(":pk", s("TICKET#1"), ":bound", s("EVENT#000003")), true)))
                .containsExactly("EVENT#000003", "TICKET");
        assertThat(sortKeys(
                        query("pk = :pk AND sk = :exact", Map.of(":pk", s("TICKET#1"), ":exact", s("TICKET")), true)))
                .containsExactly("TICKET");
    }

    @Test
    void limitAndExclusiveStartKeyPaginate() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(request -> request.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("TICKET#1")))
                    .limit(2)
                    .exclusiveStartKey(from));
            seen.addAll(sortKeys(page));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(seen).containsExactly("A", "EVENT#000001", "EVENT#000002", "EVENT#000003", "TICKET");
        assertThat(pages).isEqualTo(3);
        assertThat(client.queryPaginator(request -> request.tableName(table)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", s("TICKET#1")))
                                .limit(1))
                        .items())
                .hasSize(5);
    }

    @Test
    void aStartingKeyOutsideTheKeyConditionIsAValidationError() {
        QueryRequest.Builder events = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("TICKET#1"), ":prefix", s("EVENT#")));

        assertThatThrownBy(() -> client.query(events.exclusiveStartKey(item("pk", "TICKET#1", "sk", "TICKET"))
                        .build()))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "The provided starting key is outside query boundaries based on provided conditions");
        assertThatThrownBy(() -> client.query(events.exclusiveStartKey(item("pk", "TICKET#2", "sk", "EVENT#000001"))
                        .build()))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "The provided starting key is outside query boundaries based on provided conditions");
        assertThatThrownBy(() -> client.query(QueryRequest.builder()
                        .tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk AND gsi1sk > :after")
                        .expressionAttributeValues(Map.of(":pk", s("SAME"), ":after", s("M")))
                        .exclusiveStartKey(item("pk", "TICKET#1", "sk", "A", "gsi1pk", "SAME", "gsi1sk", "A"))
                        .build()))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("outside query boundaries");
        assertThat(sortKeys(client.query(events.exclusiveStartKey(item("pk", "TICKET#1", "sk", "EVENT#000001"))
                        .build())))
                .containsExactly("EVENT#000002", "EVENT#000003");
    }

    @Test
    void backwardPagesContinueBackward() {
        List<String> seen = client
                .queryPaginator(request -> request.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("TICKET#1")))
                        .scanIndexForward(false)
                        .limit(2))
                .items()
                .stream()
                .map(found -> found.get("sk").s())
                .toList();

        assertThat(seen).containsExactly("TICKET", "EVENT#000003", "EVENT#000002", "EVENT#000001", "A");
    }

    @Test
    void filterCountsScannedItemsAndProjectionTrimsThem() {
        QueryResponse response = client.query(request -> request.tableName(table)
                .keyConditionExpression("pk = :pk")
                .filterExpression("kind = :kind")
                .projectionExpression("sk")
                .expressionAttributeValues(Map.of(":pk", s("TICKET#1"), ":kind", s("event"))));

        assertThat(response.count()).isEqualTo(3);
        assertThat(response.scannedCount()).isEqualTo(5);
        assertThat(response.items())
                .allSatisfy(found -> assertThat(found.keySet()).containsExactly("sk"));
    }

    @Test
    void selectCountReturnsNoItems() {
        QueryResponse response = client.query(request -> request.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("TICKET#1")))
                .select(Select.COUNT));

        assertThat(response.count()).isEqualTo(5);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void keyConditionErrorsAreValidationErrors() {
        assertThatThrownBy(() -> query("pk = :pk", Map.of(":pk", n("1")), true)).satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> query("sk = :sk", Map.of(":sk", s("1")), true)).satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .indexName("gsi1")
                        .consistentRead(true)
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("x")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .indexName("nope")
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("x")))))
                .satisfies(Fixtures::isValidationError);
    }

    @Test
    void globalIndexFollowsItemsThatMoveBetweenIndexKeys() {
        String moving = Fixtures.createProjectTable(client, "moving");
        client.putItem(request -> request.tableName(moving)
                .item(item("pk", "T#1", "sk", "TICKET", "gsi1pk", "STATUS#REPORTED", "gsi1sk", "2026-01-01")));
        client.putItem(request -> request.tableName(moving)
                .item(item("pk", "T#2", "sk", "TICKET", "gsi1pk", "STATUS#REPORTED", "gsi1sk", "2026-01-02")));
        client.putItem(request -> request.tableName(moving).item(item("pk", "T#3", "sk", "TICKET")));

        client.updateItem(request -> request.tableName(moving)
                .key(item("pk", "T#1", "sk", "TICKET"))
                .updateExpression("SET gsi1pk = :status")
                .expressionAttributeValues(Map.of(":status", s("STATUS#DISPATCHED"))));
        client.updateItem(request ->
                request.tableName(moving).key(item("pk", "T#2", "sk", "TICKET")).updateExpression("REMOVE gsi1pk"));
        client.updateItem(request -> request.tableName(moving)
                .key(item("pk", "T#3", "sk", "TICKET"))
                .updateExpression("SET gsi1pk = :status, gsi1sk = :at")
                .expressionAttributeValues(Map.of(":status", s("STATUS#DISPATCHED"), ":at", s("2026-01-03"))));

        QueryRequest.Builder reported =
                QueryRequest.builder().tableName(moving).indexName("gsi1").keyConditionExpression("gsi1pk = :status");
        assertThat(client.query(reported.expressionAttributeValues(Map.of(":status", s("STATUS#REPORTED")))
                                .build())
                        .items())
                .isEmpty();
        assertThat(client.query(reported.expressionAttributeValues(Map.of(":status", s("STATUS#DISPATCHED")))
                                .build())
                        .items())
                .extracting(found -> found.get("pk").s())
                .containsExactly("T#1", "T#3");
        assertThat(client.describeTable(request -> request.tableName(moving))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .itemCount())
                .isEqualTo(2);
    }

    @Test
    void indexPaginationCarriesTableAndIndexKeys() {
        String indexed = Fixtures.createProjectTable(client, "index-pages");
        for (int number = 0; number < 5; number++) {
            String id = "T#" + number;
            client.putItem(request -> request.tableName(indexed)
                    .item(item("pk", id, "sk", "TICKET", "gsi1pk", "SAME", "gsi1sk", "SAME")));
        }
        QueryResponse first = client.query(request -> request.tableName(indexed)
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :same")
                .expressionAttributeValues(Map.of(":same", s("SAME")))
                .limit(2));

        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "gsi1pk", "gsi1sk");
        List<String> all = client
                .queryPaginator(request -> request.tableName(indexed)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :same")
                        .expressionAttributeValues(Map.of(":same", s("SAME")))
                        .limit(2))
                .items()
                .stream()
                .map(found -> found.get("pk").s())
                .toList();
        assertThat(all).containsExactly("T#0", "T#1", "T#2", "T#3", "T#4");
    }

    @Test
    void pagesStopAtOneMegabyte() {
        String large = Fixtures.createProjectTable(client, "large");
        String payload = "x".repeat(100 * 1024);
        for (int number = 0; number < 25; number++) {
            String sortKey = String.format("%03d", number);
            client.putItem(
                    request -> request.tableName(large).item(item("pk", "big", "sk", sortKey, "payload", payload)));
        }

        QueryResponse first = client.query(request -> request.tableName(large)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("big"))));
        List<Map<String, AttributeValue>> all = client
                .queryPaginator(request -> request.tableName(large)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("big"))))
                .items()
                .stream()
                .toList();

        assertThat(first.count()).isBetween(9, 11);
        assertThat(first.lastEvaluatedKey()).containsEntry("sk", s(String.format("%03d", first.count() - 1)));
        assertThat(all).hasSize(25);
        assertThat(all).extracting(found -> found.get("sk").s()).doesNotHaveDuplicates();
    }

    @Test
    void localIndexOrdersByItsSortKey() {
        String local = Fixtures.uniqueTableName("local");
        client.createTable(request -> request.tableName(local)
                .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S),
                        attribute("sk", ScalarAttributeType.S),
                        attribute("score", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("by-score")
                        .keySchema(key("pk", KeyType.HASH), key("score", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.putItem(
                request -> request.tableName(local).item(item("pk", "p", "sk", "a", "score", n("30"), "extra", "1")));
        client.putItem(
                request -> request.tableName(local).item(item("pk", "p", "sk", "b", "score", n("10"), "extra", "2")));
        client.putItem(
                request -> request.tableName(local).item(item("pk", "p", "sk", "c", "score", n("20"), "extra", "3")));

        QueryResponse projected = client.query(request -> request.tableName(local)
                .indexName("by-score")
                .keyConditionExpression("pk = :p AND score > :min")
                .expressionAttributeValues(Map.of(":p", s("p"), ":min", n("15"))));
        QueryResponse full = client.query(request -> request.tableName(local)
                .indexName("by-score")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .select(Select.ALL_ATTRIBUTES));

        assertThat(projected.items()).extracting(found -> found.get("sk").s()).containsExactly("c", "a");
        assertThat(projected.items().get(0)).doesNotContainKey("extra");
        assertThat(full.items()).extracting(found -> found.get("extra").s()).containsExactly("2", "3", "1");
    }
}
