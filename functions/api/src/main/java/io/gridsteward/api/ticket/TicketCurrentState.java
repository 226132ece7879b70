package io.gridsteward.api.ticket;

import io.gridsteward.api.core.CurrentState;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.store.ticket.TicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A ticket's status and version for 409 answers. */
@ApplicationScoped
public class TicketCurrentState implements CurrentState {

    private final TicketStore tickets;

    public TicketCurrentState(TicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    public String kind() {
        return "ticket";
    }

    @Override
    public Optional<Versioned> find(String id) {
        TicketId ticketId;
        try {
            ticketId = new TicketId(id);
        } catch (ValidationException invalid) {
            return Optional.empty();
        }
        return tickets.find(ticketId)
                .map(history -> new Versioned(
                        history.ticket().status().name(), history.ticket().version()));
    }
}
