package io.gridsteward.analytics.lake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.gridsteward.analytics.lake.FundEventRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fund items as the store writes them (docs/contracts.md, "Funds") become rows of fund_events without personal data. */
class FundEventConverterTest {

    private final StreamRecordConverter converter = new StreamRecordConverter();

    @Test
    void aClaimsPaymentKeepsItsMoneyAndPlaceButNotTheActorReasonOrServedWork() {
        Map<String, AttributeValue> image = place();
        image.put("entity", text("FundClaimEvent"));
        image.put("eventId", text("claim-9:4"));
        image.put("claimId", text("claim-9"));
        image.put("sequence", number(4));
        image.put("eventType", text("PAID"));
        image.put("fromStatus", text("APPROVED"));
        image.put("toStatus", text("PAID"));
        image.put("at", text("2026-04-02T15:30:00.000Z"));
        image.put("amountFen", number(30_000));
        image.put("fundedChangeFen", number(0));
        image.put("reservedChangeFen", number(-30_000));
        image.put("paidChangeFen", number(30_000));
        image.put("purpose", text("party-activity"));
        image.put("servedKind", text("PROJECT"));
        image.put("servedId", text("project-of-li-ming"));
        image.put("submittedAt", text("2026-03-31T15:30:00.000Z"));
        image.put("reason", text("paid to Wang Fang's account"));

        RecordOutcome outcome = converter.convert(record("11", image));

        assertThat(outcome)
                .isEqualTo(new RecordOutcome.Row(
                        "11",
                        new FundEventRow(
                                "claim:claim-9:4",
                                "CLAIM",
                                "PAID",
                                Instant.parse("2026-04-02T15:30:00Z"),
                                "2026:grid-activity:grid-a",
                                "GRID_PARTY_GROUP_ACTIVITY",
                                2026,
                                "grid-a",
                                "community-1",
                                "town-1",
                                "grid-a",
                                null,
                                null,
                                "claim-9",
                                4L,
                                "APPROVED",
                                "PAID",
                                30_000L,
                                0,
                                -30_000,
                                30_000,
                                "party-activity",
                                "PROJECT",
                                Instant.parse("2026-03-31T15:30:00Z"),
                                null,
                                "TOWN_SUPERVISOR",
                                "town-1")));
        assertThat(((RecordOutcome.Row) outcome).row().values())
                .doesNotContain("user-supervisor-7", "paid to Wang Fang's account", "project-of-li-ming");
    }

    @Test
    void aLedgerEntryOfADelegatedTaskNamesItsTaskAndDepartment() {
        Map<String, AttributeValue> image = place();
        image.put("entity", text("FundLedgerEntry"));
        image.put("accountId", text("2026:task:task-3"));
        image.put("fundKind", text("DELEGATED_TASK"));
        image.remove("gridId");
        image.put("taskId", text("task-3"));
        image.put("departmentId", text("dept-water"));
        image.put("entryId", text("task:task-3"));
        image.put("entryType", text("ALLOCATED"));
        image.put("at", text("2026-03-10T02:00:00.000Z"));
        image.put("fundedChangeFen", number(3_000_000));
        image.put("reservedChangeFen", number(0));
        image.put("paidChangeFen", number(0));

        FundEventRow row = (FundEventRow) ((RecordOutcome.Row) converter.convert(record("12", image))).row();

        assertThat(row.eventId()).isEqualTo("ledger:2026:task:task-3:task:task-3");
        assertThat(row.recordKind()).isEqualTo("LEDGER");
        assertThat(row.taskId()).isEqualTo("task-3");
        assertThat(row.departmentId()).isEqualTo("dept-water");
        assertThat(row.fundedChangeFen()).isEqualTo(3_000_000);
        assertThat(row.gridId()).isNull();
        assertThat(row.partitionValue()).isEqualTo("2026-03-10");
    }

    @Test
    void accountsAndClaimsThemselvesStayOutOfTheLake() {
        Map<String, AttributeValue> image = place();
        image.put("entity", text("FundClaim"));

        assertThat(converter.convert(record("13", image))).isInstanceOf(RecordOutcome.Skipped.class);
    }

    private static Map<String, AttributeValue> place() {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("accountId", text("2026:grid-activity:grid-a"));
        image.put("fundKind", text("GRID_PARTY_GROUP_ACTIVITY"));
        image.put("fiscalYear", number(2026));
        image.put("holderId", text("grid-a"));
        image.put("communityId", text("community-1"));
        image.put("townId", text("town-1"));
        image.put("gridId", text("grid-a"));
        image.put("actorId", text("user-supervisor-7"));
        image.put("actorRole", text("TOWN_SUPERVISOR"));
        image.put("actorOrgId", text("town-1"));
        return image;
    }

    private static AttributeValue text(String value) {
        return new AttributeValue().withS(value);
    }

    private static AttributeValue number(long value) {
        return new AttributeValue().withN(Long.toString(value));
    }

    private static DynamodbStreamRecord record(String sequenceNumber, Map<String, AttributeValue> image) {
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber(sequenceNumber);
        streamRecord.setNewImage(image);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(streamRecord);
        return record;
    }
}
