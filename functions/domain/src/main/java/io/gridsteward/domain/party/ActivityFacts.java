package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import java.util.Optional;

/** What an attendance and its events carry of their activity, so that the job, the ledgers and the lake need no lookup. */
public record ActivityFacts(
        ActivityKind kind,
        OrganisationId organiser,
        OrganisationId community,
        OrganisationId town,
        Optional<GridId> grid,
        ActivityWindow window) {

    public ActivityFacts {
        requireNonNull(kind, "kind");
        requireNonNull(organiser, "organiser");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(grid, "grid");
        requireNonNull(window, "window");
    }
}
