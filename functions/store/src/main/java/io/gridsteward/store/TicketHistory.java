package io.gridsteward.store;

import io.gridsteward.domain.Ticket;
import io.gridsteward.domain.TicketEvent;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A ticket as stored and its trace of events in sequence order. */
public record TicketHistory(Ticket ticket, List<TicketEvent> events) {

    public TicketHistory {
        requireNonNull(ticket, "ticket");
        events = List.copyOf(events);
    }
}
