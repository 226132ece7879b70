package io.gridsteward.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.store.ticket.TicketPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a ticket list; pass {@code nextCursor} as {@code cursor} for the next page, absent on the last. */
@Schema(name = "TicketList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketListView(List<TicketView> items, String nextCursor) {

    static TicketListView of(TicketPage page) {
        return new TicketListView(
                page.tickets().stream().map(TicketView::summary).toList(),
                page.nextCursor().orElse(null));
    }
}
