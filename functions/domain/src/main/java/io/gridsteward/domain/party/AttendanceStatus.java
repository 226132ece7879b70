package io.gridsteward.domain.party;

public enum AttendanceStatus {
    CHECKED_IN,
    CHECKED_OUT,
    /** Closed by the auto check-out job at the activity's end: a forgotten check-out. */
    AUTO_CHECKED_OUT;

    public boolean isOpen() {
        return switch (this) {
            case CHECKED_IN -> true;
            case CHECKED_OUT, AUTO_CHECKED_OUT -> false;
        };
    }
}
