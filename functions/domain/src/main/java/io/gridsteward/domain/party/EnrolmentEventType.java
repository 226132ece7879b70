package io.gridsteward.domain.party;

public enum EnrolmentEventType {
    /** First report-in to a community. */
    REPORTED_IN,
    /** The half-yearly report again (every half-year, by the county's deadlines). */
    RENEWED,
    /** The community confirms, placing a person in a grid party group. */
    CONFIRMED,
    DECLINED,
    /** Placed in another group of the same community; the previous group stays on the event. */
    MOVED,
    /** Reported in to another community (moved house); waits for the new community to confirm. */
    TRANSFERRED
}
