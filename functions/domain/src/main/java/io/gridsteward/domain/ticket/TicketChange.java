package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

/** A ticket's new state and the event that led to it; the store writes both in one transaction. */
public record TicketChange(Ticket ticket, TicketEvent event) {

    public TicketChange {
        requireNonNull(ticket, "ticket");
        requireNonNull(event, "event");
        if (!ticket.id().equals(event.ticketId())
                || ticket.version() != event.sequence()
                || ticket.status() != event.to()) {
            throw new IllegalArgumentException("the event must describe the ticket's new state");
        }
    }
}
