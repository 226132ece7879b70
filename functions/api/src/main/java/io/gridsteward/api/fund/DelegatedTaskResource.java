package io.gridsteward.api.fund;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountChange;
import io.gridsteward.domain.fund.DelegatedTask;
import io.gridsteward.domain.fund.DelegatedTaskId;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.http.Problem;
import io.gridsteward.store.fund.FundStore;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A county department hands an admitted task down to a community with its money (费随事转). */
@Path("/v1/delegated-tasks")
@Produces(MediaType.APPLICATION_JSON)
public class DelegatedTaskResource {

    private final FundStore funds;
    private final OrganisationStore organisations;
    private final FundRules rules;
    private final Clock clock;
    private final IdSource ids;
    private final ObjectMapper mapper;

    @Inject
    DelegatedTaskResource(
            FundStore funds,
            OrganisationStore organisations,
            FundRules rules,
            Clock clock,
            IdSource ids,
            ObjectMapper mapper) {
        this.funds = funds;
        this.organisations = organisations;
        this.rules = rules;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delegate a task with its funding",
            description = "Body {taskCode, communityId, fiscalYear, fundingFen, currency?}. "
                    + "Only a task on the county's admitted list (准入) may be delegated; the task's account opens with its funding allocated and "
                    + "is claimed from only for this task.")
    @APIResponse(
            responseCode = "201",
            description = "The task's account",
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
            description = "Not a county department's officer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A task not admitted, not a community, a bad amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delegate(@Context APIGatewayV2HTTPEvent event, @Context UriInfo uri, String body) {
        Caller caller = CallerClaims.callerOf(event);
        FundBodies.Delegation request = FundBodies.delegation(mapper, body);
        Organisation community = organisations
                .find(request.community())
                .orElseThrow(() -> ValidationException.of("communityId", "no organisation has this id"));
        AccountChange delegation = DelegatedTask.delegate(
                DelegatedTaskId.generate(ids),
                request.taskCode(),
                request.fiscalYear(),
                community,
                request.funding(),
                caller,
                clock.instant(),
                rules);
        funds.delegate(delegation);
        Account account = delegation.accounts().getFirst();
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/fund-accounts")
                        .path(account.id().value())
                        .build())
                .entity(AccountView.of(account))
                .build();
    }
}
