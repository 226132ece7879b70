package io.gridsteward.api.resource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.UnitCommunities;
import io.gridsteward.http.Problem;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.resource.ResourceStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The communities a unit reported in to, as the unit declares them: whose demands its officers see and claim. This
 * context keeps them until the party context owns units' registrations (docs/contracts.md).
 */
@Path("/v1/resources/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitsResource {

    private final ResourceStore resources;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final ObjectMapper mapper;

    public UnitsResource(ResourceStore resources, OrganisationStore organisations, Clock clock, ObjectMapper mapper) {
        this.resources = resources;
        this.organisations = organisations;
        this.clock = clock;
        this.mapper = mapper;
    }

    @PUT
    @Path("/{unitId}/communities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Declare the communities a unit reported in to",
            description = "The unit's officers or a county leader; replaces the last declaration, which is kept.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.UnitCommunitiesBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunitiesView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the unit's officer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Something named is not a community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommunitiesView declare(
            @Context APIGatewayV2HTTPEvent event, @PathParam("unitId") String unitId, String body) {
        Caller caller = CallerClaims.callerOf(event);
        List<OrganisationId> ids =
                ResourceBodies.UnitCommunitiesBody.parse(mapper, body).values();
        Organisation unit = unit(unitId);
        List<Organisation> communities = new ArrayList<>();
        for (int index = 0; index < ids.size(); index++) {
            String field = "communityIds[" + index + "]";
            communities.add(organisations
                    .find(ids.get(index))
                    .orElseThrow(() -> ValidationException.of(field, "no community has this id")));
        }
        UnitCommunities declaration = UnitCommunities.declare(unit, communities, caller, clock.instant());
        resources.declare(declaration);
        return CommunitiesView.of(declaration);
    }

    @GET
    @Path("/{unitId}/communities")
    @Operation(
            summary = "The communities a unit reported in to",
            description = "The unit's officers and county leaders.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CommunitiesView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the unit's officer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommunitiesView communities(@Context APIGatewayV2HTTPEvent event, @PathParam("unitId") String unitId) {
        Caller caller = CallerClaims.callerOf(event);
        Organisation unit = unit(unitId);
        if (!(caller.role() == Role.UNIT_OFFICER && caller.actsFor(unit.id())) && caller.role() != Role.COUNTY_LEADER) {
            throw new ForbiddenException("only the unit's officers or a county leader read its communities");
        }
        return resources
                .unitCommunities(unit.id())
                .map(CommunitiesView::of)
                .orElse(new CommunitiesView(unit.id().value(), List.of(), null));
    }

    private Organisation unit(String unitId) {
        OrganisationId id = PageQuery.organisation("unitId", unitId);
        return organisations
                .find(id)
                .filter(found -> found.kind() == OrganisationKind.UNIT)
                .orElseThrow(() -> new NotFoundException("unit", id.value()));
    }

    @Schema(name = "UnitCommunities")
    public record CommunitiesView(String unitId, List<String> communityIds, String declaredAt) {

        static CommunitiesView of(UnitCommunities declaration) {
            return new CommunitiesView(
                    declaration.unit().value(),
                    declaration.communities().stream()
                            .map(OrganisationId::value)
                            .sorted()
                            .toList(),
                    declaration.declaredAt().toString());
        }
    }
}
