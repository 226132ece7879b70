package io.gridsteward.store.fund;

import static java.util.Objects.requireNonNull;

/**
 * The claim a write answers with: after this write, or, when {@code replayed}, as it is now after an earlier request
 * with the same Idempotency-Key wrote it (this one wrote nothing).
 */
public record ClaimOutcome(ClaimHistory history, boolean replayed) {

    public ClaimOutcome {
        requireNonNull(history, "history");
    }
}
