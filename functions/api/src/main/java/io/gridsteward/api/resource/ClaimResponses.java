package io.gridsteward.api.resource;

import io.gridsteward.api.core.IdempotencyHeader;
import io.gridsteward.store.resource.ClaimOutcome;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A claim's answer: 201 with the claim, and whether it is a retry's replay of the first request's claim. */
final class ClaimResponses {

    private ClaimResponses() {}

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
