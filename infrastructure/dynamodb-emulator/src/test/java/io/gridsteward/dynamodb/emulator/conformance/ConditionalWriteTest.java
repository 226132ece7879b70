package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** ConditionExpression on PutItem, UpdateItem and DeleteItem, with ReturnValuesOnConditionCheckFailure. */
class ConditionalWriteTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createProjectTable(client, "conditions");
    }

    @Test
    void putIfAbsentSucceedsOnceThenFailsWithTheExistingItem() {
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "once", "sk", "1", "owner", "first"))
                .conditionExpression("attribute_not_exists(pk)"));

        ConditionalCheckFailedException failure = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "once", "sk", "1", "owner", "second"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(failure.item()).containsEntry("owner", s("first"));
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "once", "sk", "1")))
                        .item())
                .containsEntry("owner", s("first"));
    }

    @Test
    void failedUpdateAndDeleteReturnTheItemWhenAsked() {
        client.putItem(request -> request.tableName(table).item(item("pk", "guarded", "sk", "1", "state", "LOCKED")));

        ConditionalCheckFailedException update = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "guarded", "sk", "1"))
                        .updateExpression("SET #state = :open")
                        .conditionExpression("#state = :open")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":open", s("OPEN")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        ConditionalCheckFailedException delete = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> client.deleteItem(request -> request.tableName(table)
                        .key(item("pk", "guarded", "sk", "1"))
                        .conditionExpression("attribute_not_exists(#state)")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(update.item()).containsEntry("state", s("LOCKED"));
        assertThat(delete.item()).isEqualTo(item("pk", "guarded", "sk", "1", "state", "LOCKED"));
    }

    @Test
    void failureWithoutReturnValuesCarriesNoItem() {
        client.putItem(request -> request.tableName(table).item(item("pk", "plain", "sk", "1")));

        ConditionalCheckFailedException failure = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "plain", "sk", "1"))
                        .conditionExpression("attribute_not_exists(pk)")));

        assertThat(failure.hasItem()).isFalse();
        assertThat(failure.getMessage()).contains("The conditional request failed");
    }

    @Test
    void versionGuardedUpdateAppliesOnlyOnTheExpectedVersion() {
        client.putItem(request -> request.tableName(table).item(item("pk", "versioned", "sk", "1", "version", n("1"))));

        client.updateItem(request -> request.tableName(table)
                .key(item("pk", "versioned", "sk", "1"))
                .updateExpression("SET version = version + :one")
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":one", n("1"), ":expected", n("1"))));
        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "versioned", "sk", "1"))
                        .updateExpression("SET version = version + :one")
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":one", n("1"), ":expected", n("1")))))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "versioned", "sk", "1")))
                        .item())
                .containsEntry("version", n("2"));
    }

    @Test
    void conditionalDeleteLeavesTheItemWhenTheConditionFails() {
        client.putItem(request -> request.tableName(table).item(item("pk", "keep", "sk", "1", "status", "OPEN")));

        assertThatThrownBy(() -> client.deleteItem(request -> request.tableName(table)
                        .key(item("pk", "keep", "sk", "1"))
                        .conditionExpression("#status = :closed")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":closed", s("CLOSED")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "keep", "sk", "1")))
                        .hasItem())
                .isTrue();

        client.deleteItem(request -> request.tableName(table)
                .key(item("pk", "keep", "sk", "1"))
                .conditionExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", s("OPEN"))));
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "keep", "sk", "1")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void conditionOnAMissingItemSeesNoAttributes() {
        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "missing", "sk", "1"))
                        .updateExpression("SET a = :a")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":a", s("x")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "missing", "sk", "1")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void unusedAndMissingPlaceholdersAreValidationErrors() {
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "x", "sk", "1"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expressionAttributeValues(Map.of(":unused", s("x")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining(":unused");
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "x", "sk", "1"))
                        .conditionExpression("a = :missing")))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "x", "sk", "1"))
                        .conditionExpression("attribute_not_exists(#tags) OR #tags = :empty")
                        .expressionAttributeNames(Map.of("#tags", "tags"))
                        .expressionAttributeValues(Map.of(
                                ":empty",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(
                                        java.util.List.of())))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ExpressionAttributeValues contains invalid value")
                .hasMessageContaining("for key :empty");
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "x", "sk", "1"))
                        .expressionAttributeValues(Map.of(":v", s("x")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("can only be specified when using expressions");
    }
}
