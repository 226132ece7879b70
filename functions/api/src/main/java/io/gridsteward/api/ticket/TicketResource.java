package io.gridsteward.api.ticket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.api.core.ProblemMappers;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.GridReach;
import io.gridsteward.domain.ticket.PhotoKey;
import io.gridsteward.domain.ticket.Resolution;
import io.gridsteward.domain.ticket.RoutingRules;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketAccess;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.domain.ticket.TicketSteps;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.ticket.TicketHistory;
import io.gridsteward.store.ticket.TicketStore;
import io.gridsteward.store.ticket.WriteOutcome;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * Tickets over HTTP. Each method is the same short path: caller from the token's claims, body parsed, the
 * domain decides, the store writes state and event in one transaction, the result is mapped to JSON. Refusals
 * are exceptions that {@link ProblemMappers} turns into problem+json.
 */
@Path(TicketResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    static final String PATH = "/v1/tickets";
    private static final Logger LOG = Logger.getLogger(TicketResource.class);

    private final TicketStore tickets;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;
    private final SlaPolicy slaPolicy;
    private final RoutingRules routingRules;
    private final AttachmentUploads uploads;
    private final GridReach gridReach;
    private final TicketMetrics metrics;

    @Inject
    TicketResource(
            TicketStore tickets,
            OrganisationStore organisations,
            Clock clock,
            IdSource ids,
            ObjectMapper mapper,
            SlaPolicy slaPolicy,
            RoutingRules routingRules,
            AttachmentUploads uploads,
            GridReach gridReach,
            TicketMetrics metrics) {
        this.tickets = tickets;
        this.organisations = organisations;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
        this.slaPolicy = slaPolicy;
        this.routingRules = routingRules;
        this.uploads = uploads;
        this.gridReach = gridReach;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a problem",
            description =
                    "A resident or a grid worker reports a problem in a grid. "
                            + "A retry with the same Idempotency-Key and body answers with the first ticket and creates nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportTicketBody.class)))
    @APIResponse(
            responseCode = "201",
            description = "The new ticket with its trace",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Invalid values, unknown grid, a location farther from the grid's centre than the configured reach (5 km; errors[].data holds distanceMetres and maximumMetres), or an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.REPORT_DESCRIPTION)
    public Response report(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ReportTicketBody request = ReportTicketBody.parse(mapper, body);
        TicketReport report = request.toReport();
        Optional<IdempotencyClaim> claim = IdempotencyHeader.claim(caller, event, body);
        Organisation grid = organisations
                .find(request.grid().organisationId())
                .orElseThrow(() -> ValidationException.of("gridId", "no grid has this id"));
        Instant now = clock.instant();
        TicketChange reported = Ticket.report(TicketId.generate(ids), report, grid, caller, now, slaPolicy);
        gridReach.requireWithin(report.location(), grid);
        WriteOutcome outcome = tickets.create(intake(reported, now), claim);
        metrics.reported(outcome);
        TicketView view = TicketView.of(outcome.history(), caller);
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/tickets")
                        .path(view.id())
                        .build())
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(outcome.replayed()))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A ticket with its trace of events")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such ticket, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        return TicketView.of(readable(caller, id), caller);
    }

    @POST
    @Path("/{id}/" + TicketSteps.DISPATCH)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Dispatch a ticket",
            description = "The town's dispatcher assigns the ticket to a grid team, a community "
                    + "or a department (from REPORTED, RETURNED, ESCALATED or REOPENED). Of racing dispatches exactly one wins; the others get 409 "
                    + "with the current state.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DispatchTicketBody.class)))
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TicketView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a dispatcher of the ticket's town",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Stale version or a state that does not allow dispatch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown or unfit assignee, or an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response dispatch(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        TicketHistory current = readable(caller, id);
        DispatchTicketBody request = DispatchTicketBody.parse(mapper, body);
        Optional<IdempotencyClaim> claim = IdempotencyHeader.claim(caller, event, body);
        OrganisationId assigneeId = request.assignee();
        return apply(caller, current, TicketEventType.DISPATCHED, claim, request.version(), ticket -> {
            Organisation assignee = organisations
                    .find(assigneeId)
                    .orElseThrow(() -> ValidationException.of("assigneeOrgId", "no organisation has this id"));
            return ticket.dispatch(assignee, caller, clock.instant());
        });
    }

    @POST
    @Path("/{id}/" + TicketSteps.ACCEPT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept a ticket (签收)",
            description = "A handler of the assignee organisation takes the ticket on. Body: {} or {expectedVersion}.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response accept(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.ACCEPTED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.RETURN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Return a ticket (退单)",
            description = "The assignee sends a wrongly dispatched ticket back to its town's dispatcher, "
                    + "with a reason; the assignee is cleared.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response giveBack(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.RETURNED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.ESCALATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Escalate a ticket",
            description = "Grid → community → town → county department, with a reason. Without "
                    + "targetOrgId the level above the assignee; from the town a county department must be named.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response escalate(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.ESCALATED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.RESOLVE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resolve a ticket",
            description =
                    "A handler of the assignee reports the problem solved: a note and up to nine photo object keys, "
                            + "each issued for this ticket by POST /v1/tickets/{id}/attachments and uploaded to its URL (a key under another ticket, "
                            + "made up, or with nothing uploaded is refused with 422 naming photoKeys[i], and nothing is written).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response resolve(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.RESOLVED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.EVALUATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Evaluate a resolution",
            description = "The reporter rates the resolution 1-5, with an optional comment.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response evaluate(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.EVALUATED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.REOPEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reopen a ticket",
            description =
                    "The reporter is not satisfied, with a reason; the assignee accepts and resolves again on fresh due times.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response reopen(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.REOPENED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.CLOSE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Close a ticket",
            description = "The town's dispatcher closes a resolved or evaluated ticket, with an optional note.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response close(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.CLOSED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.CANCEL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cancel a ticket",
            description = "The town's dispatcher cancels a ticket that needs no handling, with a reason.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response cancel(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.CANCELLED);
    }

    @POST
    @Path("/{id}/" + TicketSteps.SUPERVISE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Supervise a ticket (督办)",
            description = "A supervisor of the ticket's town adds a note to the trace; the status stays.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = StepBody.class)))
    @StepResponses
    @Parameter(
            name = IdempotencyClaim.HEADER,
            in = ParameterIn.HEADER,
            description = IdempotencyHeader.STEP_DESCRIPTION)
    public Response supervise(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        return step(event, id, body, TicketEventType.SUPERVISED);
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "An upload URL for a photo",
            description =
                    "The reporter or a handler of the assignee gets a presigned S3 PUT URL "
                            + "(valid 15 minutes) and the object key to cite in photoKeys when resolving; the ticket stores only keys.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AttachmentBody.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Neither the reporter nor a handler of the assignee",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such ticket, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attach(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        Ticket ticket = readable(caller, id).ticket();
        AttachmentBody request = AttachmentBody.parse(mapper, body);
        String extension = request.extension();
        if (!TicketAccess.mayAttach(caller, ticket)) {
            throw new ForbiddenException(
                    "only the reporter or a handler of the assignee may attach photos to an open ticket");
        }
        AttachmentUploads.Upload upload =
                uploads.uploadFor(PhotoKey.newFor(ticket.id(), ids, extension), request.contentType());
        return Response.status(Response.Status.CREATED)
                .entity(AttachmentView.of(upload))
                .build();
    }

    /** The steps after dispatch: the body's fields become the domain's values, the ticket decides. */
    private Response step(APIGatewayV2HTTPEvent event, String id, String body, TicketEventType step) {
        Caller caller = CallerClaims.callerOf(event);
        TicketHistory current = readable(caller, id);
        StepBody request = StepBody.parse(mapper, body, step);
        Optional<IdempotencyClaim> claim = IdempotencyHeader.claim(caller, event, body);
        return apply(caller, current, step, claim, request.version(), ticket -> {
            Instant now = clock.instant();
            return switch (step) {
                case ACCEPTED -> ticket.accept(caller, now);
                case RETURNED -> ticket.giveBack(request.reasonNote(), caller, now);
                case ESCALATED -> {
                    Optional<Organisation> target = request.target()
                            .map(targetId -> organisations
                                    .find(targetId)
                                    .orElseThrow(() ->
                                            ValidationException.of("targetOrgId", "no organisation has this id")));
                    yield ticket.escalate(target, request.reasonNote(), caller, now);
                }
                case RESOLVED -> {
                    Resolution resolution = request.resolution();
                    TicketChange resolved = ticket.resolve(resolution, caller, now);
                    resolution.requireUploaded(uploads.uploaded(resolution.photos()));
                    yield resolved;
                }
                case EVALUATED -> ticket.evaluate(request.evaluation(), caller, now);
                case REOPENED -> ticket.reopen(request.reasonNote(), caller, now);
                case CLOSED -> ticket.close(request.optionalNote(), caller, now);
                case CANCELLED -> ticket.cancel(request.reasonNote(), caller, now);
                case SUPERVISED -> ticket.supervise(request.requiredNote(), caller, now);
                case REPORTED, DISPATCHED -> throw new IllegalArgumentException(step + " has an endpoint of its own");
                case FLAGGED_OVERDUE ->
                    throw new IllegalArgumentException(step + " is the SLA sweeper's, with no endpoint");
            };
        });
    }

    /**
     * With the ticket read before the body was parsed (404 when the caller may not see it, whatever the body), answers a
     * retry of a step this caller already took with the same Idempotency-Key; otherwise checks the version the caller saw,
     * lets the domain take the step, and stores the new state with its event (and the key) under the version guard.
     */
    private Response apply(
            Caller caller,
            TicketHistory current,
            TicketEventType step,
            Optional<IdempotencyClaim> claim,
            OptionalLong expectedVersion,
            Function<Ticket, TicketChange> decision) {
        Ticket ticket = current.ticket();
        // Looked up after the read and before the domain decides: the state the first request left behind would refuse
        // its
        // retry, and a twin committing after the read fails this one's transaction, which then finds the twin's record.
        Optional<TicketHistory> earlier = claim.flatMap(key -> tickets.replayStep(key, ticket.id(), step));
        if (earlier.isPresent()) {
            WriteOutcome replay = new WriteOutcome(earlier.get(), true);
            metrics.stepTaken(step, replay);
            return answer(replay, caller);
        }
        expectedVersion.ifPresent(expected -> {
            if (expected != ticket.version()) {
                throw new VersionConflictException("ticket", ticket.id().value(), expected);
            }
        });
        WriteOutcome outcome = tickets.transition(current, decision.apply(ticket), claim);
        metrics.stepTaken(step, outcome);
        return answer(outcome, caller);
    }

    /** 200 with the ticket as the caller may see it; a replayed ticket may have moved on out of the caller's sight since. */
    private static Response answer(WriteOutcome outcome, Caller caller) {
        if (outcome.replayed()) {
            TicketAccess.requireReadable(caller, outcome.history().ticket());
        }
        return Response.ok(TicketView.of(outcome.history(), caller))
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(outcome.replayed()))
                .build();
    }

    /**
     * The report, followed by the routing rules' dispatch by SYSTEM when a rule names a first assignee that can take
     * the ticket; otherwise the ticket waits in its town's queue.
     */
    private List<TicketChange> intake(TicketChange reported, Instant now) {
        Ticket ticket = reported.ticket();
        Optional<Organisation> firstAssignee = routingRules
                .firstAssignee(ticket.category(), ticket.placement())
                .flatMap(organisations::find);
        if (firstAssignee.isEmpty()) {
            return List.of(reported);
        }
        try {
            return List.of(reported, ticket.dispatch(firstAssignee.get(), Caller.system(), now));
        } catch (ValidationException unfit) {
            LOG.warnf(
                    "routing rule for %s in %s names %s, which cannot take it: %s",
                    ticket.category().code(),
                    ticket.placement().grid().value(),
                    firstAssignee.get().id().value(),
                    unfit.getMessage());
            return List.of(reported);
        }
    }

    /** The ticket if it exists and the caller may see it; otherwise 404 either way, so existence does not leak. */
    private TicketHistory readable(Caller caller, String id) {
        TicketId ticketId;
        try {
            ticketId = new TicketId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("ticket", id);
        }
        TicketHistory history =
                tickets.find(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId.value()));
        TicketAccess.requireReadable(caller, history.ticket());
        return history;
    }
}
