package io.gridsteward.api.fund;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.ApiException;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountChange;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.FundAccess;
import io.gridsteward.domain.fund.Ledger;
import io.gridsteward.domain.fund.LedgerEntryType;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.fund.ClaimHistory;
import io.gridsteward.store.fund.ClaimPage;
import io.gridsteward.store.fund.FundStore;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.inject.Inject;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Fund accounts over HTTP: opened by the county or a town, funded by allocations, moved by transfers and the year-end
 * carry-over, each a ledger entry; read with their ledgers and claims by those whose jurisdiction they lie in (404 to
 * everyone else, so a refusal does not reveal an account).
 */
@Path(FundAccountResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class FundAccountResource {

    static final String PATH = "/v1/fund-accounts";
    static final String MOVE_KEY =
            "Optional, 1-255 printable ASCII characters without spaces. A retry with the same key, account, movement "
                    + "and body answers 200 with the account as it is now (Idempotent-Replayed: true) and moves nothing, even when its original "
                    + "left too little for it; the same key with another body, account or movement (or a claim) is 422. Keys are the caller's own "
                    + "and kept 24 hours.";

    private final FundStore funds;
    private final OrganisationStore organisations;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;

    @Inject
    FundAccountResource(
            FundStore funds, OrganisationStore organisations, Clock clock, IdSource ids, ObjectMapper mapper) {
        this.funds = funds;
        this.organisations = organisations;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open a fund account",
            description = "Body {kind, fiscalYear, holderOrgId}: one account per holder, kind and year "
                    + "(opening it again answers the stored one). The county leader opens any; a town supervisor those of the town, its communities "
                    + "and grids. Delegated-task accounts open by delegating the task.")
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller does not manage such accounts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown kind, year or holder, or a holder of the wrong kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        FundBodies.OpenAccount request = FundBodies.openAccount(mapper, body);
        Organisation holder = organisations
                .find(request.holder())
                .orElseThrow(() -> ValidationException.of("holderOrgId", "no organisation has this id"));
        Account account = funds.open(Account.open(request.kind(), request.fiscalYear(), holder, caller));
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/fund-accounts")
                        .path(account.id().value())
                        .build())
                .entity(AccountView.of(account))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A fund account and its sums")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such account, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountView find(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        return AccountView.of(readable(CallerClaims.callerOf(event), id));
    }

    @GET
    @Path("/{id}/ledger")
    @Operation(
            summary = "An account's ledger",
            description = "Every entry, oldest first: allocations, transfers, carry-overs, reservations, "
                    + "releases, settlements and refunds. The account's sums equal the entries' changes added up.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LedgerView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such account, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LedgerView ledger(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id) {
        Account account = readable(CallerClaims.callerOf(event), id);
        return LedgerView.of(funds.ledger(account.id()).orElseThrow(() -> new NotFoundException("account", id)));
    }

    @GET
    @Path("/{id}/claims")
    @Operation(
            summary = "An account's claims, oldest first",
            description = "Paged: limit 1-100 (default 20), cursor from the previous page's nextCursor.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClaimListView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such account, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimListView claims(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Account account = readable(CallerClaims.callerOf(event), id);
        ClaimPage page = funds.claimsOn(account.id(), new PageRequest(limit(limit), Optional.ofNullable(cursor)));
        return new ClaimListView(
                page.claims().stream()
                        .map(claim -> ClaimView.of(new ClaimHistory(claim, List.of())))
                        .toList(),
                page.nextCursor().orElse(null));
    }

    @POST
    @Path("/{id}/allocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Allocate money to an account",
            description = "Body {amountFen, currency?, reason?}: whole fen, CNY. A ledger entry ALLOCATED.")
    @AccountMoveResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = MOVE_KEY)
    public Response allocate(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        FundBodies.Allocation request = FundBodies.allocation(mapper, body);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body);
        Account account = readable(caller, id);
        return moved(
                account.id(),
                LedgerEntryType.ALLOCATED,
                key,
                () -> Ledger.allocate(
                        account,
                        request.amount(),
                        "allocation:" + ids.newId(),
                        caller,
                        clock.instant(),
                        request.reason()));
    }

    @POST
    @Path("/{id}/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Transfer money to another account of the same year",
            description =
                    "Body {toAccountId, amountFen, currency?, reason?}: "
                            + "at most what is available; ledger entries TRANSFERRED_OUT and TRANSFERRED_IN in one transaction.")
    @AccountMoveResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = MOVE_KEY)
    public Response transfer(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        FundBodies.Transfer request = FundBodies.transfer(mapper, body);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body);
        Account from = managed(caller, id);
        Account to = counterpart(caller, request.to());
        return moved(
                from.id(),
                LedgerEntryType.TRANSFERRED_OUT,
                key,
                () -> Ledger.transfer(
                        from,
                        to,
                        request.amount(),
                        "transfer:" + ids.newId(),
                        caller,
                        clock.instant(),
                        request.reason()));
    }

    @POST
    @Path("/{id}/carry-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Carry what is available over to next year's account",
            description = "Body {toAccountId}: the same holder's account of "
                    + "the same kind for the next fiscal year. Reserved money stays with its claims.")
    @AccountMoveResponses
    @Parameter(name = IdempotencyClaim.HEADER, in = ParameterIn.HEADER, description = MOVE_KEY)
    public Response carryOver(@Context APIGatewayV2HTTPEvent event, @PathParam("id") String id, String body) {
        Caller caller = CallerClaims.callerOf(event);
        AccountId toId = FundBodies.carryOver(mapper, body);
        Optional<IdempotencyClaim> key = IdempotencyHeader.claim(caller, event, body);
        Account from = managed(caller, id);
        Account to = counterpart(caller, toId);
        return moved(
                from.id(),
                LedgerEntryType.CARRIED_OVER_OUT,
                key,
                () -> Ledger.carryOver(from, to, "carry-over:" + ids.newId(), caller, clock.instant()));
    }

    /**
     * Answers a retry of a movement this caller made with the same key (before the domain decides: the money the first
     * request moved may leave too little for the retry); otherwise moves the money with the key's record.
     */
    private Response moved(
            AccountId id, LedgerEntryType type, Optional<IdempotencyClaim> key, Supplier<AccountChange> decision) {
        boolean replayed =
                key.flatMap(claim -> funds.replayMovement(claim, id, type)).isPresent()
                        || funds.move(decision.get(), key);
        Account account = funds.findAccount(id).orElseThrow(() -> new NotFoundException("account", id.value()));
        return Response.ok(AccountView.of(account))
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(replayed))
                .build();
    }

    private Account readable(Caller caller, String id) {
        AccountId accountId;
        try {
            accountId = new AccountId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("account", id);
        }
        return funds.findAccount(accountId)
                .filter(account -> FundAccess.mayRead(caller, account))
                .orElseThrow(() -> new NotFoundException("account", id));
    }

    /** An account the caller manages: 404 when they may not see it, 403 when they only see it. */
    private Account managed(Caller caller, String id) {
        Account account = readable(caller, id);
        if (!FundAccess.mayManage(caller, account)) {
            throw new ForbiddenException("a %s may not move money on account %s"
                    .formatted(caller.role(), account.id().value()));
        }
        return account;
    }

    private Account counterpart(Caller caller, AccountId id) {
        return funds.findAccount(id)
                .filter(account -> FundAccess.mayRead(caller, account))
                .orElseThrow(() -> ValidationException.of("toAccountId", "no account you may see has this id"));
    }

    static int limit(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // refused below, as any other value out of range
        }
        throw ApiException.malformed("limit", "must be an integer from 1 to 100");
    }

    @Schema(name = "FundClaimList")
    public record ClaimListView(List<ClaimView> items, String nextCursor) {}
}
