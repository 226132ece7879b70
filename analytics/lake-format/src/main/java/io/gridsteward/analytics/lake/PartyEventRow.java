package io.gridsteward.analytics.lake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One row of the lake's {@code party_events} table: an enrolment step ({@code record_kind} ENROLMENT: status, group,
 * the group or community left) or an attendance step (ATTENDANCE: the activity's facts and the ledgers after the step).
 * Components are LakeSchema's columns, in order.
 */
public record PartyEventRow(
        String eventId,
        String recordKind,
        String eventType,
        long sequence,
        Instant occurredAt,
        String memberKey,
        String enrolleeKind,
        String toStatus,
        String actorRole,
        String actorOrgId,
        String communityId,
        String townId,
        String gridId,
        String previousCommunityId,
        String previousGridId,
        String workplaceUnitId,
        String activityId,
        String activityKind,
        String organiserId,
        Instant startsAt,
        Instant endsAt,
        Instant checkedInAt,
        Instant checkedOutAt,
        Long presentMinutes,
        Long creditedMinutes,
        Long certifiedMinutes)
        implements LakeRow {

    public static final String ENROLMENT = "ENROLMENT";
    public static final String ATTENDANCE = "ATTENDANCE";

    public PartyEventRow {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(memberKey, "memberKey");
        if (!recordKind.equals(ENROLMENT) && !recordKind.equals(ATTENDANCE)) {
            throw new IllegalArgumentException("record kind is ENROLMENT or ATTENDANCE, not " + recordKind);
        }
    }

    /**
     * The one-way pseudonym of an enrollee's id in the lake: the first 16 bytes of its SHA-256, in hex. Counts of
     * distinct people need a stable key; the id itself stays in the table.
     */
    public static String memberKey(String enrolleeId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("party-member:" + enrolleeId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("every JDK has SHA-256", exception);
        }
    }

    @Override
    public LakeTable table() {
        return LakeSchema.PARTY_EVENTS;
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(
                eventId,
                recordKind,
                eventType,
                sequence,
                occurredAt,
                memberKey,
                enrolleeKind,
                toStatus,
                actorRole,
                actorOrgId,
                communityId,
                townId,
                gridId,
                previousCommunityId,
                previousGridId,
                workplaceUnitId,
                activityId,
                activityKind,
                organiserId,
                startsAt,
                endsAt,
                checkedInAt,
                checkedOutAt,
                presentMinutes,
                creditedMinutes,
                certifiedMinutes));
    }

    @Override
    public String partitionValue() {
        return LakeSchema.partitionValue(occurredAt);
    }
}
