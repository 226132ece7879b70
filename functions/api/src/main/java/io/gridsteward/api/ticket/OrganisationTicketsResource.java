package io.gridsteward.api.ticket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.organisation.Organisations;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
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

/** Each organisation's open tickets: the ticket context's view of the county tree. */
@Path("/v1/orgs/{id}/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationTicketsResource {

    private final OrganisationStore organisations;
    private final TicketStore tickets;

    @Inject
    OrganisationTicketsResource(OrganisationStore organisations, TicketStore tickets) {
        this.organisations = organisations;
        this.tickets = tickets;
    }

    @GET
    @Operation(
            summary = "An organisation's open tickets, earliest due first",
            description =
                    "Dispatched, accepted, escalated to it or reopened. Its own staff, its town's dispatchers and supervisors, county leaders.")
    @ListResponses
    public TicketListView openTickets(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        ListQuery query = ListQuery.parse(status, category, from, to, limit, cursor);
        Organisation organisation = Organisations.require(organisations, id);
        if (!TicketAccess.mayListAssigned(caller, organisation)) {
            throw new ForbiddenException("a %s may not list the tickets of %s".formatted(caller.role(), id));
        }
        return TicketListView.of(
                tickets.list(new TicketList.AssignedTo(organisation.id()), query.filter(), query.page()));
    }
}
