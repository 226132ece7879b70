package io.gridsteward.api.resource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.resource.ResourceStore;
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

/** A community's public list of completed projects (公示), for anyone signed in: residents judge what was done. */
@Path("/v1/resources/communities")
@Produces(MediaType.APPLICATION_JSON)
public class CommunitiesResource {

    private final ResourceStore resources;
    private final OrganisationStore organisations;

    public CommunitiesResource(ResourceStore resources, OrganisationStore organisations) {
        this.resources = resources;
        this.organisations = organisations;
    }

    @GET
    @Path("/{communityId}/projects")
    @Operation(
            summary = "A community's completed projects",
            description = "Newest first, with their evidence and residents' ratings; no one's "
                    + "personal data. Anyone signed in.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ListView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ListView<ResourceViews.PublicProjectView> publicProjects(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("communityId") String communityId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        CallerClaims.callerOf(event);
        PageRequest page = PageQuery.parse(limit, cursor);
        OrganisationId id = PageQuery.organisation("communityId", communityId);
        organisations
                .find(id)
                .filter(community -> community.kind() == OrganisationKind.COMMUNITY)
                .orElseThrow(() -> new NotFoundException("community", id.value()));
        return ResourceViews.ListView.of(resources.publicProjects(id, page), ResourceViews.PublicProjectView::of);
    }
}
