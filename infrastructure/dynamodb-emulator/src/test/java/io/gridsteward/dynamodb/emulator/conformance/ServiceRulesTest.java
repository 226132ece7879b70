package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.attribute;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.key;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Rules of the service that cut across operations: names, constants that cannot be ordered, what a request leaves behind. */
class ServiceRulesTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    @Test
    void aTableNameTheServiceCouldNeverHaveIsAValidationErrorNotNotFound() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();

        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName("no!such!table").item(item("id", "1"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("tableName");
        assertThatThrownBy(
                        () -> client.getItem(request -> request.tableName("xx").key(item("id", "1"))))
                .satisfies(Fixtures::isValidationError);
    }

    @Test
    void orderingAgainstAListConstantIsAValidationErrorNotAFailedCondition() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "ordering");
        client.putItem(request -> request.tableName(table).item(item("id", "1", "a", "x")));

        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("id", "1"))
                        .updateExpression("SET b = :b")
                        .conditionExpression("a < :list")
                        .expressionAttributeValues(
                                Map.of(":b", s("y"), ":list", AttributeValue.fromL(List.of(s("x")))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(
                        "Incorrect operand type for operator or function; operator or function: <, operand type: L");
    }

    @Test
    void namesStartWithALetterAndPathsNestAtMost32Levels() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "name-tokens");

        client.updateItem(request -> request.tableName(table)
                .key(item("id", "1"))
                .updateExpression("SET A123_ = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))));
        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("id", "1"))
                        .updateExpression("SET _abc = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Syntax error");
        client.getItem(
                request -> request.tableName(table).key(item("id", "1")).projectionExpression("a" + ".b".repeat(31)));
        assertThatThrownBy(() -> client.getItem(request ->
                        request.tableName(table).key(item("id", "1")).projectionExpression("a" + ".b".repeat(32))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("nesting levels");
    }

    @Test
    void aQueryOfATableWithoutSortKeyHasNoStartingKey() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "hash-only-start");

        assertThatThrownBy(() -> client.query(request -> request.tableName(table)
                        .keyConditionExpression("id = :id")
                        .expressionAttributeValues(Map.of(":id", s("1")))
                        .exclusiveStartKey(item("id", "1"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ExclusiveStartKey");
    }

    @Test
    void anUpdateThatOnlyRemovesCreatesNoItem() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "remove-only");

        client.updateItem(
                request -> request.tableName(table).key(item("id", "missing")).updateExpression("REMOVE a"));

        assertThat(client.getItem(request -> request.tableName(table).key(item("id", "missing")))
                        .hasItem())
                .isFalse();
        client.updateItem(request -> request.tableName(table).key(item("id", "created")));
        assertThat(client.getItem(request -> request.tableName(table).key(item("id", "created")))
                        .item())
                .isEqualTo(item("id", "created"));
    }

    @Test
    void deleteTableDescribesTheTableGoingNotItsShape() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "going");

        TableDescription description =
                client.deleteTable(request -> request.tableName(table)).tableDescription();

        assertThat(description.tableName()).isEqualTo(table);
        assertThat(description.tableStatusAsString()).isEqualTo("DELETING");
        assertThat(description.tableArn()).endsWith(":table/" + table);
        assertThat(description.hasKeySchema()).isFalse();
        assertThat(description.hasAttributeDefinitions()).isFalse();
        assertThat(description.creationDateTime()).isNull();
        assertThat(description.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void timeToLiveAttributeNamesAreOneTo255Characters() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "ttl-names");

        assertThatThrownBy(() -> client.updateTimeToLive(request -> request.tableName(table)
                        .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("x".repeat(256)))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("length");
        client.updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("x".repeat(255))));
        assertThatThrownBy(() -> client.updateTimeToLive(request -> request.tableName(table)
                        .timeToLiveSpecification(ttl -> ttl.enabled(false).attributeName("other"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("TimeToLive is active on a different AttributeName");
    }

    @Test
    void encryptionSwitchedOffIsAcceptedAsTheDefault() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.uniqueTableName("sse-off");

        client.createTable(request -> request.tableName(table)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .sseSpecification(sse -> sse.enabled(false)));

        assertThat(client.describeTable(request -> request.tableName(table))
                        .table()
                        .tableStatusAsString())
                .isEqualTo("ACTIVE");
    }
}
