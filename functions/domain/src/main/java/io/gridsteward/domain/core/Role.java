package io.gridsteward.domain.core;

public enum Role {
    RESIDENT,
    GRID_WORKER,
    GRID_PARTY_LEADER,
    COMMUNITY_SECRETARY,
    TOWN_DISPATCHER,
    TOWN_SUPERVISOR,
    DEPARTMENT_OFFICER,
    COUNTY_LEADER,
    /** The platform itself: auto-routing on intake and the SLA sweeper. Never taken from a token. */
    SYSTEM;

    /** Whether a caller may present this role in a token; {@link #SYSTEM} is the platform's own. */
    public boolean isIssuedToPeople() {
        return this != SYSTEM;
    }

    /** Staff act for an organisation; residents act for themselves. */
    public boolean isStaff() {
        return switch (this) {
            case RESIDENT, SYSTEM -> false;
            case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, TOWN_SUPERVISOR,
                 DEPARTMENT_OFFICER, COUNTY_LEADER -> true;
        };
    }
}
