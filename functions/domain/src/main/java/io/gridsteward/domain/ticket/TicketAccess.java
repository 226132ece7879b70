package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import java.util.Optional;

/**
 * Who may do what with a ticket: the one table of roles and jurisdictions. Jurisdiction follows the county's
 * structure: the ticket's grid, its community and its town contain it; an assignee organisation handles what is
 * assigned to it; a resident sees their own reports.
 *
 * <pre>
 * step        who
 * ----------  ---------------------------------------------------------------------------------------------
 * report      RESIDENT anywhere; GRID_WORKER in their grid (patrol, hotline); TOWN_DISPATCHER in their town
 *             (hotline); TOWN_SUPERVISOR in their town (supervision finding)
 * read        the reporter; staff of the ticket's grid, community or town; the assignee's staff; COUNTY_LEADER
 * dispatch    TOWN_DISPATCHER of the ticket's town; SYSTEM (auto-routing on intake)
 * accept      a handler of the assignee organisation (see {@link #handlesAssignment})
 * return      a handler of the assignee organisation
 * escalate    a handler of the assignee organisation; TOWN_DISPATCHER of the ticket's town; SYSTEM (overdue)
 * resolve     a handler of the assignee organisation
 * evaluate    the reporter
 * reopen      the reporter
 * close       TOWN_DISPATCHER of the ticket's town
 * cancel      TOWN_DISPATCHER of the ticket's town
 * supervise   TOWN_SUPERVISOR of the ticket's town
 * flag late   SYSTEM (the SLA sweeper, when the town's dispatcher holds an overdue ticket)
 * attach      the reporter; a handler of the assignee organisation (an upload URL for a photo)
 *
 * list        who
 * ----------  ---------------------------------------------------------------------------------------------
 * town queue  TOWN_DISPATCHER and TOWN_SUPERVISOR of the town; COUNTY_LEADER
 * org's open  staff of the organisation; TOWN_DISPATCHER and TOWN_SUPERVISOR of its town; COUNTY_LEADER
 * grid's      staff of the grid, its community or its town (not department officers); COUNTY_LEADER
 * own reports anyone, their own only
 * </pre>
 */
public final class TicketAccess {

    private TicketAccess() {}

    public static boolean mayReport(Caller caller, Placement placement) {
        return switch (caller.role()) {
            case RESIDENT -> true;
            case GRID_WORKER ->
                caller.organisationId().filter(placement::isWithin).isPresent();
            case TOWN_DISPATCHER, TOWN_SUPERVISOR -> caller.actsFor(placement.town());
            case GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    public static boolean mayRead(Caller caller, Ticket ticket) {
        if (isReporter(caller, ticket)) {
            return true;
        }
        boolean assignedToCaller =
                ticket.assignee().map(Assignee::id).filter(caller::actsFor).isPresent();
        return switch (caller.role()) {
            case RESIDENT, UNIT_OFFICER, PARTY_MEMBER -> false;
            case COUNTY_LEADER, SYSTEM -> true;
            case DEPARTMENT_OFFICER -> assignedToCaller;
            case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, TOWN_SUPERVISOR ->
                assignedToCaller
                        || caller.organisationId()
                                .filter(ticket.placement()::isWithin)
                                .isPresent();
        };
    }

    /** Whether the caller may take this step on the ticket; the lifecycle decides separately whether the state allows it. */
    public static boolean mayTake(Caller caller, TicketEventType step, Ticket ticket) {
        return switch (step) {
            case REPORTED -> false;
            case DISPATCHED -> isTownDispatcher(caller, ticket) || caller.role() == Role.SYSTEM;
            case ACCEPTED, RETURNED, RESOLVED -> handlesAssignment(caller, ticket);
            case ESCALATED ->
                handlesAssignment(caller, ticket) || isTownDispatcher(caller, ticket) || caller.role() == Role.SYSTEM;
            case EVALUATED, REOPENED -> isReporter(caller, ticket);
            case CLOSED, CANCELLED -> isTownDispatcher(caller, ticket);
            case SUPERVISED ->
                caller.role() == Role.TOWN_SUPERVISOR
                        && caller.actsFor(ticket.placement().town());
            case FLAGGED_OVERDUE -> caller.role() == Role.SYSTEM;
        };
    }

    public static boolean mayDispatch(Caller caller, Ticket ticket) {
        return mayTake(caller, TicketEventType.DISPATCHED, ticket);
    }

    /** Who may upload photos for a ticket: the reporter (evidence) and the assignee's handlers (resolution). */
    public static boolean mayAttach(Caller caller, Ticket ticket) {
        return !ticket.status().isTerminal() && (isReporter(caller, ticket) || handlesAssignment(caller, ticket));
    }

    public static boolean mayListQueue(Caller caller, OrganisationId town) {
        return switch (caller.role()) {
            case TOWN_DISPATCHER, TOWN_SUPERVISOR -> caller.actsFor(town);
            case COUNTY_LEADER -> true;
            case RESIDENT,
                    GRID_WORKER,
                    GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    DEPARTMENT_OFFICER,
                    UNIT_OFFICER,
                    PARTY_MEMBER,
                    SYSTEM -> false;
        };
    }

    public static boolean mayListAssigned(Caller caller, Organisation organisation) {
        return switch (caller.role()) {
            case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, DEPARTMENT_OFFICER ->
                caller.actsFor(organisation.id());
            case TOWN_DISPATCHER, TOWN_SUPERVISOR ->
                organisation.town().filter(caller::actsFor).isPresent();
            case COUNTY_LEADER -> true;
            case RESIDENT, UNIT_OFFICER, PARTY_MEMBER, SYSTEM -> false;
        };
    }

    public static boolean mayListGrid(Caller caller, Placement placement) {
        return switch (caller.role()) {
            case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, TOWN_SUPERVISOR ->
                caller.organisationId().filter(placement::isWithin).isPresent();
            case COUNTY_LEADER -> true;
            case RESIDENT, DEPARTMENT_OFFICER, UNIT_OFFICER, PARTY_MEMBER, SYSTEM -> false;
        };
    }

    /**
     * The reporter's phone number is for the handling chain only: the reporter, the town's dispatchers and the
     * assignee's handlers; not supervisors, leaders or neighbouring staff.
     */
    public static boolean maySeeContact(Caller caller, Ticket ticket) {
        return isReporter(caller, ticket) || isTownDispatcher(caller, ticket) || handlesAssignment(caller, ticket);
    }

    /** A member of the assignee organisation in a role that handles tickets (not a supervisor or a leader). */
    public static boolean handlesAssignment(Caller caller, Ticket ticket) {
        Optional<OrganisationId> assignee = ticket.assignee().map(Assignee::id).filter(caller::actsFor);
        return assignee.isPresent()
                && switch (caller.role()) {
                    case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, DEPARTMENT_OFFICER ->
                        true;
                    case RESIDENT, TOWN_SUPERVISOR, COUNTY_LEADER, UNIT_OFFICER, PARTY_MEMBER, SYSTEM -> false;
                };
    }

    /** Refuses a ticket outside the caller's sight as if it did not exist, so that refusals reveal nothing. */
    public static void requireReadable(Caller caller, Ticket ticket) {
        if (!mayRead(caller, ticket)) {
            throw new NotFoundException("ticket", ticket.id().value());
        }
    }

    private static boolean isReporter(Caller caller, Ticket ticket) {
        return caller.role() != Role.SYSTEM && caller.userId().equals(ticket.reporterId());
    }

    private static boolean isTownDispatcher(Caller caller, Ticket ticket) {
        return caller.role() == Role.TOWN_DISPATCHER
                && caller.actsFor(ticket.placement().town());
    }
}
