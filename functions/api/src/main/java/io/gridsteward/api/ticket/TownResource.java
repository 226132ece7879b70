package io.gridsteward.api.ticket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.ValidationException;
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

/** A town's dispatch queue. */
@Path("/v1/towns")
@Produces(MediaType.APPLICATION_JSON)
public class TownResource {

    private final OrganisationStore organisations;
    private final TicketStore tickets;

    @Inject
    TownResource(OrganisationStore organisations, TicketStore tickets) {
        this.organisations = organisations;
        this.tickets = tickets;
    }

    @GET
    @Path("/{townId}/queue")
    @Operation(
            summary = "A town's dispatch queue, most urgent acceptance first",
            description =
                    "REPORTED, RETURNED and escalated-to-the-town tickets. The town's dispatchers and supervisors, county leaders.")
    @ListResponses
    public TicketListView queue(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("townId") String townId,
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        ListQuery query = ListQuery.parse(status, category, from, to, limit, cursor);
        OrganisationId town = town(townId);
        if (!TicketAccess.mayListQueue(caller, town)) {
            throw new ForbiddenException("a %s may not list the queue of %s".formatted(caller.role(), townId));
        }
        return TicketListView.of(tickets.list(new TicketList.TownQueue(town), query.filter(), query.page()));
    }

    private OrganisationId town(String id) {
        try {
            OrganisationId town = new OrganisationId(id);
            return organisations
                    .find(town)
                    .filter(organisation -> organisation.kind() == OrganisationKind.TOWN)
                    .map(organisation -> town)
                    .orElseThrow(() -> new NotFoundException("town", id));
        } catch (ValidationException invalid) {
            throw new NotFoundException("town", id);
        }
    }
}
