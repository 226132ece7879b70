package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem and BatchGetItem. */
class BatchOperationsTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createSimpleTable(client, "batch");
    }

    private static WriteRequest put(String id) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder()
                        .item(item("id", id, "value", "v-" + id))
                        .build())
                .build();
    }

    @Test
    void writesAndReadsInBatches() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int number = 0; number < 25; number++) {
            writes.add(put("b" + number));
        }
        BatchWriteItemResponse written = client.batchWriteItem(request -> request.requestItems(Map.of(table, writes)));
        client.batchWriteItem(request -> request.requestItems(Map.of(
                table,
                List.of(WriteRequest.builder()
                        .deleteRequest(
                                DeleteRequest.builder().key(item("id", "b0")).build())
                        .build()))));

        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int number = 0; number < 25; number++) {
            keys.add(item("id", "b" + number));
        }
        BatchGetItemResponse read = client.batchGetItem(request -> request.requestItems(Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(keys)
                        .projectionExpression("id")
                        .build())));

        assertThat(written.unprocessedItems()).isEmpty();
        assertThat(read.unprocessedKeys()).isEmpty();
        assertThat(read.responses().get(table))
                .hasSize(24)
                .allSatisfy(found -> assertThat(found.keySet()).containsExactly("id"));
    }

    @Test
    void unknownTablesAreNotFound() {
        assertThatThrownBy(() -> client.batchGetItem(request -> request.requestItems(Map.of(
                        "no-such-table",
                        KeysAndAttributes.builder()
                                .keys(List.of(item("id", "x")))
                                .build()))))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.batchWriteItem(
                        request -> request.requestItems(Map.of("no-such-table", List.of(put("x"))))))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
    }

    @Test
    void limitsAndDuplicatesAreValidationErrors() {
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int number = 0; number < 26; number++) {
            tooMany.add(put("many" + number));
        }
        assertThatThrownBy(() -> client.batchWriteItem(request -> request.requestItems(Map.of(table, tooMany))))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> client.batchWriteItem(
                        request -> request.requestItems(Map.of(table, List.of(put("same"), put("same"))))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("duplicates");
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int number = 0; number < 101; number++) {
            keys.add(item("id", "k" + number));
        }
        assertThatThrownBy(() -> client.batchGetItem(request -> request.requestItems(
                        Map.of(table, KeysAndAttributes.builder().keys(keys).build()))))
                .satisfies(Fixtures::isValidationError);
        assertThat(client.getItem(request -> request.tableName(table).key(item("id", "same")))
                        .hasItem())
                .isFalse();
    }
}
