package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.n;
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
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

class ScanTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void fill() {
        client = EMULATOR.dynamoDbClient();
        table = Fixtures.createProjectTable(client, "scan");
        for (int number = 0; number < 40; number++) {
            String id = "P#" + number;
            int amount = number;
            client.putItem(request ->
                    request.tableName(table).item(item("pk", id, "sk", "1", "amount", n(Integer.toString(amount)))));
        }
    }

    @Test
    void paginatedScanReturnsEveryItemOnce() {
        List<String> seen = client
                .scanPaginator(request -> request.tableName(table).limit(7))
                .items()
                .stream()
                .map(found -> found.get("pk").s())
                .toList();

        assertThat(seen).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void segmentsPartitionTheTable() {
        List<String> seen = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            client.scanPaginator(request -> request.tableName(table)
                            .segment(current)
                            .totalSegments(4)
                            .limit(5))
                    .items()
                    .forEach(found -> seen.add(found.get("pk").s()));
        }

        assertThat(seen).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void filterKeepsMatchingItemsAndCountsScanned() {
        ScanResponse response = client.scan(request -> request.tableName(table)
                .filterExpression("amount >= :min")
                .expressionAttributeValues(Map.of(":min", n("30"))));

        assertThat(response.count()).isEqualTo(10);
        assertThat(response.scannedCount()).isEqualTo(40);
    }

    @Test
    void scansAGlobalIndexHoldingOnlyItsItems() {
        String indexed = Fixtures.createProjectTable(client, "scan-index");
        client.putItem(
                request -> request.tableName(indexed).item(item("pk", "a", "sk", "1", "gsi1pk", "G", "gsi1sk", "1")));
        client.putItem(request -> request.tableName(indexed).item(item("pk", "b", "sk", "1")));

        ScanResponse response =
                client.scan(request -> request.tableName(indexed).indexName("gsi1"));

        assertThat(response.items()).extracting(found -> found.get("pk").s()).containsExactly("a");
    }

    @Test
    void segmentWithoutTotalIsRejected() {
        assertThatThrownBy(() -> client.scan(request -> request.tableName(table).segment(1)))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> client.scan(
                        request -> request.tableName(table).segment(4).totalSegments(4)))
                .satisfies(Fixtures::isValidationError);
    }
}
