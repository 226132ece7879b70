package io.gridsteward.domain.party;

public enum EnrolmentStatus {
    /** Reported in, waiting for the community to confirm. */
    REPORTED,
    /** Confirmed by the community (and placed in a group, for people). */
    CONFIRMED,
    /** Declined by the community, with a reason. */
    DECLINED
}
