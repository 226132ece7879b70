package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import java.time.Instant;
import java.util.Optional;

/**
 * The claim an event is about: who claimed (kind, organisation, how many members — never who they are), the community
 * and grid it serves, the quantity and its value, and when it was claimed. Copied onto the claim's and its project's
 * events.
 */
public record ClaimFacts(
        ClaimId claimId,
        ClaimantKind claimantKind,
        Optional<OrganisationId> claimantOrganisation,
        int memberCount,
        OrganisationId community,
        Optional<GridId> grid,
        long quantity,
        Money value,
        Instant claimedAt) {

    public ClaimFacts {
        requireNonNull(claimId, "claimId");
        requireNonNull(claimantKind, "claimantKind");
        requireNonNull(claimantOrganisation, "claimantOrganisation");
        requireNonNull(community, "community");
        requireNonNull(grid, "grid");
        requireNonNull(value, "value");
        requireNonNull(claimedAt, "claimedAt");
    }
}
