package io.gridsteward.store.ticket;

import io.gridsteward.domain.ticket.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list. A filtered page may hold fewer tickets than the limit (DynamoDB filters after reading)
 * and still have a next page: follow {@code nextCursor} until it is empty.
 */
public record TicketPage(List<Ticket> tickets, Optional<String> nextCursor) {

    public TicketPage {
        tickets = List.copyOf(tickets);
    }
}
