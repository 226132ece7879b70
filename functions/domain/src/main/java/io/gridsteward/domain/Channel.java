package io.gridsteward.domain;

import java.util.Optional;

/** How a problem reached the platform. */
public enum Channel {
    /** A resident's own report from the app. */
    RESIDENT_APP,
    /** Found by a grid worker on patrol (巡查发现). */
    GRID_PATROL,
    /** A 12345 hotline call entered by an operator. */
    HOTLINE,
    /** Found by a supervisor. */
    SUPERVISION;

    public boolean isOpenTo(Role role) {
        return switch (role) {
            case RESIDENT -> this == RESIDENT_APP;
            case GRID_WORKER -> this == GRID_PATROL || this == HOTLINE;
            case TOWN_SUPERVISOR -> this == SUPERVISION;
            case GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, DEPARTMENT_OFFICER, COUNTY_LEADER -> false;
        };
    }

    /** The channel a role reports through when it names none; roles with several channels must name one. */
    public static Optional<Channel> defaultFor(Role role) {
        return switch (role) {
            case RESIDENT -> Optional.of(RESIDENT_APP);
            case GRID_WORKER -> Optional.of(GRID_PATROL);
            case TOWN_SUPERVISOR -> Optional.of(SUPERVISION);
            case GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, DEPARTMENT_OFFICER, COUNTY_LEADER -> Optional.empty();
        };
    }
}
