package io.gridsteward.api.ticket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.store.ticket.TicketList;
import io.gridsteward.store.ticket.TicketStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the caller reported. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MyTicketsResource {

    private final TicketStore tickets;

    @Inject
    MyTicketsResource(TicketStore tickets) {
        this.tickets = tickets;
    }

    @GET
    @Path("/tickets")
    @Operation(summary = "The caller's own reports, newest first", description = "Anyone; only their own.")
    @ListResponses
    public TicketListView myTickets(
            @Context APIGatewayV2HTTPEvent event,
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        ListQuery query = ListQuery.parse(status, category, from, to, limit, cursor);
        return TicketListView.of(
                tickets.list(new TicketList.ReportedBy(caller.userId()), query.filter(), query.page()));
    }
}
