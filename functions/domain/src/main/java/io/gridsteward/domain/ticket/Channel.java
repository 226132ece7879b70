package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.Role;
import java.util.Optional;

/** How a problem reached the platform; each channel is open to the roles that work it. */
public enum Channel {
    /** A resident's own report from the app. */
    RESIDENT_APP,
    /** Found by a grid worker on patrol (巡查发现). */
    GRID_PATROL,
    /** A 12345 hotline call entered by an operator: a grid worker or the town dispatch centre. */
    HOTLINE,
    /** Found by a town supervisor. */
    SUPERVISION;

    public boolean isOpenTo(Role role) {
        return switch (role) {
            case RESIDENT -> this == RESIDENT_APP;
            case GRID_WORKER -> this == GRID_PATROL || this == HOTLINE;
            case TOWN_DISPATCHER -> this == HOTLINE;
            case TOWN_SUPERVISOR -> this == SUPERVISION;
            case GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    /** The channel a role reports through when it names none. */
    public static Optional<Channel> defaultFor(Role role) {
        return switch (role) {
            case RESIDENT -> Optional.of(RESIDENT_APP);
            case GRID_WORKER -> Optional.of(GRID_PATROL);
            case TOWN_DISPATCHER -> Optional.of(HOTLINE);
            case TOWN_SUPERVISOR -> Optional.of(SUPERVISION);
            case GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> Optional.empty();
        };
    }
}
