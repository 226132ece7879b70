package io.gridsteward.domain.core;

import static java.util.Objects.requireNonNull;

/**
 * Where a ticket lies in the county's structure: its grid and the grid's community and town. Copied onto the
 * ticket and each event so that jurisdiction checks and the lake need no lookup.
 */
public record Placement(GridId grid, OrganisationId community, OrganisationId town) {

    public Placement {
        requireNonNull(grid, "grid");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
    }

    /** True when the organisation is this grid, its community or its town. */
    public boolean isWithin(OrganisationId organisation) {
        return grid.organisationId().equals(organisation)
                || community.equals(organisation)
                || town.equals(organisation);
    }
}
