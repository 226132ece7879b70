package io.gridsteward.domain.party;

public enum AttendanceEventType {
    CHECKED_IN,
    CHECKED_OUT,
    AUTO_CHECKED_OUT,
    /** The organiser's correction (certified ledger): who, why and how many minutes. */
    CERTIFIED
}
