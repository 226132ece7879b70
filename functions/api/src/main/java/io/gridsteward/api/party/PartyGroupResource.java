package io.gridsteward.api.party;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.organisation.Organisations;
import io.gridsteward.api.party.PartyViews.EnrolmentPageView;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.PartyAccess;
import io.gridsteward.http.Problem;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.party.PartyStore;
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

/** The members placed in a grid party group (网格党小组). */
@Path("/v1/party/groups")
@Produces(MediaType.APPLICATION_JSON)
public class PartyGroupResource {

    private final PartyStore store;
    private final OrganisationStore organisations;

    @Inject
    PartyGroupResource(PartyStore store, OrganisationStore organisations) {
        this.store = store;
        this.organisations = organisations;
    }

    @GET
    @Path("/{gridId}/members")
    @Operation(
            summary = "A grid party group's members",
            description = "The grid's party leader and grid workers, and whoever may list its community.")
    @APIResponse(
            responseCode = "200",
            description = "One page; follow nextCursor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolmentPageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Outside the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrolmentPageView groupMembers(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("gridId") String gridId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        Organisation grid = Organisations.require(organisations, gridId);
        if (grid.kind() != OrganisationKind.GRID) {
            throw new NotFoundException("grid", gridId);
        }
        if (!PartyAccess.mayListGroup(caller, grid)) {
            throw new ForbiddenException("a %s may not list the party group of %s".formatted(caller.role(), gridId));
        }
        return EnrolmentPageView.of(
                store.groupMembers(grid.placement().orElseThrow().grid(), PartyPaths.page(limit, cursor)));
    }
}
