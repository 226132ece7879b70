package io.gridsteward.domain.fund;

/** Where a claim stands: 议定 → 备案 → 拨付 → 报销 → 验收 → 公示, as public funds run it. */
public enum ClaimStatus {
    SUBMITTED,
    /** Sent back to the claimant with a reason; the money stays reserved until they resubmit or withdraw. */
    RETURNED,
    REVIEWED,
    /** Approved by the town above the county's threshold: waits for the county. */
    TOWN_APPROVED,
    APPROVED,
    PAID,
    PUBLISHED,
    REJECTED,
    WITHDRAWN,
    EXPIRED,
    REVERSED;

    /** Whether the claim's amount is still held on its account, to be settled or released. */
    public boolean holdsReservation() {
        return switch (this) {
            case SUBMITTED, RETURNED, REVIEWED, TOWN_APPROVED, APPROVED -> true;
            case PAID, PUBLISHED, REJECTED, WITHDRAWN, EXPIRED, REVERSED -> false;
        };
    }
}
