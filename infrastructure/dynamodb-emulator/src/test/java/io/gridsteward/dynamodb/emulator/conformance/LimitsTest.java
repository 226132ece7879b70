package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.attribute;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.key;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The service quotas of the developer guide: key sizes, attribute names, transaction size; and batch capacity. */
class LimitsTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    @Test
    void partitionKeysHoldAtMost2048BytesAndSortKeys1024() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createProjectTable(client, "key-sizes");

        client.putItem(request -> request.tableName(table).item(item("pk", "p".repeat(2048), "sk", "s".repeat(1024))));
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "p".repeat(2049), "sk", "s"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("2048");
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "p", "sk", "é".repeat(513)))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "p", "sk", "s", "gsi1pk", "g".repeat(2049), "gsi1sk", "x"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("2048");
    }

    @Test
    void attributeNamesAreChecked() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "attribute-names");
        String longest = "a".repeat(65535);

        client.putItem(request -> request.tableName(table).item(Map.of("id", s("1"), longest, n("1"))));
        assertThat(client.getItem(request -> request.tableName(table).key(item("id", "1")))
                        .item())
                .containsKey(longest);
        assertThatThrownBy(() ->
                        client.putItem(request -> request.tableName(table).item(Map.of("id", s("2"), "", n("1")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Empty attribute name");
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(Map.of("id", s("2"), longest + "a", n("1")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> client.getItem(request -> request.tableName(table)
                        .key(item("id", "1"))
                        .projectionExpression("#name")
                        .expressionAttributeNames(Map.of("#name", ""))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Empty attribute name");
        assertThatThrownBy(() -> client.getItem(
                        request -> request.tableName(table).key(item("id", "1")).attributesToGet(longest + "a")))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("65535");
        assertThatThrownBy(() -> client.createTable(request -> request.tableName(Fixtures.uniqueTableName("long-key"))
                        .attributeDefinitions(attribute("k".repeat(256), ScalarAttributeType.S))
                        .keySchema(key("k".repeat(256), KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("255");
    }

    @Test
    void indexProjectionsNameTheirTypeAndEachAttributeOnce() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        java.util.function.Function<Projection, CreateTableRequest> table = projection -> CreateTableRequest.builder()
                .tableName(Fixtures.uniqueTableName("projection"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute("id", ScalarAttributeType.S), attribute("status", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by-status")
                        .keySchema(key("status", KeyType.HASH))
                        .projection(projection)
                        .build())
                .build();

        assertThatThrownBy(() ->
                        client.createTable(table.apply(Projection.builder().build())))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ProjectionType");
        assertThatThrownBy(() -> client.createTable(table.apply(Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes("title", "title")
                        .build())))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void aTransactionCarriesAtMostFourMegabytesAndASchemaBreachCancelsIt() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "transaction-size");
        String payload = "x".repeat(100_000);
        List<TransactWriteItem> large = IntStream.range(0, 50)
                .mapToObj(number -> TransactWriteItem.builder()
                        .put(put -> put.tableName(table).item(item("id", "big-" + number, "payload", payload)))
                        .build())
                .toList();

        assertThatThrownBy(() -> client.transactWriteItems(request -> request.transactItems(large)))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("size cannot exceed");
        assertThatThrownBy(() -> client.transactWriteItems(request -> request.transactItems(
                        TransactWriteItem.builder()
                                .put(put -> put.tableName(table).item(item("id", "fine")))
                                .build(),
                        TransactWriteItem.builder()
                                .put(put -> put.tableName(table).item(Map.of("id", n("1"))))
                                .build())))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        cancelled -> assertThat(cancelled.cancellationReasons())
                                .extracting(reason -> reason.code())
                                .containsExactly("None", "ValidationError"));
        assertThat(client.getItem(request -> request.tableName(table).key(item("id", "fine")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void batchesReportTheirCapacityPerTable() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "batch-capacity");

        List<WriteRequest> writes = List.of(
                WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item("id", "1")).build())
                        .build(),
                WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(item("id", "2", "payload", "y".repeat(1500)))
                                .build())
                        .build());
        var written = client.batchWriteItem(request ->
                request.requestItems(Map.of(table, writes)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        BatchGetItemResponse read =
                client.batchGetItem(request -> request.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                        .requestItems(Map.of(
                                table,
                                KeysAndAttributes.builder()
                                        .consistentRead(true)
                                        .keys(List.<Map<String, AttributeValue>>of(item("id", "1"), item("id", "2")))
                                        .build())));

        assertThat(written.consumedCapacity()).singleElement().satisfies(consumed -> {
            assertThat(consumed.tableName()).isEqualTo(table);
            assertThat(consumed.capacityUnits()).isEqualTo(3.0);
        });
        assertThat(read.consumedCapacity())
                .singleElement()
                .satisfies(consumed -> assertThat(consumed.capacityUnits()).isEqualTo(2.0));
    }
}
