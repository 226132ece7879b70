package io.gridsteward.store.fund;

import io.gridsteward.domain.fund.Claim;
import java.util.List;
import java.util.Optional;

/** One page of claims and the cursor of the next, when there is one. */
public record ClaimPage(List<Claim> claims, Optional<String> nextCursor) {

    public ClaimPage {
        claims = List.copyOf(claims);
    }
}
