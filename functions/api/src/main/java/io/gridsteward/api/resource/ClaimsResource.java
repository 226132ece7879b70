package io.gridsteward.api.resource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.Reach;
import io.gridsteward.domain.resource.ResourceAccess;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.resource.ResourceStore;
import io.gridsteward.store.resource.Traced;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Claims over HTTP: read, listed for the organisation that decides them, accepted (a project starts) or declined (the quantity goes back). */
@Path(ClaimsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {

    static final String PATH = "/v1/resources/claims";

    private final ResourceStore resources;
    private final OrganisationStore organisations;
    private final Reaches reaches;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ClaimsResource(
            ResourceStore resources,
            OrganisationStore organisations,
            Reaches reaches,
            Clock clock,
            ObjectMapper mapper) {
        this.resources = resources;
        this.organisations = organisations;
        this.reaches = reaches;
        this.clock = clock;
        this.mapper = mapper;
    }

    @GET
    @Operation(
            summary = "Claims waiting for a decision",
            description = "deciderOrgId: an offer's provider or a demand's community; its deciding "
                    + "officers and county leaders, oldest first.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ListView.class)))
    @APIResponse(
            responseCode = "400",
            description = "No deciderOrgId, a bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a deciding officer of the organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ListView<ResourceViews.ClaimView> awaiting(
            @Context APIGatewayV2HTTPEvent event,
            @QueryParam("deciderOrgId") String deciderOrgId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        PageRequest page = PageQuery.parse(limit, cursor);
        OrganisationId deciderId = PageQuery.organisation("deciderOrgId", deciderOrgId);
        Organisation decider = organisations
                .find(deciderId)
                .orElseThrow(() -> new NotFoundException("organisation", deciderId.value()));
        if (!ResourceAccess.mayListAwaitingDecision(caller, decider)) {
            throw new ForbiddenException(
                    "a %s may not list the claims %s decides".formatted(caller.role(), deciderId.value()));
        }
        return ResourceViews.ListView.of(
                resources.awaitingDecision(deciderId, page), claim -> ResourceViews.ClaimView.of(claim, null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A claim with its trace")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ClaimView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such claim, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ClaimView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        return ResourceViews.ClaimView.of(visible(reaches.of(CallerClaims.callerOf(event)), id));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept a claim",
            description = "The offer's provider or the demand's community accepts; the claim becomes a project "
                    + "(same id) owned by the one who claimed, on the plan given.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.AcceptBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a deciding officer of the item's side",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such claim, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Decided already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "An invalid plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView accept(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.AcceptBody request = ResourceBodies.AcceptBody.parse(mapper, body);
        Traced<Claim> current = visible(reaches.of(caller), id);
        Claim.Accepted accepted = current.state().accept(request.plan(), caller, clock.instant());
        resources.accept(current.state(), accepted);
        return ResourceViews.ProjectView.of(
                accepted.project().state(), List.of(accepted.project().event()));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Decline a claim",
            description =
                    "The offer's provider or the demand's community declines, with a reason; the quantity goes back to the item.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.ReasonBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ClaimView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a deciding officer of the item's side",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Decided already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ClaimView decline(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.ReasonBody request = ResourceBodies.ReasonBody.parse(mapper, body);
        Traced<Claim> current = visible(reaches.of(caller), id);
        resources.decline(current.state(), current.state().decline(request.value(), caller, clock.instant()));
        return ResourceViews.ClaimView.of(
                resources.findClaim(current.state().id()).orElseThrow());
    }

    private Traced<Claim> visible(Reach reach, String id) {
        return VisibleItems.find(
                "claim", id, ClaimId::new, resources::findClaim, claim -> ResourceAccess.maySeeClaim(reach, claim));
    }
}
