package io.gridsteward.api.resource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.ApiException;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.DemandStatus;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.domain.resource.Reach;
import io.gridsteward.domain.resource.ResourceAccess;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.IdempotencyClaim;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Demands (需求清单) over HTTP: raised by communities and grids, residents' small wishes verified by their community,
 * listed by town pool or community, claimed by units, party groups and members.
 */
@Path(DemandsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class DemandsResource {

    static final String PATH = "/v1/resources/demands";

    private final ResourceStore resources;
    private final OrganisationStore organisations;
    private final Reaches reaches;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;

    public DemandsResource(
            ResourceStore resources,
            OrganisationStore organisations,
            Reaches reaches,
            Clock clock,
            IdSource ids,
            ObjectMapper mapper) {
        this.resources = resources;
        this.organisations = organisations;
        this.reaches = reaches;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Raise a demand",
            description = "A community's secretary for the community or one of its grids; a grid's worker or "
                    + "party leader for the grid, published at once. A small wish (smallWish, beneficiaryIds) is entered by the grid's worker and waits "
                    + "for the community to verify it.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.DemandBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.DemandView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not staff of the place",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid values or an unknown place",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response raise(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.DemandBody request = ResourceBodies.DemandBody.parse(mapper, body);
        ResourceBodies.DemandBody.Demand values = request.values();
        Organisation place = organisations
                .find(values.place())
                .orElseThrow(() -> ValidationException.of("placeId", "no community or grid has this id"));
        Change<Demand> raised = Demand.raise(
                DemandId.generate(ids),
                place,
                values.title(),
                values.provision(),
                values.validity(),
                request.smallWish(),
                request.beneficiaryIds(),
                caller,
                clock.instant());
        resources.raise(raised);
        return Response.created(uri.getBaseUriBuilder()
                        .path(PATH)
                        .path(raised.state().id().value())
                        .build())
                .entity(ResourceViews.DemandView.of(raised.state(), List.of(raised.event())))
                .build();
    }

    @GET
    @Operation(
            summary = "Demands",
            description =
                    "townId: the published demands of a town's communities (the town's community and grid staff, "
                            + "dispatchers, supervisors and party members, county leaders). communityId: a community's demands — every status for its staff and "
                            + "county leaders (status narrows), the published ones for whoever sees them (units that reported in to it included).")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ListView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Neither or both of townId and communityId, an unknown status, a bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Outside the caller's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ListView<ResourceViews.DemandView> list(
            @Context APIGatewayV2HTTPEvent event,
            @QueryParam("townId") String townId,
            @QueryParam("communityId") String communityId,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        PageRequest page = PageQuery.parse(limit, cursor);
        if ((townId == null) == (communityId == null)) {
            throw ApiException.malformed("townId", "name either townId or communityId");
        }
        Optional<DemandStatus> wanted = parseStatus(status);
        Reach reach = reaches.of(caller);
        if (townId != null) {
            OrganisationId town = PageQuery.organisation("townId", townId);
            if (!ResourceAccess.mayListPool(reach, town)) {
                throw new ForbiddenException(
                        "a %s may not list the demands of town %s".formatted(caller.role(), town.value()));
            }
            return ResourceViews.ListView.of(
                    resources.demandPool(town, page), demand -> ResourceViews.DemandView.of(demand, null));
        }
        OrganisationId communityIdValue = PageQuery.organisation("communityId", communityId);
        Organisation community = organisations
                .find(communityIdValue)
                .orElseThrow(() -> new NotFoundException("community", communityIdValue.value()));
        if (ResourceAccess.mayListAllDemandsOf(reach, community.id())) {
            return ResourceViews.ListView.of(
                    resources.demandsOf(community.id(), wanted, page),
                    demand -> ResourceViews.DemandView.of(demand, null));
        }
        if (!ResourceAccess.mayListPublishedDemandsOf(reach, community)
                || wanted.filter(value -> value != DemandStatus.PUBLISHED).isPresent()) {
            throw new ForbiddenException("a %s may not list these demands of community %s"
                    .formatted(caller.role(), community.id().value()));
        }
        return ResourceViews.ListView.of(
                resources.demandsOf(community.id(), Optional.of(DemandStatus.PUBLISHED), page),
                demand -> ResourceViews.DemandView.of(demand, null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A demand with its trace")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.DemandView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such demand, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.DemandView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        return ResourceViews.DemandView.of(visible(reaches.of(CallerClaims.callerOf(event)), id));
    }

    @POST
    @Path("/{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Verify a small wish",
            description = "The community's secretary publishes a small wish waiting for verification. Body: {}.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.DemandView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the community's secretary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such demand, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not waiting for verification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.DemandView verify(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.NoteBody.parse(mapper, body);
        Traced<Demand> current = visible(reaches.of(caller), id);
        resources.transition(current.state(), current.state().verify(caller, clock.instant()));
        return ResourceViews.DemandView.of(
                resources.findDemand(current.state().id()).orElseThrow());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a small wish", description = "The community's secretary, with a reason.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.ReasonBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.DemandView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the community's secretary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not waiting for verification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.DemandView reject(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.ReasonBody request = ResourceBodies.ReasonBody.parse(mapper, body);
        Traced<Demand> current = visible(reaches.of(caller), id);
        resources.transition(current.state(), current.state().reject(request.value(), caller, clock.instant()));
        return ResourceViews.DemandView.of(
                resources.findDemand(current.state().id()).orElseThrow());
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Withdraw a demand",
            description = "The community's secretary, with a reason; what was claimed stays claimed.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.ReasonBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.DemandView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the community's secretary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not published, or changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.DemandView withdraw(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.ReasonBody request = ResourceBodies.ReasonBody.parse(mapper, body);
        Traced<Demand> current = visible(reaches.of(caller), id);
        resources.transition(current.state(), current.state().withdraw(request.value(), caller, clock.instant()));
        return ResourceViews.DemandView.of(
                resources.findDemand(current.state().id()).orElseThrow());
    }

    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Claim a quantity of a demand",
            description = "A unit's officer (the unit declared the demand's community), a grid's party "
                    + "leader for a party group (partyGroupId), or party members of the demand's town, alone or with co-members (memberIds: 帮帮团). "
                    + "Racing claims never take more than the demand asked for: the losers get 409 with what is left.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResourceBodies.ClaimBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ClaimView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller may not claim this demand",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such demand, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not enough left, not published or outside its validity period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid quantity, party group or members, or an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = OffersResource.CLAIM_KEY_DESCRIPTION)
    public Response claim(
            @Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.ClaimBody request = ResourceBodies.ClaimBody.parse(mapper, body, true);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body);
        Reach reach = reaches.of(caller);
        Traced<Demand> demand = visible(reach, id);
        return ClaimResponses.claimOnce(
                resources,
                uri,
                key,
                ItemType.DEMAND,
                id,
                () -> demand.state()
                        .claim(
                                ClaimId.generate(ids),
                                request.quantity(),
                                reach,
                                request.partyGroup(),
                                request.memberIds(),
                                clock.instant()));
    }

    private static Optional<DemandStatus> parseStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DemandStatus.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            throw ApiException.malformed("status", "is not a valid status: " + status);
        }
    }

    private Traced<Demand> visible(Reach reach, String id) {
        return VisibleItems.find(
                "demand",
                id,
                DemandId::new,
                resources::findDemand,
                demand -> ResourceAccess.maySeeDemand(reach, demand));
    }
}
