package io.gridsteward.domain.fund;

import java.util.Optional;

/**
 * The transition table of a claim: for each status and step, the status after it, or nothing when the step is not
 * allowed. A town approval leads to TOWN_APPROVED or APPROVED depending on the amount; the table names APPROVED for
 * the step and {@link Claim} decides which. Every cell is decided, so a new status or step does not compile without
 * its row.
 *
 * <p>Approvals, returns and rejections are taken once per status, and a claim never comes back to a status it left
 * except by resubmission after a return: that is what makes racing approvers and rejecters produce one outcome.
 */
public final class ClaimLifecycle {

    private ClaimLifecycle() {}

    public static Optional<ClaimStatus> next(ClaimStatus current, ClaimEventType step) {
        ClaimStatus target = switch (current) {
            case SUBMITTED ->
                switch (step) {
                    case REVIEWED -> ClaimStatus.REVIEWED;
                    case RETURNED -> ClaimStatus.RETURNED;
                    case REJECTED -> ClaimStatus.REJECTED;
                    case WITHDRAWN -> ClaimStatus.WITHDRAWN;
                    case EXPIRED -> ClaimStatus.EXPIRED;
                    case SUBMITTED, RESUBMITTED, TOWN_APPROVED, APPROVED, PAID, PUBLISHED, REVERSED -> null;
                };
            case RETURNED ->
                switch (step) {
                    case RESUBMITTED -> ClaimStatus.SUBMITTED;
                    case WITHDRAWN -> ClaimStatus.WITHDRAWN;
                    case EXPIRED -> ClaimStatus.EXPIRED;
                    case SUBMITTED, RETURNED, REVIEWED, TOWN_APPROVED, APPROVED, PAID, PUBLISHED, REJECTED, REVERSED ->
                        null;
                };
            case REVIEWED ->
                switch (step) {
                    case TOWN_APPROVED -> ClaimStatus.TOWN_APPROVED;
                    case APPROVED -> ClaimStatus.APPROVED;
                    case RETURNED -> ClaimStatus.RETURNED;
                    case REJECTED -> ClaimStatus.REJECTED;
                    case WITHDRAWN -> ClaimStatus.WITHDRAWN;
                    case EXPIRED -> ClaimStatus.EXPIRED;
                    case SUBMITTED, RESUBMITTED, REVIEWED, PAID, PUBLISHED, REVERSED -> null;
                };
            case TOWN_APPROVED ->
                switch (step) {
                    case APPROVED -> ClaimStatus.APPROVED;
                    case RETURNED -> ClaimStatus.RETURNED;
                    case REJECTED -> ClaimStatus.REJECTED;
                    case WITHDRAWN -> ClaimStatus.WITHDRAWN;
                    case EXPIRED -> ClaimStatus.EXPIRED;
                    case SUBMITTED, RESUBMITTED, REVIEWED, TOWN_APPROVED, PAID, PUBLISHED, REVERSED -> null;
                };
            case APPROVED ->
                switch (step) {
                    case PAID -> ClaimStatus.PAID;
                    case EXPIRED -> ClaimStatus.EXPIRED;
                    case SUBMITTED,
                            RESUBMITTED,
                            RETURNED,
                            REVIEWED,
                            TOWN_APPROVED,
                            APPROVED,
                            PUBLISHED,
                            REJECTED,
                            WITHDRAWN,
                            REVERSED -> null;
                };
            case PAID ->
                switch (step) {
                    case PUBLISHED -> ClaimStatus.PUBLISHED;
                    case REVERSED -> ClaimStatus.REVERSED;
                    case SUBMITTED,
                            RESUBMITTED,
                            RETURNED,
                            REVIEWED,
                            TOWN_APPROVED,
                            APPROVED,
                            PAID,
                            REJECTED,
                            WITHDRAWN,
                            EXPIRED -> null;
                };
            case PUBLISHED ->
                switch (step) {
                    case REVERSED -> ClaimStatus.REVERSED;
                    case SUBMITTED,
                            RESUBMITTED,
                            RETURNED,
                            REVIEWED,
                            TOWN_APPROVED,
                            APPROVED,
                            PAID,
                            PUBLISHED,
                            REJECTED,
                            WITHDRAWN,
                            EXPIRED -> null;
                };
            case REJECTED, WITHDRAWN, EXPIRED, REVERSED -> null;
        };
        return Optional.ofNullable(target);
    }

    public static boolean allows(ClaimStatus current, ClaimEventType step) {
        return next(current, step).isPresent();
    }
}
