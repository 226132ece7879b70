package io.gridsteward.domain.core;

import java.util.Optional;

public enum Role {
    RESIDENT,
    GRID_WORKER,
    GRID_PARTY_LEADER,
    COMMUNITY_SECRETARY,
    TOWN_DISPATCHER,
    TOWN_SUPERVISOR,
    DEPARTMENT_OFFICER,
    COUNTY_LEADER,
    /** Staff of a resident unit (驻区单位) acting for it: publishes its offers and claims demands for it. */
    UNIT_OFFICER,
    /** A party member acting for themselves (alone or with others, 帮帮团); a token may name the community they reported in to. */
    PARTY_MEMBER,
    /** The platform itself: auto-routing on intake and the SLA sweeper. Never taken from a token. */
    SYSTEM;

    /** Whether a caller may present this role in a token; {@link #SYSTEM} is the platform's own. */
    public boolean isIssuedToPeople() {
        return this != SYSTEM;
    }

    /** Staff act for an organisation; residents act for themselves. */
    public boolean isStaff() {
        return switch (this) {
            case RESIDENT, PARTY_MEMBER, SYSTEM -> false;
            case GRID_WORKER,
                    GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER -> true;
        };
    }

    /**
     * The kind of organisation a staff role acts for: a token naming an organisation of another kind (a department
     * officer of a grid, a grid worker of a town) describes nobody the county appointed and is refused.
     */
    public Optional<OrganisationKind> organisationKind() {
        return switch (this) {
            case RESIDENT, SYSTEM -> Optional.empty();
            case GRID_WORKER, GRID_PARTY_LEADER -> Optional.of(OrganisationKind.GRID);
            case COMMUNITY_SECRETARY -> Optional.of(OrganisationKind.COMMUNITY);
            case TOWN_DISPATCHER, TOWN_SUPERVISOR -> Optional.of(OrganisationKind.TOWN);
            case DEPARTMENT_OFFICER -> Optional.of(OrganisationKind.DEPARTMENT);
            case COUNTY_LEADER -> Optional.of(OrganisationKind.COUNTY);
            case UNIT_OFFICER -> Optional.of(OrganisationKind.UNIT);
            // A member's token may name the community they reported in to; without one it names nothing.
            case PARTY_MEMBER -> Optional.of(OrganisationKind.COMMUNITY);
        };
    }
}
