package io.gridsteward.domain.core;

public enum OrganisationKind {
    COUNTY,
    TOWN,
    COMMUNITY,
    GRID,
    DEPARTMENT,
    UNIT;

    /** Whether a ticket can be dispatched to such an organisation for handling (a grid team, a community or a department). */
    public boolean handlesTickets() {
        return switch (this) {
            case GRID, COMMUNITY, DEPARTMENT -> true;
            case COUNTY, TOWN, UNIT -> false;
        };
    }
}
