package io.gridsteward.api.resource;

import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.resource.ClaimOutcome;
import io.gridsteward.store.resource.ResourceStore;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Supplier;

/** Claiming an offer or a demand, and the answer: 201 with the claim, and whether it replays the first request's. */
final class ClaimResponses {

    private ClaimResponses() {}

    /**
     * Claims once per Idempotency-Key: a retry answers with its first request's claim, even when the item has nothing
     * left to take by then, so the replay is looked up before the domain decides.
     */
    static Response claimOnce(
            ResourceStore resources,
            UriInfo uri,
            Optional<IdempotencyClaim> key,
            ItemType item,
            String itemId,
            Supplier<Change<Claim>> claim) {
        ClaimOutcome outcome = key.flatMap(first -> resources.replayClaim(first, item, itemId))
                .map(first -> new ClaimOutcome(first, true))
                .orElseGet(() -> resources.claim(claim.get(), key));
        return created(uri, outcome);
    }

    static Response created(UriInfo uri, ClaimOutcome outcome) {
        return Response.created(uri.getBaseUriBuilder()
                        .path(ClaimsResource.PATH)
                        .path(outcome.claim().id().value())
                        .build())
                .header(IdempotencyHeader.REPLAYED, Boolean.toString(outcome.replayed()))
                .entity(ResourceViews.ClaimView.of(outcome.claim(), null))
                .build();
    }
}
