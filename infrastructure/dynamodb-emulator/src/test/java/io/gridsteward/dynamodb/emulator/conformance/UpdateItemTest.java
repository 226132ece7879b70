package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

class UpdateItemTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createProjectTable(client, "updates");
    }

    @Test
    void updateCreatesAMissingItemFromItsKey() {
        Map<String, AttributeValue> created = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "new", "sk", "1"))
                        .updateExpression("SET #count = if_not_exists(#count, :zero) + :one")
                        .expressionAttributeNames(Map.of("#count", "count"))
                        .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1")))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();

        assertThat(created).isEqualTo(item("pk", "new", "sk", "1", "count", n("1")));
    }

    @Test
    void returnValuesSelectOldNewAndUpdatedAttributes() {
        client.putItem(
                request -> request.tableName(table).item(item("pk", "returns", "sk", "1", "a", "old-a", "b", "old-b")));

        Map<String, AttributeValue> updatedOld = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "returns", "sk", "1"))
                        .updateExpression("SET a = :a")
                        .expressionAttributeValues(Map.of(":a", s("new-a")))
                        .returnValues(ReturnValue.UPDATED_OLD))
                .attributes();
        Map<String, AttributeValue> updatedNew = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "returns", "sk", "1"))
                        .updateExpression("SET b = :b")
                        .expressionAttributeValues(Map.of(":b", s("new-b")))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        Map<String, AttributeValue> allOld = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "returns", "sk", "1"))
                        .updateExpression("REMOVE b")
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        Map<String, AttributeValue> none = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "returns", "sk", "1"))
                        .updateExpression("SET c = :c")
                        .expressionAttributeValues(Map.of(":c", s("c"))))
                .attributes();

        assertThat(updatedOld).isEqualTo(item("a", "old-a"));
        assertThat(updatedNew).isEqualTo(item("b", "new-b"));
        assertThat(allOld).isEqualTo(item("pk", "returns", "sk", "1", "a", "new-a", "b", "new-b"));
        assertThat(none).isEmpty();
    }

    @Test
    void addDeleteAndListAppendWork() {
        client.putItem(request -> request.tableName(table)
                .item(item(
                        "pk",
                        "sets",
                        "sk",
                        "1",
                        "tags",
                        AttributeValue.fromSs(List.of("a", "b")),
                        "labels",
                        AttributeValue.fromSs(List.of("x", "y")),
                        "history",
                        AttributeValue.fromL(List.of(s("one"))))));

        Map<String, AttributeValue> updated = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "sets", "sk", "1"))
                        .updateExpression(
                                "ADD tags :add, amount :five DELETE labels :remove SET history = list_append(history, :more)")
                        .expressionAttributeValues(Map.of(
                                ":add",
                                AttributeValue.fromSs(List.of("c")),
                                ":remove",
                                AttributeValue.fromSs(List.of("x")),
                                ":five",
                                n("5"),
                                ":more",
                                AttributeValue.fromL(List.of(s("two")))))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();

        assertThat(updated.get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(updated.get("labels").ss()).containsExactly("y");
        assertThat(updated.get("amount")).isEqualTo(n("5"));
        assertThat(updated.get("history").l()).containsExactly(s("one"), s("two"));
    }

    @Test
    void updatedReturnValuesHoldOnlyTheChangedNestedFragments() {
        client.putItem(request -> request.tableName(table)
                .item(item(
                        "pk",
                        "nested",
                        "sk",
                        "1",
                        "address",
                        AttributeValue.fromM(Map.of("street", s("Old Road"), "city", s("Town"))))));

        Map<String, AttributeValue> updatedNew = client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "nested", "sk", "1"))
                        .updateExpression("SET address.street = :street")
                        .expressionAttributeValues(Map.of(":street", s("New Road")))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();

        assertThat(updatedNew).isEqualTo(Map.of("address", AttributeValue.fromM(Map.of("street", s("New Road")))));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "key", "sk", "1"))
                        .updateExpression("SET sk = :sk")
                        .expressionAttributeValues(Map.of(":sk", s("2")))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("This attribute is part of the key");
    }

    @Test
    void typeErrorsInUpdatesAreValidationErrors() {
        client.putItem(request -> request.tableName(table).item(item("pk", "typed", "sk", "1", "label", "text")));

        assertThatThrownBy(() -> client.updateItem(request -> request.tableName(table)
                        .key(item("pk", "typed", "sk", "1"))
                        .updateExpression("SET label = label + :one")
                        .expressionAttributeValues(Map.of(":one", n("1")))))
                .satisfies(Fixtures::isValidationError);
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "typed", "sk", "1")))
                        .item())
                .containsEntry("label", s("text"));
    }
}
