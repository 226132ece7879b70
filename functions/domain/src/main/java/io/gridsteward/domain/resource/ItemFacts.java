package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import java.time.Instant;
import java.util.Optional;

/**
 * The offer or demand an event is about, as the dashboards group it: its kind, its town's pool, its community and grid
 * (a demand's; an offer's when a community offered it), who provided it, how much it was for and what that is worth,
 * and when it was published. Copied onto every event of the item and of its claims and projects, so a metric reads
 * one row and joins nothing.
 */
public record ItemFacts(
        ItemType type,
        String itemId,
        ResourceKind kind,
        OrganisationId town,
        Optional<OrganisationId> community,
        Optional<GridId> grid,
        Optional<OrganisationId> provider,
        Optional<OrganisationKind> providerKind,
        boolean smallWish,
        long quantity,
        Money value,
        Optional<Instant> publishedAt) {

    public ItemFacts {
        requireNonNull(type, "type");
        requireNonNull(itemId, "itemId");
        requireNonNull(kind, "kind");
        requireNonNull(town, "town");
        requireNonNull(community, "community");
        requireNonNull(grid, "grid");
        requireNonNull(provider, "provider");
        requireNonNull(providerKind, "providerKind");
        requireNonNull(value, "value");
        requireNonNull(publishedAt, "publishedAt");
    }
}
