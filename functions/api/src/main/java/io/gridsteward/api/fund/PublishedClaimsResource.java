package io.gridsteward.api.fund;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.api.core.CallerClaims;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.http.Problem;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.fund.ClaimPage;
import io.gridsteward.store.fund.FundStore;
import io.gridsteward.store.organisation.OrganisationStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A community's public list of published claims (公示): what was paid from which fund, for what, and when, for anyone
 * signed in (residents judge how the money was spent). No claimant, receipts or reasons: those stay with the claim.
 */
@Path("/v1/fund-communities/{communityId}/published-claims")
@Produces(MediaType.APPLICATION_JSON)
public class PublishedClaimsResource {

    private final FundStore funds;
    private final OrganisationStore organisations;

    @Inject
    PublishedClaimsResource(FundStore funds, OrganisationStore organisations) {
        this.funds = funds;
        this.organisations = organisations;
    }

    @GET
    @Operation(
            summary = "A community's published claims (公示)",
            description = "Newest first; anyone signed in. Paged: limit 1-100 (default 20), "
                    + "cursor from the previous page's nextCursor.")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PublishedClaimList.class)))
    @APIResponse(
            responseCode = "400",
            description = "An unusable limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublishedClaimList published(
            @Context APIGatewayV2HTTPEvent event,
            @PathParam("communityId") String communityId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        CallerClaims.callerOf(event);
        Organisation community = community(communityId);
        ClaimPage page = funds.publishedIn(
                community.id(), new PageRequest(FundAccountResource.limit(limit), Optional.ofNullable(cursor)));
        return new PublishedClaimList(
                page.claims().stream().map(PublishedClaim::of).toList(),
                page.nextCursor().orElse(null));
    }

    private Organisation community(String id) {
        OrganisationId organisation;
        try {
            organisation = new OrganisationId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("community", id);
        }
        return organisations
                .find(organisation)
                .filter(found -> found.kind() == OrganisationKind.COMMUNITY)
                .orElseThrow(() -> new NotFoundException("community", id));
    }

    @Schema(name = "PublishedFundClaim", description = "A paid claim as the community publishes it")
    public record PublishedClaim(
            String id,
            String fundKind,
            int fiscalYear,
            String holderOrgId,
            String communityId,
            String purpose,
            ClaimView.ServedView served,
            long paidFen,
            String currency,
            String submittedAt,
            String publishedAt) {

        static PublishedClaim of(Claim claim) {
            return new PublishedClaim(
                    claim.id().value(),
                    claim.fundKind().name(),
                    claim.fiscalYear().value(),
                    claim.holder().value(),
                    claim.community().value(),
                    claim.purpose().code(),
                    new ClaimView.ServedView(
                            claim.served().kind().name(), claim.served().reference()),
                    claim.amount().fen(),
                    Money.CURRENCY,
                    claim.submittedAt().toString(),
                    claim.updatedAt().toString());
        }
    }

    @Schema(name = "PublishedFundClaimList")
    public record PublishedClaimList(List<PublishedClaim> items, String nextCursor) {}
}
