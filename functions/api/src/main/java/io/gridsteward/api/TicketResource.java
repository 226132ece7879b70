package io.gridsteward.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.domain.Caller;
import io.gridsteward.domain.IdSource;
import io.gridsteward.domain.NotFoundException;
import io.gridsteward.domain.Organisation;
import io.gridsteward.domain.OrganisationId;
import io.gridsteward.domain.Ticket;
import io.gridsteward.domain.TicketAccess;
import io.gridsteward.domain.TicketChange;
import io.gridsteward.domain.TicketEvent;
import io.gridsteward.domain.TicketId;
import io.gridsteward.domain.TicketReport;
import io.gridsteward.domain.ValidationException;
import io.gridsteward.domain.VersionConflictException;
import io.gridsteward.store.CreateOutcome;
import io.gridsteward.store.IdempotencyClaim;
import io.gridsteward.store.OrganisationStore;
import io.gridsteward.store.TicketHistory;
import io.gridsteward.store.TicketStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tickets over HTTP. Each method is the same short path: caller from the token's claims, body parsed, the
 * domain decides, the store writes state and event in one transaction, the result is mapped to JSON. Refusals
 * are exceptions that {@link ProblemMappers} turns into problem+json.
 */
@Path("/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    @Inject
    TicketStore tickets;

    @Inject
    OrganisationStore organisations;

    @Inject
    Clock clock;

    @Inject
    IdSource ids;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a problem", description = "A resident or a grid worker reports a problem in a grid. "
            + "A retry with the same Idempotency-Key and body answers with the first ticket and creates nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReportTicketBody.class)))
    @APIResponse(responseCode = "201", description = "The new ticket with its trace",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid values or unknown grid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri,
                           @HeaderParam(IdempotencyClaim.HEADER) String idempotencyKey, String body) {
        Caller caller = CallerClaims.callerOf(event);
        ReportTicketBody request = ReportTicketBody.parse(mapper, body);
        TicketReport report = request.toReport();
        Optional<IdempotencyClaim> claim = Optional.ofNullable(idempotencyKey)
                .map(key -> new IdempotencyClaim(caller.userId(), key, RequestHash.of(body)));
        Organisation grid = organisations.find(request.grid().organisationId())
                .orElseThrow(() -> ValidationException.of("gridId", "no grid has this id"));
        TicketChange reported = Ticket.report(TicketId.generate(ids), report, grid, caller, clock.instant());
        CreateOutcome outcome = tickets.create(reported, claim);
        TicketView view = TicketView.of(outcome.history());
        return Response.created(uri.getBaseUriBuilder().path("v1/tickets").path(view.id()).build())
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A ticket with its trace of events")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Caller caller = CallerClaims.callerOf(event);
        return TicketView.of(readable(caller, id));
    }

    @POST
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispatch a ticket", description = "The town's dispatcher assigns the ticket to a grid team, a community "
            + "or a department. Of racing dispatches exactly one wins; the others get 409 with the current state.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DispatchTicketBody.class)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "403", description = "Not a dispatcher of the ticket's town", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale version or a state that does not allow dispatch", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketView dispatch(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        DispatchTicketBody request = DispatchTicketBody.parse(mapper, body);
        OrganisationId assigneeId = request.assignee();
        TicketHistory current = readable(caller, id);
        Ticket ticket = current.ticket();
        request.version().ifPresent(expected -> {
            if (expected != ticket.version()) {
                throw new VersionConflictException(ticket.id(), expected);
            }
        });
        Organisation assignee = organisations.find(assigneeId)
                .orElseThrow(() -> ValidationException.of("assigneeOrgId", "no organisation has this id"));
        TicketChange dispatched = ticket.dispatch(assignee, caller, clock.instant());
        tickets.transition(dispatched, ticket.version());
        List<TicketEvent> events = new ArrayList<>(current.events());
        events.add(dispatched.event());
        return TicketView.of(new TicketHistory(dispatched.ticket(), events));
    }

    /** The ticket if it exists and the caller may see it; otherwise 404 either way, so existence does not leak. */
    private TicketHistory readable(Caller caller, String id) {
        TicketId ticketId;
        try {
            ticketId = new TicketId(id);
        }
        catch (ValidationException invalid) {
            throw new NotFoundException("ticket", id);
        }
        TicketHistory history = tickets.find(ticketId).orElseThrow(() -> NotFoundException.ticket(ticketId));
        TicketAccess.requireReadable(caller, history.ticket());
        return history;
    }
}
