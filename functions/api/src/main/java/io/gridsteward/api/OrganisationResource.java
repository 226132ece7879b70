package io.gridsteward.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.domain.Caller;
import io.gridsteward.domain.ForbiddenException;
import io.gridsteward.domain.NotFoundException;
import io.gridsteward.domain.Organisation;
import io.gridsteward.domain.OrganisationId;
import io.gridsteward.domain.TicketAccess;
import io.gridsteward.domain.ValidationException;
import io.gridsteward.store.OrganisationStore;
import io.gridsteward.store.TicketList;
import io.gridsteward.store.TicketStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** The county's structure (not secret: any authenticated caller reads it) and each organisation's open tickets. */
@Path("/v1/orgs")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    @Inject
    OrganisationStore organisations;

    @Inject
    TicketStore tickets;

    @GET
    @Path("/{id}")
    @Operation(summary = "An organisation")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrganisationView organisation(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        CallerClaims.callerOf(event);
        return OrganisationView.of(organisation(id));
    }

    @GET
    @Path("/{id}/children")
    @Operation(summary = "The organisations directly under one", description = "Read from an index on the parent (no Scan), by kind then id.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "404", description = "No such organisation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OrganisationView> children(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        CallerClaims.callerOf(event);
        return organisations.children(organisation(id).id()).stream().map(OrganisationView::of).toList();
    }

    @GET
    @Path("/{id}/tickets")
    @Operation(summary = "An organisation's open tickets, earliest due first",
            description = "Dispatched, accepted, escalated to it or reopened. Its own staff, its town's dispatchers and supervisors, county leaders.")
    @ListResponses
    public TicketListView openTickets(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id,
                                      @QueryParam("status") String status, @QueryParam("category") String category,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        ListQuery query = ListQuery.parse(status, category, from, to, limit, cursor);
        Organisation organisation = organisation(id);
        if (!TicketAccess.mayListAssigned(caller, organisation)) {
            throw new ForbiddenException("a %s may not list the tickets of %s".formatted(caller.role(), id));
        }
        return TicketListView.of(tickets.list(new TicketList.AssignedTo(organisation.id()), query.filter(), query.page()));
    }

    private Organisation organisation(String id) {
        OrganisationId organisationId;
        try {
            organisationId = new OrganisationId(id);
        }
        catch (ValidationException invalid) {
            throw new NotFoundException("organisation", id);
        }
        return organisations.find(organisationId).orElseThrow(() -> new NotFoundException("organisation", id));
    }
}
