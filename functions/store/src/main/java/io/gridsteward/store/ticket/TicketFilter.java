package io.gridsteward.store.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.Optional;

/** Narrows a list: by status, category, and report time in {@code [reportedFrom, reportedBefore)}. */
public record TicketFilter(
        Optional<TicketStatus> status,
        Optional<Category> category,
        Optional<Instant> reportedFrom,
        Optional<Instant> reportedBefore) {

    public TicketFilter {
        requireNonNull(status, "status");
        requireNonNull(category, "category");
        requireNonNull(reportedFrom, "reportedFrom");
        requireNonNull(reportedBefore, "reportedBefore");
    }

    public static TicketFilter none() {
        return new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
