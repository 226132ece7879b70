package io.gridsteward.analytics.lake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.gridsteward.analytics.lake.PartyEventRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Party events from the stream: pseudonymous members, no actor ids, reasons or contacts in the lake. */
class PartyEventConverterTest {

    private final StreamRecordConverter converter = new StreamRecordConverter();

    @Test
    void aMoveLandsWithTheGroupLeftAndThePseudonymButNotTheReasonOrActor() {
        Map<String, AttributeValue> image = new HashMap<>();
        put(image, "entity", "EnrolmentEvent");
        put(image, "eventId", "e-3");
        put(image, "enrolleeId", "user-member-7");
        put(image, "enrolleeKind", "IN_SERVICE_MEMBER");
        image.put("sequence", new AttributeValue().withN("3"));
        put(image, "eventType", "MOVED");
        put(image, "fromStatus", "CONFIRMED");
        put(image, "toStatus", "CONFIRMED");
        put(image, "occurredAt", "2026-03-02T01:00:00.000Z");
        put(image, "actorId", "user-secretary-1");
        put(image, "actorRole", "COMMUNITY_SECRETARY");
        put(image, "actorOrgId", "community-river");
        put(image, "communityId", "community-river");
        put(image, "townId", "town-east");
        put(image, "groupId", "grid-river-2");
        put(image, "previousGroupId", "grid-river-1");
        put(image, "workplaceUnitId", "unit-school");
        put(image, "reason", "moved to block 7 next to Wang Fang");

        PartyEventRow row = (PartyEventRow) ((RecordOutcome.Row) converter.convert(record("11", image))).row();

        assertThat(row)
                .isEqualTo(new PartyEventRow(
                        "e-3",
                        "ENROLMENT",
                        "MOVED",
                        3,
                        Instant.parse("2026-03-02T01:00:00Z"),
                        PartyEventRow.memberKey("user-member-7"),
                        "IN_SERVICE_MEMBER",
                        "CONFIRMED",
                        "COMMUNITY_SECRETARY",
                        "community-river",
                        "community-river",
                        "town-east",
                        "grid-river-2",
                        null,
                        "grid-river-1",
                        "unit-school",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(row.values())
                .doesNotContain("user-member-7", "user-secretary-1", "moved to block 7 next to Wang Fang");
        assertThat(row.memberKey()).hasSize(32).isNotEqualTo(PartyEventRow.memberKey("user-member-8"));
    }

    @Test
    void anAutoCheckOutLandsWithTheActivitysFactsAndBothLedgers() {
        Map<String, AttributeValue> image = new HashMap<>();
        put(image, "entity", "AttendanceEvent");
        put(image, "eventId", "e-9");
        put(image, "activityId", "activity-1");
        put(image, "enrolleeId", "cadre-1");
        put(image, "enrolleeKind", "SUNK_STAFF");
        image.put("sequence", new AttributeValue().withN("2"));
        put(image, "eventType", "AUTO_CHECKED_OUT");
        put(image, "occurredAt", "2026-03-07T03:05:00.000Z");
        put(image, "actorId", "system");
        put(image, "actorRole", "SYSTEM");
        put(image, "activityKind", "PATROL");
        put(image, "organiserId", "grid-river-1");
        put(image, "communityId", "community-river");
        put(image, "townId", "town-east");
        put(image, "gridId", "grid-river-1");
        put(image, "startsAt", "2026-03-07T01:00:00.000Z");
        put(image, "endsAt", "2026-03-07T03:00:00.000Z");
        put(image, "checkedInAt", "2026-03-07T00:50:00.000Z");
        put(image, "checkedOutAt", "2026-03-07T03:00:00.000Z");
        image.put("presentMinutes", new AttributeValue().withN("120"));
        image.put("creditedMinutes", new AttributeValue().withN("120"));

        PartyEventRow row = (PartyEventRow) ((RecordOutcome.Row) converter.convert(record("12", image))).row();

        assertThat(row.recordKind()).isEqualTo("ATTENDANCE");
        assertThat(row.checkedOutAt()).isEqualTo(Instant.parse("2026-03-07T03:00:00Z"));
        assertThat(row.creditedMinutes()).isEqualTo(120L);
        assertThat(row.certifiedMinutes()).isNull();
        assertThat(row.partitionValue()).isEqualTo("2026-03-07");
        assertThat(row.table().name()).isEqualTo("party_events");
    }

    @Test
    void enrolmentsAttendancesAndSignUpsThemselvesAreNotEvents() {
        for (String entity : new String[] {"Enrolment", "Attendance", "SignUp", "Activity", "PartyIdempotency"}) {
            Map<String, AttributeValue> image = new HashMap<>();
            put(image, "entity", entity);
            assertThat(converter.convert(record("13", image))).isInstanceOf(RecordOutcome.Skipped.class);
        }
    }

    private static void put(Map<String, AttributeValue> image, String name, String value) {
        image.put(name, new AttributeValue().withS(value));
    }

    private static DynamodbStreamRecord record(String sequenceNumber, Map<String, AttributeValue> newImage) {
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber(sequenceNumber);
        streamRecord.setNewImage(newImage);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(streamRecord);
        return record;
    }
}
