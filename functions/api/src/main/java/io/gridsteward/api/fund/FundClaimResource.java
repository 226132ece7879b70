package io.gridsteward.api.fund;

import static io.gridsteward.api.fund.FundBodies.Field.optional;
import static io.gridsteward.api.fund.FundBodies.Field.required;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.api.fund.FundBodies.StepFields;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimChange;
import io.gridsteward.domain.fund.ClaimEventType;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.FundAccess;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.fund.ClaimHistory;
import io.gridsteward.store.fund.ClaimOutcome;
import io.gridsteward.store.fund.FundStore;
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
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Claims over HTTP: submitted (the amount reserved at once), reviewed by the community, approved by the town and above
 * the threshold the county, paid, published; returned, rejected, withdrawn or reversed. Every request may carry an
 * Idempotency-Key: a retry answers as the first request did and writes nothing.
 */
@Path("/v1/fund-claims")
@Produces(MediaType.APPLICATION_JSON)
public class FundClaimResource {

    static final String SUBMIT_KEY =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key and body answers "
                    + "with the first claim as it is now (Idempotent-Replayed: true) and reserves nothing more; the same key with another body is 422.";
    static final String STEP_KEY =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key, claim, step and body "
                    + "answers 200 with the claim as it is now (Idempotent-Replayed: true) and writes nothing; another body, claim or step is 422.";

    private final FundStore funds;
    private final FundRules rules;
    private final ReceiptUploads receipts;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;

    @Inject
    FundClaimResource(
            FundStore funds, FundRules rules, ReceiptUploads receipts, Clock clock, IdSource ids, ObjectMapper mapper) {
        this.funds = funds;
        this.rules = rules;
        this.receipts = receipts;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit a claim",
            description = "Body {accountId, amountFen, currency?, purpose, served: {kind, id}, receiptKeys?}. "
                    + "A grid party-group leader claims from the grid's activity fund, a community secretary from the community's funds; a delegated "
                    + "task's money only for that task (served DELEGATED_TASK with its id); a project of the resources context is named by its id "
                    + "(served PROJECT). The purpose must be an allowed use of the fund and the amount within its ceiling and what is available: "
                    + "it is reserved at once, so the 38th claim on money for 37 is refused.")
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Malformed body or Idempotency-Key; an amount that is not a JSON integer of fen (12.5, 1e3, beyond 64 bits)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such account, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller may not claim from the account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Amount of zero or less, over the ceiling or what is available, another currency; a forbidden purpose; "
                            + "receipts not issued to the claimant or not uploaded; an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = SUBMIT_KEY)
    public Response submit(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        FundBodies.Submission request = FundBodies.submission(mapper, body);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body);
        Account account = funds.findAccount(request.account())
                .filter(found -> FundAccess.mayRead(caller, found))
                .orElseThrow(
                        () -> new NotFoundException("account", request.account().value()));
        // After the account's read and before the domain decides: the reservation the first request made would refuse
        // its retry; a twin committing after the read shows here, or fails this one's write, which the store answers as
        // a retry.
        Optional<ClaimHistory> earlier = key.flatMap(funds::replaySubmission);
        if (earlier.isPresent()) {
            return created(uri, new ClaimOutcome(earlier.get(), true));
        }
        ClaimChange submitted =
                Claim.submit(ClaimId.generate(ids), account, request.request(), caller, clock.instant(), rules);
        receipts.requireUploaded(submitted.claim().receipts(), "receiptKeys");
        return created(uri, funds.submit(submitted, key));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A claim with its trace")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such claim, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        return ClaimView.of(readable(CallerClaims.callerOf(event), id));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Review a claim (备案)",
            description = "A community secretary of the claim's community, not the claimant. Body {note?}.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response review(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(mapper, body, StepFields.NONE.withText(optional("note")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.REVIEWED),
                (claim, caller, now) -> claim.review(step.text(), caller, now));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve a claim",
            description = "Body {approvedAmountFen, currency?, note?}: at most what the claim holds; less is a partial "
                    + "approval and releases the difference. The town's supervisor approves a reviewed claim; above the fund's threshold it goes on to "
                    + "the county (TOWN_APPROVED), whose leader approves it, again for at most what it holds.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response approve(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(
                mapper,
                body,
                StepFields.NONE.withAmount(required("approvedAmountFen")).withText(optional("note")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.TOWN_APPROVED, ClaimEventType.APPROVED),
                (claim, caller, now) -> claim.approve(step.amount().orElseThrow(), step.text(), caller, now, rules));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Return a claim to its claimant",
            description = "Body {reason}: by the level that acts on it now; the money stays reserved.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response giveBack(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(mapper, body, StepFields.NONE.withText(required("reason")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.RETURNED),
                (claim, caller, now) -> claim.giveBack(step.text().orElse(""), caller, now));
    }

    @POST
    @Path("/{id}/resubmit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resubmit a returned claim",
            description = "The claimant; body {amountFen?, currency?, receiptKeys?}: the same or a lower amount "
                    + "(the difference is released), receipts added.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response resubmit(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(
                mapper, body, StepFields.NONE.withAmount(optional("amountFen")).withReceipts());
        return apply(event, id, body, Set.of(ClaimEventType.RESUBMITTED), (claim, caller, now) -> {
            ClaimChange change = claim.resubmit(step.amount(), step.receipts(), caller, now);
            receipts.requireUploaded(step.receipts(), "receiptKeys");
            return change;
        });
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reject a claim",
            description = "Body {reason}: by the level that acts on it now; all its money is released.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response reject(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(mapper, body, StepFields.NONE.withText(required("reason")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.REJECTED),
                (claim, caller, now) -> claim.reject(step.text().orElse(""), caller, now));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Withdraw a claim",
            description = "The claimant, before approval; body {reason?}. All its money is released.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response withdraw(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(mapper, body, StepFields.NONE.withText(optional("reason")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.WITHDRAWN),
                (claim, caller, now) -> claim.withdraw(step.text(), caller, now));
    }

    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Pay an approved claim",
            description = "The town's supervisor; body {note?}. The reservation becomes money paid.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response pay(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(mapper, body, StepFields.NONE.withText(optional("note")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.PAID),
                (claim, caller, now) -> claim.pay(step.text(), caller, now));
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish a paid claim (公示)",
            description = "A community secretary of the claim's community puts it in the public list. Body {}.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response publish(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.step(mapper, body, StepFields.NONE);
        return apply(
                event, id, body, Set.of(ClaimEventType.PUBLISHED), (claim, caller, now) -> claim.publish(caller, now));
    }

    @POST
    @Path("/{id}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reverse a paid claim",
            description = "The town's supervisor; body {amountFen, currency?, reason}: unspent money (at most what "
                    + "was paid) comes back to the account by a compensating event; the payment stays in the trace.")
    @ClaimStepResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = STEP_KEY)
    public Response reverse(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        FundBodies.Step step = FundBodies.step(
                mapper, body, StepFields.NONE.withAmount(required("amountFen")).withText(required("reason")));
        return apply(
                event,
                id,
                body,
                Set.of(ClaimEventType.REVERSED),
                (claim, caller, now) ->
                        claim.reverse(step.amount().orElseThrow(), step.text().orElse(""), caller, now));
    }

    @FunctionalInterface
    private interface Decision {
        ClaimChange take(Claim claim, Caller caller, Instant now);
    }

    /**
     * Reads the claim (404 when the caller may not see it); answers a retry of a step this caller already took with the
     * same key; otherwise lets the domain decide and stores state, event and money under the claim's version.
     */
    private Response apply(
            APIGatewayV2HTTPEvent event, String id, String body, Set<ClaimEventType> steps, Decision decision) {
        Caller caller = CallerClaims.callerOf(event);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body == null ? "" : body);
        ClaimHistory current = readable(caller, id);
        Optional<ClaimHistory> earlier =
                key.flatMap(claim -> funds.replayStep(claim, current.claim().id(), steps));
        ClaimOutcome outcome = earlier.map(history -> new ClaimOutcome(history, true))
                .orElseGet(() -> funds.step(current, decision.take(current.claim(), caller, clock.instant()), key));
        return Response.ok(ClaimView.of(outcome.history()))
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(outcome.replayed()))
                .build();
    }

    private ClaimHistory readable(Caller caller, String id) {
        ClaimId claimId;
        try {
            claimId = new ClaimId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("claim", id);
        }
        return funds.findClaim(claimId)
                .filter(history -> FundAccess.mayRead(caller, history.claim()))
                .orElseThrow(() -> new NotFoundException("claim", id));
    }

    private static Response created(UriInfo uri, ClaimOutcome outcome) {
        ClaimView view = ClaimView.of(outcome.history());
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/fund-claims")
                        .path(view.id())
                        .build())
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(outcome.replayed()))
                .entity(view)
                .build();
    }
}
