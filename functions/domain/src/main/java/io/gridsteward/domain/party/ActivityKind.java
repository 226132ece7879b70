package io.gridsteward.domain.party;

public enum ActivityKind {
    SERVICE,
    PATROL,
    MEETING,
    VOLUNTEER_DUTY
}
