package io.gridsteward.api.ticket;

import io.gridsteward.store.ticket.TicketPage;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a ticket list; pass {@code nextCursor} as {@code cursor} for the next page, absent on the last. */
@Schema(name = "TicketList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketListView(List<TicketView> items, String nextCursor) {

    static TicketListView of(TicketPage page) {
        return new TicketListView(page.tickets().stream().map(TicketView::summary).toList(), page.nextCursor().orElse(null));
    }
}
