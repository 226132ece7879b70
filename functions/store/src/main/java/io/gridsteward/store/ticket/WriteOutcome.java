package io.gridsteward.store.ticket;

import static java.util.Objects.requireNonNull;

/**
 * The ticket a write answers with: after this write, or, when {@code replayed}, as it is now after an earlier request
 * with the same Idempotency-Key wrote it (this one wrote nothing).
 */
public record WriteOutcome(TicketHistory history, boolean replayed) {

    public WriteOutcome {
        requireNonNull(history, "history");
    }
}
