package io.gridsteward.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.ticket.Assignee;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Deadlines;
import io.gridsteward.domain.ticket.PhotoKey;
import io.gridsteward.domain.ticket.Priority;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream-item contract of a ticket event (docs/contracts.md): the fixture {@value #FIXTURE}, a DynamoDB stream
 * event as Lambda delivers it, holds as {@code NewImage} exactly the items this store writes for two events. The lake's
 * tests (lake-format, lake-maintenance) read the same fixture from this module's test jar, so a drift between what is
 * written and what is read fails a unit test on one side or the other.
 */
class TicketEventStreamContractTest {

    static final String FIXTURE = "/contracts/ticket-event-stream.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TicketId TICKET = new TicketId("7f3c2a10-5b1e-4c7d-9a8e-1d2c3b4a5f60");
    private static final Placement PLACEMENT = new Placement(
            new GridId("grid-hebin-1"), new OrganisationId("community-hebin"), new OrganisationId("town-qingxi"));
    private static final Assignee GRID = new Assignee(new OrganisationId("grid-hebin-1"), OrganisationKind.GRID);
    private static final Deadlines DEADLINES =
            new Deadlines(Instant.parse("2026-11-25T09:00:00Z"), Instant.parse("2026-11-26T08:00:00Z"));

    @Test
    void theFixturesImagesAreTheItemsTheStoreWritesForTheirEvents() throws IOException {
        JsonNode records = fixture().path("Records");
        List<TicketEvent> events = List.of(resolved(), evaluated());

        assertThat(records).hasSize(events.size());
        for (int index = 0; index < events.size(); index++) {
            JsonNode change = records.get(index).path("dynamodb");
            Map<String, AttributeValue> item = TicketItems.item(events.get(index));
            assertThat(dynamoJson(item)).isEqualTo(change.path("NewImage"));
            assertThat(dynamoJson(Map.of("pk", item.get("pk"), "sk", item.get("sk"))))
                    .isEqualTo(change.path("Keys"));
        }
    }

    @Test
    void theFixturesEntityIsTheOneTheStoreNamesTicketEvents() throws IOException {
        assertThat(fixture().path("Records"))
                .allSatisfy(record -> assertThat(record.path("dynamodb")
                                .path("NewImage")
                                .path("entity")
                                .path("S")
                                .asText())
                        .isEqualTo(TicketItems.EVENT_ENTITY));
    }

    private static TicketEvent resolved() {
        return new TicketEvent(
                TicketEvent.idFor(TICKET, 4),
                TICKET,
                4,
                TicketEventType.RESOLVED,
                Optional.of(TicketStatus.ACCEPTED),
                TicketStatus.RESOLVED,
                Instant.parse("2026-11-25T10:00:00.250Z"),
                Caller.staff("worker-hebin-1", Role.GRID_WORKER, new OrganisationId("grid-hebin-1")),
                PLACEMENT,
                new Category("streetlight"),
                Optional.of(GRID),
                Optional.of("换了灯泡, 住户电话 13800000000"),
                Priority.NORMAL,
                DEADLINES,
                OptionalInt.empty(),
                List.of(new PhotoKey("attachments/" + TICKET.value() + "/photo-1.jpg")));
    }

    private static TicketEvent evaluated() {
        return new TicketEvent(
                TicketEvent.idFor(TICKET, 5),
                TICKET,
                5,
                TicketEventType.EVALUATED,
                Optional.of(TicketStatus.RESOLVED),
                TicketStatus.EVALUATED,
                Instant.parse("2026-11-25T11:00:00Z"),
                Caller.resident("resident-zhang"),
                PLACEMENT,
                new Category("streetlight"),
                Optional.of(GRID),
                Optional.empty(),
                Priority.NORMAL,
                DEADLINES,
                OptionalInt.of(4),
                List.of());
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream input = TicketEventStreamContractTest.class.getResourceAsStream(FIXTURE)) {
            return JSON.readTree(input);
        }
    }

    /** An item in the DynamoDB JSON of a stream record's image. */
    private static ObjectNode dynamoJson(Map<String, AttributeValue> item) {
        ObjectNode image = JSON.createObjectNode();
        item.forEach((name, value) -> image.set(name, dynamoJson(value)));
        return image;
    }

    private static ObjectNode dynamoJson(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(element -> list.add(dynamoJson(element)));
            }
            default ->
                throw new IllegalArgumentException(
                        "the ticket event contract has no attribute of type " + value.type());
        }
        return node;
    }
}
