package io.gridsteward.analytics.lake.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRecordConverterTest {

    private final StreamRecordConverter converter = new StreamRecordConverter();

    @Test
    void missingOrMistypedAttributesAreNamed() {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("entity", new AttributeValue().withS(StreamRecordConverter.TICKET_EVENT));
        image.put("eventId", new AttributeValue().withS("e-1"));

        assertThat(converter.convert(record("INSERT", "7", image)))
                .isEqualTo(new RecordOutcome.Unreadable("7", "attribute ticketId is missing"));

        image.put("ticketId", new AttributeValue().withS("t-1"));
        image.put("sequence", new AttributeValue().withS("one"));
        assertThat(converter.convert(record("INSERT", "8", image)))
                .isEqualTo(new RecordOutcome.Unreadable("8", "attribute sequence must be a number (N)"));
    }

    @Test
    void anEvaluationKeepsPriorityDueTimesRatingAndAssigneeKindButNotItsCommentOrActor() {
        Map<String, AttributeValue> image = evaluated();

        RecordOutcome outcome = converter.convert(record("INSERT", "9", image));

        assertThat(outcome)
                .isEqualTo(new RecordOutcome.Row(
                        "9",
                        new TicketEventRow(
                                "e-5",
                                "t-1",
                                6,
                                "EVALUATED",
                                "RESOLVED",
                                "EVALUATED",
                                Instant.parse("2026-11-26T02:00:00.000Z"),
                                "RESIDENT",
                                null,
                                "grid-7",
                                "community-3",
                                "town-1",
                                "ROAD_DAMAGE",
                                "bureau-housing",
                                "URGENT",
                                Instant.parse("2026-11-25T09:00:00.000Z"),
                                Instant.parse("2026-11-25T20:00:00.000Z"),
                                4,
                                "DEPARTMENT")));
        assertThat(((RecordOutcome.Row) outcome).row().values())
                .doesNotContain("user-resident-42", "Fixed, thanks Zhang Wei");
    }

    @Test
    void anEventWrittenBeforeDueTimesAndKindsExistedHasEmptyLakeColumns() {
        Map<String, AttributeValue> image = evaluated();
        image.remove("priority");
        image.remove("acceptDueAt");
        image.remove("resolveDueAt");
        image.remove("rating");
        image.remove("assigneeOrgKind");

        TicketEventRow row =
                (TicketEventRow) ((RecordOutcome.Row) converter.convert(record("INSERT", "10", image))).row();

        assertThat(row.priority()).isNull();
        assertThat(row.acceptDueAt()).isNull();
        assertThat(row.resolveDueAt()).isNull();
        assertThat(row.rating()).isNull();
        assertThat(row.assigneeOrgId()).isEqualTo("bureau-housing");
        assertThat(row.assigneeOrgKind()).isNull();
    }

    @Test
    void anAssigneeKindThatIsNotAStringIsUnreadable() {
        Map<String, AttributeValue> image = evaluated();
        image.put("assigneeOrgKind", new AttributeValue().withN("4"));

        assertThat(converter.convert(record("INSERT", "14", image)))
                .isEqualTo(new RecordOutcome.Unreadable("14", "attribute assigneeOrgKind must be a string (S)"));
    }

    @Test
    void aFlagOnATicketLateInTheTownQueueLandsWithItsUnchangedStatusAndTheTownAsAssignee() {
        Map<String, AttributeValue> image = evaluated();
        image.put("eventType", new AttributeValue().withS("FLAGGED_OVERDUE"));
        image.put("fromStatus", new AttributeValue().withS("RETURNED"));
        image.put("toStatus", new AttributeValue().withS("RETURNED"));
        image.put("actorId", new AttributeValue().withS("system"));
        image.put("actorRole", new AttributeValue().withS("SYSTEM"));
        image.put("assigneeOrgId", new AttributeValue().withS("town-1"));
        image.put("assigneeOrgKind", new AttributeValue().withS("TOWN"));
        image.remove("rating");

        TicketEventRow row =
                (TicketEventRow) ((RecordOutcome.Row) converter.convert(record("INSERT", "15", image))).row();

        assertThat(row.eventType()).isEqualTo("FLAGGED_OVERDUE");
        assertThat(row.fromStatus()).isEqualTo(row.toStatus()).isEqualTo("RETURNED");
        assertThat(row.actorRole()).isEqualTo("SYSTEM");
        assertThat(row.assigneeOrgId()).isEqualTo("town-1");
        assertThat(row.assigneeOrgKind()).isEqualTo("TOWN");
    }

    @Test
    void aBadRatingOrDueTimeIsUnreadable() {
        Map<String, AttributeValue> image = evaluated();
        image.put("rating", new AttributeValue().withN("9"));
        assertThat(converter.convert(record("INSERT", "11", image)))
                .isEqualTo(new RecordOutcome.Unreadable("11", "rating must be 1 to 5, not 9"));

        image.put("rating", new AttributeValue().withS("four"));
        assertThat(converter.convert(record("INSERT", "12", image)))
                .isEqualTo(new RecordOutcome.Unreadable("12", "attribute rating must be a number (N)"));

        image.put("rating", new AttributeValue().withN("4"));
        image.put("resolveDueAt", new AttributeValue().withS("tomorrow"));
        assertThat(converter.convert(record("INSERT", "13", image)))
                .isEqualTo(new RecordOutcome.Unreadable(
                        "13", "attribute resolveDueAt is not an ISO-8601 instant: tomorrow"));
    }

    private static Map<String, AttributeValue> evaluated() {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("entity", new AttributeValue().withS(StreamRecordConverter.TICKET_EVENT));
        image.put("eventId", new AttributeValue().withS("e-5"));
        image.put("ticketId", new AttributeValue().withS("t-1"));
        image.put("sequence", new AttributeValue().withN("6"));
        image.put("eventType", new AttributeValue().withS("EVALUATED"));
        image.put("fromStatus", new AttributeValue().withS("RESOLVED"));
        image.put("toStatus", new AttributeValue().withS("EVALUATED"));
        image.put("occurredAt", new AttributeValue().withS("2026-11-26T02:00:00.000Z"));
        image.put("actorId", new AttributeValue().withS("user-resident-42"));
        image.put("actorRole", new AttributeValue().withS("RESIDENT"));
        image.put("gridId", new AttributeValue().withS("grid-7"));
        image.put("communityId", new AttributeValue().withS("community-3"));
        image.put("townId", new AttributeValue().withS("town-1"));
        image.put("category", new AttributeValue().withS("ROAD_DAMAGE"));
        image.put("assigneeOrgId", new AttributeValue().withS("bureau-housing"));
        image.put("assigneeOrgKind", new AttributeValue().withS("DEPARTMENT"));
        image.put("reason", new AttributeValue().withS("Fixed, thanks Zhang Wei"));
        image.put("priority", new AttributeValue().withS("URGENT"));
        image.put("acceptDueAt", new AttributeValue().withS("2026-11-25T09:00:00.000Z"));
        image.put("resolveDueAt", new AttributeValue().withS("2026-11-25T20:00:00.000Z"));
        image.put("rating", new AttributeValue().withN("4"));
        return image;
    }

    @Test
    void changesToEventsAndOtherEntitiesAreSkipped() {
        Map<String, AttributeValue> event =
                Map.of("entity", new AttributeValue().withS(StreamRecordConverter.TICKET_EVENT));
        Map<String, AttributeValue> organisation = Map.of("entity", new AttributeValue().withS("Organisation"));

        assertThat(converter.convert(record("MODIFY", "1", event))).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(converter.convert(record("REMOVE", "2", null))).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(converter.convert(record("INSERT", "3", organisation))).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(converter.convert(record("INSERT", "4", null))).isInstanceOf(RecordOutcome.Unreadable.class);
    }

    @Test
    void aRecordWithoutSequenceNumberFailsTheWholeBatch() {
        DynamodbStreamRecord record = record("INSERT", null, Map.of());
        record.setEventID("event-9");

        assertThatThrownBy(() -> converter.convert(record))
                .hasMessageContaining("event-9 has no dynamodb.SequenceNumber");
    }

    private static DynamodbStreamRecord record(
            String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber(sequenceNumber);
        streamRecord.setNewImage(newImage);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(streamRecord);
        return record;
    }
}
