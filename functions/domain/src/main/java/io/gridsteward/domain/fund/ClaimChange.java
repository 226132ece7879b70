package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A claim's next state, the event that explains it and, when the step moves money, the ledger entry on its account:
 * all three are written in one transaction together with the account's sums.
 */
public record ClaimChange(Claim claim, ClaimEvent event, Optional<LedgerEntry> entry) {

    public ClaimChange {
        requireNonNull(claim, "claim");
        requireNonNull(event, "event");
        requireNonNull(entry, "entry");
        if (entry.isPresent() == event.movement().isNone()) {
            throw new IllegalArgumentException("a ledger entry exactly when the step moves money");
        }
    }
}
