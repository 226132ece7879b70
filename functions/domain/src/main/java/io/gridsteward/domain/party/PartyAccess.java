package io.gridsteward.domain.party;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import java.util.Optional;

/**
 * Who may do what in the party-member context: the one table of roles and jurisdictions.
 *
 * <pre>
 * step                  who
 * --------------------  ----------------------------------------------------------------------------------------
 * report in, renew,     a RESIDENT or PARTY_MEMBER for themselves as an in-service or scattered member; a DEPARTMENT_OFFICER for
 *   transfer            themselves as sunk staff; a unit: the COMMUNITY_SECRETARY of the community, or the unit's UNIT_OFFICER
 * confirm, decline,     COMMUNITY_SECRETARY of the enrolment's community
 *   move
 * read an enrolment     the enrollee; COMMUNITY_SECRETARY of its community; TOWN_* of its town; GRID_PARTY_LEADER and
 *                       GRID_WORKER of its group; COUNTY_LEADER
 * list a community's    COMMUNITY_SECRETARY of the community; TOWN_* of its town; COUNTY_LEADER
 *   enrolments
 * list a group's        as a community's, and the GRID_PARTY_LEADER and GRID_WORKER of the group's grid
 * publish an activity   COMMUNITY_SECRETARY of a community; GRID_PARTY_LEADER of a grid (its party group)
 * QR token, certify     the organiser's secretary or leader; the COMMUNITY_SECRETARY of the activity's community
 * read activities       anyone signed in (members choose what to sign up for)
 * sign up, check in/out the enrollee themselves
 * yearly record         the enrollee; staff of the community or town; COUNTY_LEADER; a unit's staff for the unit
 * </pre>
 */
public final class PartyAccess {

    private PartyAccess() {}

    public static boolean isEnrollee(Caller caller, EnrolleeId enrollee) {
        return caller.role() != Role.SYSTEM && caller.userId().equals(enrollee.value());
    }

    public static boolean mayReportIn(Caller caller, EnrolleeId enrollee, EnrolleeKind kind, OrganisationId community) {
        return switch (kind) {
            // A member reports in as a resident or with a party member's token; either way only for themselves.
            case IN_SERVICE_MEMBER, SCATTERED_MEMBER ->
                (caller.role() == Role.RESIDENT || caller.role() == Role.PARTY_MEMBER) && isEnrollee(caller, enrollee);
            case SUNK_STAFF -> caller.role() == Role.DEPARTMENT_OFFICER && isEnrollee(caller, enrollee);
            case UNIT ->
                caller.role() == Role.COMMUNITY_SECRETARY && caller.actsFor(community)
                        || caller.role() == Role.UNIT_OFFICER && caller.actsFor(new OrganisationId(enrollee.value()));
        };
    }

    public static boolean mayPlace(Caller caller, OrganisationId community) {
        return caller.role() == Role.COMMUNITY_SECRETARY && caller.actsFor(community);
    }

    public static boolean mayRead(Caller caller, Enrolment enrolment) {
        if (isEnrollee(caller, enrolment.id())) {
            return true;
        }
        if (enrolment.kind() == EnrolleeKind.UNIT
                && caller.actsFor(new OrganisationId(enrolment.id().value()))) {
            return true;
        }
        boolean leadsGroup = (caller.role() == Role.GRID_PARTY_LEADER || caller.role() == Role.GRID_WORKER)
                && enrolment
                        .group()
                        .map(GridId::organisationId)
                        .filter(caller::actsFor)
                        .isPresent();
        return leadsGroup || mayListCommunity(caller, enrolment.community(), enrolment.town());
    }

    public static boolean mayListCommunity(Caller caller, OrganisationId community, OrganisationId town) {
        return switch (caller.role()) {
            case COMMUNITY_SECRETARY -> caller.actsFor(community);
            case TOWN_DISPATCHER, TOWN_SUPERVISOR -> caller.actsFor(town);
            case COUNTY_LEADER, SYSTEM -> true;
            case RESIDENT, GRID_WORKER, GRID_PARTY_LEADER, DEPARTMENT_OFFICER, UNIT_OFFICER, PARTY_MEMBER -> false;
        };
    }

    public static boolean mayListGroup(Caller caller, Organisation grid) {
        boolean ofTheGrid = switch (caller.role()) {
            case GRID_PARTY_LEADER, GRID_WORKER -> caller.actsFor(grid.id());
            case RESIDENT,
                    COMMUNITY_SECRETARY,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
        return ofTheGrid
                || mayListCommunity(
                        caller, grid.communityId().orElseThrow(), grid.townId().orElseThrow());
    }

    public static boolean mayOrganise(Caller caller, Organisation organiser) {
        return switch (organiser.kind()) {
            case COMMUNITY -> caller.role() == Role.COMMUNITY_SECRETARY && caller.actsFor(organiser.id());
            case GRID ->
                caller.role() == Role.GRID_PARTY_LEADER && caller.actsFor(organiser.id())
                        || caller.role() == Role.COMMUNITY_SECRETARY
                                && organiser
                                        .communityId()
                                        .filter(caller::actsFor)
                                        .isPresent();
            case COUNTY, TOWN, DEPARTMENT, UNIT -> false;
        };
    }

    /** The organiser's own: shows the QR code and certifies hours. */
    public static boolean mayCertify(Caller caller, ActivityFacts activity) {
        return switch (caller.role()) {
            case COMMUNITY_SECRETARY -> caller.actsFor(activity.community());
            case GRID_PARTY_LEADER -> caller.actsFor(activity.organiser());
            case RESIDENT,
                    GRID_WORKER,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    /** Yearly records of a community: its staff, its town's, the county's leaders. */
    public static boolean mayReadCommunityRecord(Caller caller, OrganisationId community, OrganisationId town) {
        return mayListCommunity(caller, community, town);
    }

    /** A unit's yearly record: the unit's own staff and those who may list the unit's community. */
    public static boolean mayReadUnitRecord(Caller caller, OrganisationId unit, Optional<Enrolment> enrolment) {
        return caller.actsFor(unit) && caller.role().isStaff()
                || enrolment.filter(found -> mayRead(caller, found)).isPresent();
    }
}
