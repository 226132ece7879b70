package io.gridsteward.api.organisation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.http.Problem;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The part of the county's structure the caller acts in, in one answer: what the dashboards need to name and drill
 * into organisations without walking the tree level by level.
 */
@Path("/v1/me/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class MyOrganisationsResource {

    /** The caller's organisation (the root) and every organisation below it, parents before children. */
    public record OrganisationTree(String rootId, List<OrganisationView> organisations) {}

    private final OrganisationStore organisations;

    @Inject
    MyOrganisationsResource(OrganisationStore organisations) {
        this.organisations = organisations;
    }

    @GET
    @Operation(
            summary = "The caller's organisation and everything below it",
            description =
                    "Parents before children, each level by kind then id; a county's departments are among its children. "
                            + "Grids carry their centre (latitude, longitude) when it is known. Staff only: a resident acts for no organisation.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganisationTree.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller acts for no organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrganisationTree tree(@Context APIGatewayV2HTTPEvent event) {
        Caller caller = CallerClaims.callerOf(event);
        OrganisationId root = caller.organisationId()
                .orElseThrow(() -> new ForbiddenException("a %s acts for no organisation".formatted(caller.role())));
        return new OrganisationTree(
                root.value(),
                organisations.subtree(root).stream().map(OrganisationView::of).toList());
    }
}
