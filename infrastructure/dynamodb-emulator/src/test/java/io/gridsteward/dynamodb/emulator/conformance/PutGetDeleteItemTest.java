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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

class PutGetDeleteItemTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createProjectTable(client, "items");
    }

    @Test
    void storesAndReturnsEveryAttributeType() {
        Map<String, AttributeValue> stored = item(
                "pk",
                "types",
                "sk",
                "1",
                "string",
                s("text"),
                "number",
                n("-12.5"),
                "binary",
                AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                "strings",
                AttributeValue.fromSs(List.of("a", "b")),
                "numbers",
                AttributeValue.fromNs(List.of("1", "2.5")),
                "binaries",
                AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))),
                "map",
                AttributeValue.fromM(Map.of("inner", n("3"))),
                "list",
                AttributeValue.fromL(List.of(s("one"), n("2"), AttributeValue.fromBool(true))),
                "nothing",
                AttributeValue.fromNul(true),
                "flag",
                AttributeValue.fromBool(false));
        client.putItem(request -> request.tableName(table).item(stored));

        Map<String, AttributeValue> read = client.getItem(request -> request.tableName(table)
                        .key(item("pk", "types", "sk", "1"))
                        .consistentRead(true))
                .item();

        assertThat(read).isEqualTo(stored);
    }

    @Test
    void numbersAreCanonical() {
        client.putItem(request -> request.tableName(table)
                .item(item("pk", "numbers", "sk", "1", "value", n("1.0"), "big", n("0001.500"))));

        Map<String, AttributeValue> read = client.getItem(
                        request -> request.tableName(table).key(item("pk", "numbers", "sk", "1")))
                .item();

        assertThat(read.get("value").n()).isEqualTo("1");
        assertThat(read.get("big").n()).isEqualTo("1.5");
    }

    @Test
    void numberKeysEqualInCanonicalForm() {
        String numeric = Fixtures.uniqueTableName("numeric");
        client.createTable(request -> request.tableName(numeric)
                .attributeDefinitions(
                        Fixtures.attribute("id", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N))
                .keySchema(Fixtures.key("id", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST));
        client.putItem(request -> request.tableName(numeric).item(item("id", n("1.0"), "value", "first")));
        client.putItem(request -> request.tableName(numeric).item(item("id", n("1"), "value", "second")));

        Map<String, AttributeValue> read = client.getItem(
                        request -> request.tableName(numeric).key(item("id", n("1.00"))))
                .item();

        assertThat(read).containsEntry("value", s("second")).containsEntry("id", n("1"));
        assertThat(client.scan(request -> request.tableName(numeric)).count()).isEqualTo(1);
    }

    @Test
    void rejectsNumbersOutsideTheServiceRange() {
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "n", "sk", "1", "value", n("123456789012345678901234567890123456789")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("38 significant digits");
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "n", "sk", "1", "value", n("1E126")))))
                .hasMessageContaining("Number overflow");
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "n", "sk", "1", "value", n("1E-131")))))
                .hasMessageContaining("Number underflow");
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "n", "sk", "1", "value", n("abc")))))
                .hasMessageContaining("cannot be converted into a number");
    }

    @Test
    void putReturnsTheOldItemWhenAsked() {
        client.putItem(request -> request.tableName(table).item(item("pk", "old", "sk", "1", "version", n("1"))));

        Map<String, AttributeValue> old = client.putItem(request -> request.tableName(table)
                        .item(item("pk", "old", "sk", "1", "version", n("2")))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();

        assertThat(old).containsEntry("version", n("1"));
    }

    @Test
    void deleteRemovesTheItemAndReturnsIt() {
        client.putItem(request -> request.tableName(table).item(item("pk", "delete", "sk", "1", "value", "x")));

        Map<String, AttributeValue> old = client.deleteItem(request -> request.tableName(table)
                        .key(item("pk", "delete", "sk", "1"))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();

        assertThat(old).containsEntry("value", s("x"));
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "delete", "sk", "1")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void consumedCapacityIsReportedWhenAsked() {
        software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity written = client.putItem(
                        request -> request.tableName(table)
                                .item(item("pk", "capacity", "sk", "1", "payload", "x".repeat(1500)))
                                .returnConsumedCapacity(
                                        software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();
        software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity read = client.getItem(
                        request -> request.tableName(table)
                                .key(item("pk", "capacity", "sk", "1"))
                                .consistentRead(true)
                                .returnConsumedCapacity(
                                        software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();

        assertThat(written.tableName()).isEqualTo(table);
        assertThat(written.capacityUnits()).isEqualTo(2.0);
        assertThat(read.capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void getOfAMissingItemHasNoItem() {
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "absent", "sk", "1")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void keyRulesAreEnforced() {
        assertThatThrownBy(
                        () -> client.putItem(request -> request.tableName(table).item(item("pk", "", "sk", "1"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("empty string value");
        assertThatThrownBy(() ->
                        client.putItem(request -> request.tableName(table).item(item("pk", n("1"), "sk", "1"))))
                .hasMessageContaining("Type mismatch for key pk");
        assertThatThrownBy(
                        () -> client.putItem(request -> request.tableName(table).item(item("pk", "only-hash"))))
                .hasMessageContaining("Missing the key sk");
        assertThatThrownBy(
                        () -> client.getItem(request -> request.tableName(table).key(item("pk", "x"))))
                .hasMessageContaining("The provided key element does not match the schema");
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "x", "sk", "1", "gsi1pk", n("5")))))
                .hasMessageContaining("Type mismatch for Index Key gsi1pk");
    }

    @Test
    void nestingDeeperThanThirtyTwoLevelsIsRejected() {
        AttributeValue deep = s("leaf");
        for (int level = 0; level < 33; level++) {
            deep = AttributeValue.fromL(List.of(deep));
        }
        AttributeValue tooDeep = deep;
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "deep", "sk", "1", "nested", tooDeep))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Nesting Levels have exceeded supported limits");
    }

    @Test
    void emptySetsAreRejected() {
        assertThatThrownBy(() -> client.putItem(request -> request.tableName(table)
                        .item(item("pk", "x", "sk", "1", "set", AttributeValue.fromSs(List.of())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("may not be empty");
    }

    @Test
    void itemsOver400KilobytesAreRejected() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> client.putItem(
                        request -> request.tableName(table).item(item("pk", "big", "sk", "1", "payload", big))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
        String fits = "x".repeat(400 * 1024 - 100);
        client.putItem(request -> request.tableName(table).item(item("pk", "big", "sk", "2", "payload", fits)));
        assertThat(client.getItem(request -> request.tableName(table).key(item("pk", "big", "sk", "2")))
                        .item()
                        .get("payload")
                        .s())
                .hasSize(fits.length());
    }

    @Test
    void unknownTableIsResourceNotFound() {
        assertThatThrownBy(() -> client.getItem(
                        request -> request.tableName("no-such-table").key(item("pk", "x", "sk", "y"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
