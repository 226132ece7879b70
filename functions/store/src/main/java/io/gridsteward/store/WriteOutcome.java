package io.gridsteward.store;

import static java.util.Objects.requireNonNull;

/** The ticket a create call answers with; {@code replayed} when an earlier request with the same key made it. */
public record CreateOutcome(TicketHistory history, boolean replayed) {

    public CreateOutcome {
        requireNonNull(history, "history");
    }
}
