package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

/** An attendance's new state and the event that led to it; the store writes both in one transaction. */
public record AttendanceChange(Attendance attendance, AttendanceEvent event) {

    public AttendanceChange {
        requireNonNull(attendance, "attendance");
        requireNonNull(event, "event");
        if (!attendance.activityId().equals(event.activityId())
                || !attendance.enrolleeId().equals(event.enrolleeId())
                || attendance.version() != event.sequence()) {
            throw new IllegalArgumentException("the event must describe the attendance's new state");
        }
    }
}
