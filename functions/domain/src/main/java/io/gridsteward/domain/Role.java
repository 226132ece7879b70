package io.gridsteward.domain;

public enum Role {
    RESIDENT,
    GRID_WORKER,
    GRID_PARTY_LEADER,
    COMMUNITY_SECRETARY,
    TOWN_DISPATCHER,
    TOWN_SUPERVISOR,
    DEPARTMENT_OFFICER,
    COUNTY_LEADER;

    /** Staff act for an organisation; residents act for themselves. */
    public boolean isStaff() {
        return switch (this) {
            case RESIDENT -> false;
            case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, TOWN_SUPERVISOR,
                 DEPARTMENT_OFFICER, COUNTY_LEADER -> true;
        };
    }
}
