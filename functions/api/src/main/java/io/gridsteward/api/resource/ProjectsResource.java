package io.gridsteward.api.resource;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.ApiException;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.EvidenceKey;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ProjectId;
import io.gridsteward.domain.resource.Reach;
import io.gridsteward.domain.resource.ResourceAccess;
import io.gridsteward.http.Problem;
import io.gridsteward.store.resource.ResourceStore;
import io.gridsteward.store.resource.Traced;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Projects (项目化实施) over HTTP: milestones, photo evidence by presigned upload, funding reference, completion onto the
 * community's public list, residents' ratings, the community's follow-up visits. Each step is guarded by the version
 * read: a step racing another gets 409 with the project's state now.
 */
@Path(ProjectsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    static final String PATH = "/v1/resources/projects";

    private final ResourceStore resources;
    private final Reaches reaches;
    private final EvidenceBucket bucket;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;

    public ProjectsResource(
            ResourceStore resources,
            Reaches reaches,
            EvidenceBucket bucket,
            Clock clock,
            IdSource ids,
            ObjectMapper mapper) {
        this.resources = resources;
        this.reaches = reaches;
        this.bucket = bucket;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A project with its trace")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such project, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        return ResourceViews.ProjectView.of(visible(reaches.of(CallerClaims.callerOf(event)), id));
    }

    @POST
    @Path("/{id}/milestones/{index}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mark a milestone done",
            description =
                    "The owner (who claimed, any member of a joint claim, the claimant's officers). Body: {} or {note}.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ResourceBodies.NoteBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the project's owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Done already, the project completed, or changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "No milestone has this index",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView milestoneDone(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @PathParam("index") String index,
            String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.NoteBody request = ResourceBodies.NoteBody.parse(mapper, body);
        int milestone = parseIndex(index);
        return step(
                caller,
                id,
                (project, actor) -> project.completeMilestone(milestone, request.value(), actor, clock.instant()));
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "An upload URL for a photo of the completion",
            description =
                    "The owner gets a presigned S3 PUT URL (valid 15 minutes) "
                            + "and the object key; the key is recorded on the project, and only such keys, once uploaded, may be cited on completion.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.EvidenceBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.UploadView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the project's owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The project completed, or changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not a photo type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response evidence(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.EvidenceBody request = ResourceBodies.EvidenceBody.parse(mapper, body);
        String extension = request.extension();
        Traced<Project> current = visible(reaches.of(caller), id);
        EvidenceKey key = EvidenceKey.newFor(current.state().id(), ids, extension);
        resources.transition(current.state(), current.state().issueEvidence(key, caller, clock.instant()));
        EvidenceBucket.Upload upload = bucket.uploadFor(key, request.contentType());
        return Response.status(Response.Status.CREATED)
                .entity(new ResourceViews.UploadView(
                        key.value(), upload.url(), upload.expiresAt().toString(), upload.contentType()))
                .build();
    }

    @POST
    @Path("/{id}/funding")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Name the project's funding",
            description = "The owner or the served community's secretary names the fund account or "
                    + "delegated task (委托事项) its money is drawn from: an opaque id of the funds context.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.FundingBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Neither the owner nor the community's secretary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "An unknown kind or an unusable id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView funding(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.FundingBody request = ResourceBodies.FundingBody.parse(mapper, body);
        return step(
                caller,
                id,
                (project, actor) ->
                        project.linkFunding(ResourceBodies.valueOf("", request::value), actor, clock.instant()));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Complete a project",
            description =
                    "The owner, with a note and 1-9 photos whose upload URLs were issued for this "
                            + "project and which were uploaded; the project goes on its community's public list and the residents it served may rate it.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.CompleteBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the project's owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Completed already, or changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A photo key not issued for the project or not uploaded, or invalid residents",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView complete(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.CompleteBody request = ResourceBodies.CompleteBody.parse(mapper, body);
        List<EvidenceKey> photos = request.photos();
        return step(caller, id, (project, actor) -> {
            List<EvidenceKey> issued =
                    photos.stream().filter(project.issuedEvidence()::contains).toList();
            return project.complete(
                    request.noteValue(),
                    photos,
                    bucket.uploaded(issued),
                    request.servedResidentIds(),
                    actor,
                    clock.instant());
        });
    }

    @POST
    @Path("/{id}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rate a completed project",
            description = "A resident the project served, once, 1-5, with an optional comment.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.RatingBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a resident the project served",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not completed, or rated by this resident already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A rating outside 1-5",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView rate(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.RatingBody request = ResourceBodies.RatingBody.parse(mapper, body);
        return step(
                caller,
                id,
                (project, actor) ->
                        project.rate(request.ratingValue(), request.commentValue(), actor, clock.instant()));
    }

    @POST
    @Path("/{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a follow-up visit (回访)",
            description = "The served community's secretary, after completion: what the visit found.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ResourceBodies.FollowUpBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResourceViews.ProjectView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the community's secretary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "An unknown outcome",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ResourceViews.ProjectView followUp(
            @Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ResourceBodies.FollowUpBody request = ResourceBodies.FollowUpBody.parse(mapper, body);
        return step(
                caller,
                id,
                (project, actor) ->
                        project.followUp(request.outcomeValue(), request.noteValue(), actor, clock.instant()));
    }

    private ResourceViews.ProjectView step(
            Caller caller, String id, BiFunction<Project, Caller, Change<Project>> decision) {
        Traced<Project> current = visible(reaches.of(caller), id);
        resources.transition(current.state(), decision.apply(current.state(), caller));
        return ResourceViews.ProjectView.of(
                resources.findProject(current.state().id()).orElseThrow());
    }

    private static int parseIndex(String index) {
        try {
            return Integer.parseInt(index);
        } catch (NumberFormatException unreadable) {
            throw ApiException.malformed("index", "is not a number: " + index);
        }
    }

    private Traced<Project> visible(Reach reach, String id) {
        return VisibleItems.find(
                "project",
                id,
                ProjectId::new,
                resources::findProject,
                project -> ResourceAccess.maySeeProject(reach, project));
    }
}
