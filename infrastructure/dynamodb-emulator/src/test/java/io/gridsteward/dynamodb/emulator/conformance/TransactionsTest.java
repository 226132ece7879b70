package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** TransactWriteItems and TransactGetItems. */
class TransactionsTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String tickets;
    private static String organisations;

    @BeforeAll
    static void createTables() {
        client = EMULATOR.dynamoDbClient();
        tickets = Fixtures.createProjectTable(client, "transactions");
        organisations = Fixtures.createSimpleTable(client, "organisations");
    }

    private static TransactWriteItem versionedTicket(String ticket, int expectedVersion, int newVersion) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tickets)
                        .key(item("pk", ticket, "sk", "TICKET"))
                        .updateExpression("SET version = :new")
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(
                                ":new",
                                n(Integer.toString(newVersion)),
                                ":expected",
                                n(Integer.toString(expectedVersion))))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    private static TransactWriteItem newEvent(String ticket, String sequence) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tickets)
                        .item(item("pk", ticket, "sk", "EVENT#" + sequence))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    @Test
    void appliesEveryActionAcrossTables() {
        client.putItem(
                request -> request.tableName(tickets).item(item("pk", "T#commit", "sk", "TICKET", "version", n("1"))));
        client.putItem(request -> request.tableName(organisations).item(item("id", "stale")));

        client.transactWriteItems(request -> request.transactItems(
                versionedTicket("T#commit", 1, 2),
                newEvent("T#commit", "000002"),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(organisations)
                                .key(item("id", "stale"))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(organisations)
                                .item(item("id", "fresh"))
                                .build())
                        .build()));

        assertThat(client.getItem(request -> request.tableName(tickets).key(item("pk", "T#commit", "sk", "TICKET")))
                        .item())
                .containsEntry("version", n("2"));
        assertThat(client.getItem(
                                request -> request.tableName(tickets).key(item("pk", "T#commit", "sk", "EVENT#000002")))
                        .hasItem())
                .isTrue();
        assertThat(client.getItem(request -> request.tableName(organisations).key(item("id", "stale")))
                        .hasItem())
                .isFalse();
        assertThat(client.getItem(request -> request.tableName(organisations).key(item("id", "fresh")))
                        .hasItem())
                .isTrue();
    }

    @Test
    void oneFailedConditionCancelsEverythingWithReasons() {
        client.putItem(
                request -> request.tableName(tickets).item(item("pk", "T#cancel", "sk", "TICKET", "version", n("5"))));

        TransactionCanceledException cancelled = catchThrowableOfType(
                TransactionCanceledException.class,
                () -> client.transactWriteItems(request -> request.transactItems(
                        newEvent("T#cancel", "000006"),
                        versionedTicket("T#cancel", 4, 5),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(organisations)
                                        .item(item("id", "cancelled-org"))
                                        .build())
                                .build())));

        List<CancellationReason> reasons = cancelled.cancellationReasons();
        assertThat(reasons)
                .extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(reasons.get(1).item()).containsEntry("version", n("5"));
        assertThat(cancelled.getMessage()).contains("Transaction cancelled");
        assertThat(client.getItem(
                                request -> request.tableName(tickets).key(item("pk", "T#cancel", "sk", "EVENT#000006")))
                        .hasItem())
                .isFalse();
        assertThat(client.getItem(request -> request.tableName(organisations).key(item("id", "cancelled-org")))
                        .hasItem())
                .isFalse();
        assertThat(client.getItem(request -> request.tableName(tickets).key(item("pk", "T#cancel", "sk", "TICKET")))
                        .item())
                .containsEntry("version", n("5"));
    }

    @Test
    void conditionCheckGuardsWithoutWriting() {
        client.putItem(request ->
                request.tableName(organisations).item(item("id", "guard", "active", AttributeValue.fromBool(false))));

        assertThatThrownBy(() -> client.transactWriteItems(request -> request.transactItems(
                        TransactWriteItem.builder()
                                .conditionCheck(ConditionCheck.builder()
                                        .tableName(organisations)
                                        .key(item("id", "guard"))
                                        .conditionExpression("active = :yes")
                                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))
                                        .build())
                                .build(),
                        newEvent("T#guarded", "000001"))))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(client.getItem(request ->
                                request.tableName(tickets).key(item("pk", "T#guarded", "sk", "EVENT#000001")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void oneItemTwiceIsAValidationError() {
        assertThatThrownBy(() -> client.transactWriteItems(
                        request -> request.transactItems(newEvent("T#twice", "1"), newEvent("T#twice", "1"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("multiple operations on one item");
    }

    @Test
    void moreThanOneHundredActionsAreRejected() {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int number = 0; number < 101; number++) {
            actions.add(newEvent("T#many", Integer.toString(number)));
        }
        assertThatThrownBy(() -> client.transactWriteItems(request -> request.transactItems(actions)))
                .satisfies(Fixtures::isValidationError);
    }

    @Test
    void clientRequestTokenMakesARetryIdempotent() {
        client.putItem(
                request -> request.tableName(tickets).item(item("pk", "T#token", "sk", "TICKET", "version", n("1"))));

        String token = java.util.UUID.randomUUID().toString();
        client.transactWriteItems(
                request -> request.clientRequestToken(token).transactItems(versionedTicket("T#token", 1, 2)));
        client.transactWriteItems(
                request -> request.clientRequestToken(token).transactItems(versionedTicket("T#token", 1, 2)));

        assertThat(client.getItem(request -> request.tableName(tickets).key(item("pk", "T#token", "sk", "TICKET")))
                        .item())
                .containsEntry("version", n("2"));
        assertThatThrownBy(() -> client.transactWriteItems(
                        request -> request.clientRequestToken(token).transactItems(versionedTicket("T#token", 2, 3))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void transactGetReadsSeveralItemsTogether() {
        client.putItem(
                request -> request.tableName(tickets).item(item("pk", "T#get", "sk", "TICKET", "status", "OPEN")));
        client.putItem(request -> request.tableName(organisations).item(item("id", "get-org", "kind", "GRID")));

        List<Map<String, AttributeValue>> items = client
                .transactGetItems(request -> request.transactItems(
                        TransactGetItem.builder()
                                .get(Get.builder()
                                        .tableName(tickets)
                                        .key(item("pk", "T#get", "sk", "TICKET"))
                                        .build())
                                .build(),
                        TransactGetItem.builder()
                                .get(Get.builder()
                                        .tableName(organisations)
                                        .key(item("id", "get-org"))
                                        .projectionExpression("kind")
                                        .build())
                                .build(),
                        TransactGetItem.builder()
                                .get(Get.builder()
                                        .tableName(organisations)
                                        .key(item("id", "absent"))
                                        .build())
                                .build()))
                .responses()
                .stream()
                .map(response -> response.item())
                .toList();

        assertThat(items.get(0)).containsEntry("status", s("OPEN"));
        assertThat(items.get(1)).isEqualTo(item("kind", "GRID"));
        assertThat(items.get(2)).isNullOrEmpty();
    }
}
