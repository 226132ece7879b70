package io.gridsteward.store.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.resource.Claim;

/** The claim a request made, or, for a retry with the same Idempotency-Key, the claim the first request made. */
public record ClaimOutcome(Claim claim, boolean replayed) {

    public ClaimOutcome {
        requireNonNull(claim, "claim");
    }
}
