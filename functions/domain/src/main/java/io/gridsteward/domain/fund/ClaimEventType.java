package io.gridsteward.domain.fund;

/** Every step of a claim; each is an immutable event written with the claim's new state. */
public enum ClaimEventType {
    SUBMITTED,
    RESUBMITTED,
    RETURNED,
    REVIEWED,
    TOWN_APPROVED,
    APPROVED,
    PAID,
    PUBLISHED,
    REJECTED,
    WITHDRAWN,
    EXPIRED,
    REVERSED
}
