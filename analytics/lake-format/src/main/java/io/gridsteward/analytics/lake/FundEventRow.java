package io.gridsteward.analytics.lake;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of the lake's {@code fund_events} table: a ledger entry ({@code record_kind} LEDGER: money moved on an
 * account) or a claim's step ({@code record_kind} CLAIM). Its components are LakeSchema's columns, in order. No user
 * ids, reasons or receipts: who acted is a role and an organisation.
 */
public record FundEventRow(
        String eventId,
        String recordKind,
        String eventType,
        Instant occurredAt,
        String accountId,
        String fundKind,
        int fiscalYear,
        String holderId,
        String communityId,
        String townId,
        String gridId,
        String taskId,
        String departmentId,
        String claimId,
        Long sequence,
        String fromStatus,
        String toStatus,
        Long amountFen,
        long fundedChangeFen,
        long reservedChangeFen,
        long paidChangeFen,
        String purpose,
        String servedKind,
        Instant submittedAt,
        String counterpartAccountId,
        String actorRole,
        String actorOrgId)
        implements LakeRow {

    public static final String LEDGER = "LEDGER";
    public static final String CLAIM = "CLAIM";

    public FundEventRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!LEDGER.equals(recordKind) && !CLAIM.equals(recordKind)) {
            throw new IllegalArgumentException("record kind must be LEDGER or CLAIM, not " + recordKind);
        }
    }

    @Override
    public LakeTable table() {
        return LakeSchema.FUND_EVENTS;
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(
                eventId,
                recordKind,
                eventType,
                occurredAt,
                accountId,
                fundKind,
                fiscalYear,
                holderId,
                communityId,
                townId,
                gridId,
                taskId,
                departmentId,
                claimId,
                sequence,
                fromStatus,
                toStatus,
                amountFen,
                fundedChangeFen,
                reservedChangeFen,
                paidChangeFen,
                purpose,
                servedKind,
                submittedAt,
                counterpartAccountId,
                actorRole,
                actorOrgId));
    }

    @Override
    public String partitionValue() {
        return LakeSchema.partitionValue(occurredAt);
    }
}
