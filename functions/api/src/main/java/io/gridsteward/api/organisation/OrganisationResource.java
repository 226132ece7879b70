package io.gridsteward.api.organisation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.http.Problem;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The county's structure (not secret: any authenticated caller reads it). */
@Path("/v1/orgs")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationStore organisations;

    @Inject
    OrganisationResource(OrganisationStore organisations) {
        this.organisations = organisations;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An organisation")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrganisationView organisation(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        CallerClaims.callerOf(event);
        return OrganisationView.of(Organisations.require(organisations, id));
    }

    @GET
    @Path("/{id}/children")
    @Operation(
            summary = "The organisations directly under one",
            description = "Read from an index on the parent (no Scan), by kind then id.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OrganisationView> children(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        CallerClaims.callerOf(event);
        return organisations.children(Organisations.require(organisations, id).id()).stream()
                .map(OrganisationView::of)
                .toList();
    }
}
