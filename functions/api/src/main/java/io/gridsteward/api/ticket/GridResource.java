package io.gridsteward.api.ticket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.TicketAccess;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.ticket.TicketList;
import io.gridsteward.store.ticket.TicketStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A grid's tickets. */
@Path("/v1/grids")
@Produces(MediaType.APPLICATION_JSON)
public class GridResource {

    private final OrganisationStore organisations;
    private final TicketStore tickets;

    @Inject
    GridResource(OrganisationStore organisations, TicketStore tickets) {
        this.organisations = organisations;
        this.tickets = tickets;
    }

    @GET
    @Path("/{gridId}/tickets")
    @Operation(
            summary = "A grid's tickets by status, newest first within a status",
            description = "Staff of the grid, its community or its town; county leaders. status narrows by key.")
    @ListResponses
    public TicketListView gridTickets(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("gridId") String gridId,
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        ListQuery query = ListQuery.parse(status, category, from, to, limit, cursor);
        Placement placement = placement(gridId);
        if (!TicketAccess.mayListGrid(caller, placement)) {
            throw new ForbiddenException("a %s may not list the tickets of grid %s".formatted(caller.role(), gridId));
        }
        return TicketListView.of(tickets.list(new TicketList.InGrid(placement.grid()), query.filter(), query.page()));
    }

    private Placement placement(String id) {
        try {
            return organisations
                    .find(new OrganisationId(id))
                    .flatMap(Organisation::placement)
                    .orElseThrow(() -> new NotFoundException("grid", id));
        } catch (ValidationException invalid) {
            throw new NotFoundException("grid", id);
        }
    }
}
