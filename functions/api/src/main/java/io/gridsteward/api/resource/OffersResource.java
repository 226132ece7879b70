package io.gridsteward.api.resource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.ApiException;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.OfferId;
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

/** Resource offers (资源清单) over HTTP: published into a town's pool, listed, withdrawn, claimed by the pool's communities. */
@Path(OffersResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class OffersResource {

    static final String PATH = "/v1/resources/offers";
    static final String CLAIM_KEY_DESCRIPTION =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key, item and "
                    + "body answers with the first claim (Idempotent-Replayed: true) and takes nothing more; the same key with another body or item is "
                    + "refused with 422. Keys are the caller's own and kept 24 hours.";

    private final ResourceStore resources;
    private final OrganisationStore organisations;
    private final Reaches reaches;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;

    public OffersResource(
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
            summary = "Publish an offer",
            description =
                    "A unit's or department's officer offers into a town's pool; a community's secretary into its own town's.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResourceBodies.OfferBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.OfferView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an officer of a unit, department or community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid values or an unknown town",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.OfferBody.Offer values =
                ResourceBodies.OfferBody.parse(mapper, body).values();
        Organisation provider = caller.organisationId()
                .flatMap(organisations::find)
                .orElseThrow(() -> new ForbiddenException(
                        "a %s acts for no unit, department or community".formatted(caller.role())));
        Organisation town = organisations
                .find(values.town())
                .orElseThrow(() -> ValidationException.of("townId", "no town has this id"));
        Change<Offer> published = Offer.publish(
                OfferId.generate(ids),
                provider,
                town,
                values.title(),
                values.provision(),
                values.validity(),
                caller,
                clock.instant());
        resources.publish(published);
        return Response.created(uri.getBaseUriBuilder()
                        .path(PATH)
                        .path(published.state().id().value())
                        .build())
                .entity(ResourceViews.OfferView.of(published.state(), List.of(published.event())))
                .build();
    }

    @GET
    @Operation(
            summary = "Offers",
            description =
                    "townId: the town's pool of open offers (its communities' and grids' staff, the town's "
                            + "dispatchers and supervisors, county leaders). providerOrgId: a provider's own offers in every status (its officers, county leaders).")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ListView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Neither or both of townId and providerOrgId, or a bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not in the town or not the provider",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ListView<ResourceViews.OfferView> list(
            @Context APIGatewayV2HTTPEvent event,
            @QueryParam("townId") String townId,
            @QueryParam("providerOrgId") String providerOrgId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = CallerClaims.callerOf(event);
        PageRequest page = PageQuery.parse(limit, cursor);
        if ((townId == null) == (providerOrgId == null)) {
            throw ApiException.malformed("townId", "name either townId or providerOrgId");
        }
        if (townId != null) {
            OrganisationId town = PageQuery.organisation("townId", townId);
            if (!ResourceAccess.mayListPool(reaches.of(caller), town)) {
                throw new ForbiddenException(
                        "a %s may not list the offers of town %s".formatted(caller.role(), town.value()));
            }
            return ResourceViews.ListView.of(
                    resources.offerPool(town, page), offer -> ResourceViews.OfferView.of(offer, null));
        }
        OrganisationId provider = PageQuery.organisation("providerOrgId", providerOrgId);
        if (!caller.actsFor(provider) && caller.role() != Role.COUNTY_LEADER) {
            throw new ForbiddenException("only the provider's officers and county leaders list its offers");
        }
        return ResourceViews.ListView.of(
                resources.offersBy(provider, page), offer -> ResourceViews.OfferView.of(offer, null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An offer with its trace")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.OfferView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such offer, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.OfferView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        return ResourceViews.OfferView.of(visible(reaches.of(caller), id));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Withdraw an offer",
            description = "The provider's officer, with a reason; what was claimed stays claimed. A claim that "
                    + "lands between reading and withdrawing makes this a 409.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.ReasonBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.OfferView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the provider's officer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such offer, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Withdrawn already, or changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.OfferView withdraw(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.ReasonBody request = ResourceBodies.ReasonBody.parse(mapper, body);
        Traced<Offer> current = visible(reaches.of(caller), id);
        Change<Offer> withdrawn = current.state().withdraw(request.value(), caller, clock.instant());
        resources.transition(current.state(), withdrawn);
        return ResourceViews.OfferView.of(
                resources.findOffer(current.state().id()).orElseThrow());
    }

    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Claim a quantity of an offer",
            description = "A community secretary of the offer's town. Racing claims never take more "
                    + "than remains: the losers get 409 with what is left.")
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
            description = "Not a community secretary of the offer's town",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such offer, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not enough left, withdrawn or outside its validity period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A quantity below 1 or above what remains, or an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = CLAIM_KEY_DESCRIPTION)
    public Response claim(
            @Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.ClaimBody request = ResourceBodies.ClaimBody.parse(mapper, body, false);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body);
        Reach reach = reaches.of(caller);
        Traced<Offer> offer = visible(reach, id);
        return ClaimResponses.claimOnce(
                resources,
                uri,
                key,
                ItemType.OFFER,
                id,
                () -> offer.state().claim(ClaimId.generate(ids), request.quantity(), reach, clock.instant()));
    }

    private Traced<Offer> visible(Reach reach, String id) {
        return VisibleItems.find(
                "offer", id, OfferId::new, resources::findOffer, offer -> ResourceAccess.maySeeOffer(reach, offer));
    }
}
