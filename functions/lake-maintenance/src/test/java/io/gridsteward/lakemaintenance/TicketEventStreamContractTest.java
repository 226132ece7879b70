package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.lake.stream.RecordOutcome;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The maintenance jobs' side of the stream-item contract: the items of the store's fixture ({@code
 * contracts/ticket-event-stream.json} in grid-steward-store's test jar, checked there against what the store writes),
 * put in a table, are found by the table scan of the reconciliation and the backfill and become the same rows as on
 * the stream path.
 */
class TicketEventStreamContractTest {

    private static final String FIXTURE = "/contracts/ticket-event-stream.json";

    @Test
    void theStoresTicketEventItemsAreFoundInTheTableAndBecomeLakeRows() throws Exception {
        try (LakeHarness lake = new LakeHarness()) {
            List<Map<String, AttributeValue>> items = fixtureItems();
            items.forEach(item -> lake.dynamoDb.putItem(
                    request -> request.tableName(lake.tableName).item(item)));

            List<Map<String, AttributeValue>> found = Collections.synchronizedList(new ArrayList<>());
            lake.tableEvents()
                    .forEach(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"), found::add);

            assertThat(found).containsExactlyInAnyOrderElementsOf(items);
            StreamRecordConverter converter = new StreamRecordConverter();
            assertThat(found.stream()
                            .map(item -> converter.convert(StreamRecords.insertOf(item, "1")))
                            .toList())
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(RecordOutcome.Row.class))
                    .extracting(outcome -> ((TicketEventRow) ((RecordOutcome.Row) outcome).row()).sequence())
                    .containsExactlyInAnyOrder(4L, 5L);
        }
    }

    private static List<Map<String, AttributeValue>> fixtureItems() throws IOException {
        try (InputStream input = TicketEventStreamContractTest.class.getResourceAsStream(FIXTURE)) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (JsonNode record : new ObjectMapper().readTree(input).path("Records")) {
                Map<String, AttributeValue> item = new LinkedHashMap<>();
                record.path("dynamodb")
                        .path("NewImage")
                        .properties()
                        .forEach(attribute -> item.put(attribute.getKey(), value(attribute.getValue())));
                items.add(item);
            }
            return items;
        }
    }

    private static AttributeValue value(JsonNode node) {
        if (node.has("S")) {
            return AttributeValue.fromS(node.get("S").asText());
        }
        if (node.has("N")) {
            return AttributeValue.fromN(node.get("N").asText());
        }
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(element -> list.add(value(element)));
            return AttributeValue.fromL(list);
        }
        throw new IllegalArgumentException("the ticket event contract has no attribute like " + node);
    }
}
