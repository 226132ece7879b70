package io.gridsteward.store.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.party.Attendance;

/**
 * The attendance a check-in or check-out answers with: after this write, or, when {@code replayed}, as it is now after
 * an earlier request with the same Idempotency-Key wrote it (this one wrote nothing).
 */
public record AttendanceOutcome(Attendance attendance, boolean replayed) {

    public AttendanceOutcome {
        requireNonNull(attendance, "attendance");
    }
}
