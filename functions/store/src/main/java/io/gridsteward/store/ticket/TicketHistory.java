package io.gridsteward.store.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEvent;
import java.util.ArrayList;
import java.util.List;

/** A ticket as stored and its trace of events in sequence order. */
public record TicketHistory(Ticket ticket, List<TicketEvent> events) {

    public TicketHistory {
        requireNonNull(ticket, "ticket");
        events = List.copyOf(events);
    }

    /** This history after {@code change}: its new state, its event appended to the trace. */
    public TicketHistory followedBy(TicketChange change) {
        List<TicketEvent> after = new ArrayList<>(events);
        after.add(change.event());
        return new TicketHistory(change.ticket(), after);
    }
}
