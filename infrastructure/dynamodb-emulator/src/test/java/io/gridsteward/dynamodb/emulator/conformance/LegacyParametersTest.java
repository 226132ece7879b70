package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The legacy parameters DynamoDB still serves (Expected, KeyConditions, QueryFilter, ScanFilter, AttributesToGet,
 * AttributeUpdates, ConditionalOperator), from the "Legacy conditional parameters" pages of the developer guide.
 */
class LegacyParametersTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createProjectTable(client, "legacy");
        for (int number = 1; number <= 5; number++) {
            String sortKey = "EVENT#" + number;
            int count = number;
            client.putItem(request -> request.tableName(table)
                    .item(item(
                            "pk",
                            "T#1",
                            "sk",
                            sortKey,
                            "count",
                            n(Integer.toString(count)),
                            "kind",
                            count % 2 == 0 ? "even" : "odd")));
        }
    }

    private static Condition condition(ComparisonOperator operator, AttributeValue... values) {
        return Condition.builder()
                .comparisonOperator(operator)
                .attributeValueList(values)
                .build();
    }

    private static ExpectedAttributeValue expected(ComparisonOperator operator, AttributeValue... values) {
        return ExpectedAttributeValue.builder()
                .comparisonOperator(operator)
                .attributeValueList(values)
                .build();
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(found -> found.get("sk").s()).toList();
    }

    @Test
    void keyConditionsSelectAPartitionRange() {
        QueryResponse response = client.query(request -> request.tableName(table)
                .keyConditions(Map.of(
                        "pk", condition(ComparisonOperator.EQ, s("T#1")),
                        "sk", condition(ComparisonOperator.BETWEEN, s("EVENT#2"), s("EVENT#4")))));

        assertThat(sortKeys(response)).containsExactly("EVENT#2", "EVENT#3", "EVENT#4");
        assertThat(sortKeys(client.query(request -> request.tableName(table)
                        .scanIndexForward(false)
                        .keyConditions(Map.of(
                                "pk",
                                condition(ComparisonOperator.EQ, s("T#1")),
                                "sk",
                                condition(ComparisonOperator.BEGINS_WITH, s("EVENT#")))))))
                .containsExactly("EVENT#5", "EVENT#4", "EVENT#3", "EVENT#2", "EVENT#1");
    }

    @Test
    void keyConditionsAllowOnlyEqualityOnThePartitionKey() {
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .keyConditions(Map.of("pk", condition(ComparisonOperator.BEGINS_WITH, s("T#"))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Query key condition not supported");
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .keyConditions(Map.of("sk", condition(ComparisonOperator.EQ, s("EVENT#1"))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .keyConditions(Map.of(
                                "pk",
                                condition(ComparisonOperator.EQ, s("T#1")),
                                "kind",
                                condition(ComparisonOperator.EQ, s("odd"))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Query key condition not supported");
    }

    @Test
    void queryFilterAndAttributesToGetTrimTheResult() {
        QueryResponse response = client.query(request -> request.tableName(table)
                .keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("T#1"))))
                .queryFilter(Map.of(
                        "kind",
                        condition(ComparisonOperator.EQ, s("even")),
                        "count",
                        condition(ComparisonOperator.GT, n("3"))))
                .conditionalOperator(ConditionalOperator.OR)
                .attributesToGet("sk", "count"));

        assertThat(sortKeys(response)).containsExactly("EVENT#2", "EVENT#4", "EVENT#5");
        assertThat(response.scannedCount()).isEqualTo(5);
        assertThat(response.items()).allSatisfy(found -> assertThat(found).containsOnlyKeys("sk", "count"));
    }

    @Test
    void aQueryFilterOnAKeyAttributeIsRefused() {
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("T#1"))))
                        .queryFilter(Map.of("sk", condition(ComparisonOperator.EQ, s("EVENT#1"))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .filterExpression("sk = :sk")
                        .expressionAttributeValues(Map.of(":pk", s("T#1"), ":sk", s("EVENT#1")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    }

    @Test
    void scanFilterFollowsTheOperatorsRules() {
        List<String> odd = client
                .scan(request -> request.tableName(table)
                        .scanFilter(Map.of("kind", condition(ComparisonOperator.IN, s("odd"), s("none")))))
                .items()
                .stream()
                .map(found -> found.get("sk").s())
                .sorted()
                .toList();

        assertThat(odd).containsExactly("EVENT#1", "EVENT#3", "EVENT#5");
        assertThat(client.scan(request -> request.tableName(table)
                                .scanFilter(Map.of("missing", condition(ComparisonOperator.NOT_CONTAINS, s("x")))))
                        .count())
                .isZero();
        assertThat(client.scan(request -> request.tableName(table)
                                .scanFilter(Map.of("missing", condition(ComparisonOperator.NE, s("x")))))
                        .count())
                .isEqualTo(5);
        assertThatThrownBy(() -> client.scan(request -> request.tableName(table)
                        .scanFilter(Map.of(
                                "count", condition(ComparisonOperator.LT, AttributeValue.fromSs(List.of("a")))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ComparisonOperator LT is not valid for SS AttributeValue type");
        assertThatThrownBy(() -> client.scan(request ->
                        request.tableName(table).scanFilter(Map.of("count", condition(ComparisonOperator.EQ)))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Invalid number of argument(s) for the EQ ComparisonOperator");
    }

    @Test
    void attributeUpdatesPutAddAndDelete() {
        Map<String, AttributeValue> key = item("pk", "T#2", "sk", "TICKET");
        Map<String, AttributeValueUpdate> first = new LinkedHashMap<>();
        first.put("title", AttributeValueUpdate.builder().value(s("lamp out")).build());
        first.put(
                "visits",
                AttributeValueUpdate.builder()
                        .action(AttributeAction.ADD)
                        .value(n("2"))
                        .build());
        first.put(
                "tags",
                AttributeValueUpdate.builder()
                        .action(AttributeAction.ADD)
                        .value(AttributeValue.fromSs(List.of("a", "b")))
                        .build());
        first.put(
                "notes",
                AttributeValueUpdate.builder()
                        .action(AttributeAction.ADD)
                        .value(AttributeValue.fromL(List.of(s("first"))))
                        .build());
        client.updateItem(request -> request.tableName(table).key(key).attributeUpdates(first));

        Map<String, AttributeValueUpdate> second = new LinkedHashMap<>();
        second.put(
                "title",
                AttributeValueUpdate.builder().action(AttributeAction.DELETE).build());
        second.put(
                "visits",
                AttributeValueUpdate.builder()
                        .action(AttributeAction.ADD)
                        .value(n("3"))
                        .build());
        second.put(
                "tags",
                AttributeValueUpdate.builder()
                        .action(AttributeAction.DELETE)
                        .value(AttributeValue.fromSs(List.of("a")))
                        .build());
        second.put(
                "notes",
                AttributeValueUpdate.builder()
                        .action(AttributeAction.ADD)
                        .value(AttributeValue.fromL(List.of(s("second"))))
                        .build());
        Map<String, AttributeValue> updated = client.updateItem(request -> request.tableName(table)
                        .key(key)
                        .attributeUpdates(second)
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();

        assertThat(updated).doesNotContainKey("title");
        assertThat(updated.get("visits")).isEqualTo(n("5"));
        assertThat(updated.get("tags").ss()).containsExactly("b");
        assertThat(updated.get("notes").l()).containsExactly(s("first"), s("second"));
    }

    @Test
    void expectedGuardsWritesWithValueExistsAndOperators() {
        Map<String, AttributeValue> key = item("pk", "T#3", "sk", "TICKET");
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "T#3", "sk", "TICKET", "status", "OPEN"))
                .expected(Map.of(
                        "pk", ExpectedAttributeValue.builder().exists(false).build())));

        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "T#3", "sk", "TICKET"))
                        .expected(Map.of(
                                "pk",
                                ExpectedAttributeValue.builder().exists(false).build()))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        client.updateItem(request -> request.tableName(table)
                .key(key)
                .attributeUpdates(Map.of(
                        "status",
                        AttributeValueUpdate.builder().value(s("CLOSED")).build()))
                .expected(Map.of(
                        "status",
                        ExpectedAttributeValue.builder().value(s("OPEN")).build())));
        assertThatThrownBy(() -> client.deleteItem(request -> request.tableName(table)
                        .key(key)
                        .expected(Map.of(
                                "status",
                                expected(ComparisonOperator.EQ, s("OPEN")),
                                "missing",
                                expected(ComparisonOperator.NULL)))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        client.deleteItem(request -> request.tableName(table)
                .key(key)
                .conditionalOperator(ConditionalOperator.OR)
                .expected(Map.of(
                        "status",
                        expected(ComparisonOperator.EQ, s("OPEN")),
                        "missing",
                        expected(ComparisonOperator.NULL))));

        assertThat(client.getItem(request -> request.tableName(table).key(key)).hasItem())
                .isFalse();
    }

    @Test
    void legacyAndExpressionParametersDoNotMix() {
        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "T#4", "sk", "TICKET"))
                        .updateExpression("SET a = :a")
                        .expressionAttributeValues(Map.of(":a", s("x")))
                        .expected(Map.of(
                                "a",
                                ExpectedAttributeValue.builder().exists(false).build()))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {UpdateExpression}");
        assertThatThrownBy(() -> client.getItem(request -> request.tableName(table)
                        .key(item("pk", "T#4", "sk", "TICKET"))
                        .attributesToGet("a")
                        .projectionExpression("a")))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "T#4", "sk", "TICKET"))
                        .attributeUpdates(Map.of(
                                "a",
                                AttributeValueUpdate.builder().value(s("x")).build()))
                        .conditionalOperator(ConditionalOperator.OR)))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ConditionalOperator");
    }

    @Test
    void getItemWithAttributesToGetReturnsOnlyThose() {
        Map<String, AttributeValue> found = client.getItem(request -> request.tableName(table)
                        .key(item("pk", "T#1", "sk", "EVENT#1"))
                        .attributesToGet("count", "absent"))
                .item();

        assertThat(found).containsOnlyKeys("count");
    }
}
