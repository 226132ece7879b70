package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One step of an attendance (谁组织谁记录、谁记录谁证明): a check-in, a check-out (by the member or by the auto check-out job)
 * or the organiser's certification with who and why. Carries the attendance's ledgers after the step and the activity's
 * facts, so the lake needs no lookup.
 */
public record AttendanceEvent(
        String eventId,
        ActivityId activityId,
        EnrolleeId enrolleeId,
        EnrolleeKind enrolleeKind,
        long sequence,
        AttendanceEventType type,
        Instant occurredAt,
        Caller actor,
        ActivityFacts activity,
        Instant checkedInAt,
        Optional<Instant> checkedOutAt,
        long presentMinutes,
        long creditedMinutes,
        OptionalLong certifiedMinutes,
        Optional<String> reason) {

    public AttendanceEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(activityId, "activityId");
        requireNonNull(enrolleeId, "enrolleeId");
        requireNonNull(enrolleeKind, "enrolleeKind");
        requireNonNull(type, "type");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(actor, "actor");
        requireNonNull(activity, "activity");
        requireNonNull(checkedInAt, "checkedInAt");
        requireNonNull(checkedOutAt, "checkedOutAt");
        requireNonNull(certifiedMinutes, "certifiedMinutes");
        requireNonNull(reason, "reason");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        if ((type == AttendanceEventType.CHECKED_IN) != (sequence == 1)) {
            throw new IllegalArgumentException("an attendance starts with its check-in, and only then");
        }
    }

    public static String idFor(ActivityId activity, EnrolleeId enrollee, long sequence) {
        return UUID.nameUUIDFromBytes(("ATTENDANCE#" + activity.value() + "#" + enrollee.value() + "#" + sequence)
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
