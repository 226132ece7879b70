package io.gridsteward.domain;

/**
 * Who may do what with a ticket. Jurisdiction follows the county's structure: the ticket's grid, its community
 * and its town contain it; a department sees what is assigned to it; a resident sees their own reports.
 */
public final class TicketAccess {

    private TicketAccess() {
    }

    public static boolean mayReport(Caller caller, Placement placement) {
        return switch (caller.role()) {
            case RESIDENT -> true;
            case GRID_WORKER -> caller.organisationId().filter(placement::isWithin).isPresent();
            case GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, TOWN_SUPERVISOR, DEPARTMENT_OFFICER, COUNTY_LEADER -> false;
        };
    }

    public static boolean mayRead(Caller caller, Ticket ticket) {
        if (caller.userId().equals(ticket.reporterId())) {
            return true;
        }
        boolean assignedToCaller = ticket.assignee().filter(caller::actsFor).isPresent();
        return switch (caller.role()) {
            case RESIDENT -> false;
            case COUNTY_LEADER -> true;
            case DEPARTMENT_OFFICER -> assignedToCaller;
            case GRID_WORKER, GRID_PARTY_LEADER, COMMUNITY_SECRETARY, TOWN_DISPATCHER, TOWN_SUPERVISOR ->
                    assignedToCaller || caller.organisationId().filter(ticket.placement()::isWithin).isPresent();
        };
    }

    public static boolean mayDispatch(Caller caller, Ticket ticket) {
        return caller.role() == Role.TOWN_DISPATCHER && caller.actsFor(ticket.placement().town());
    }

    /** Refuses a ticket outside the caller's sight as if it did not exist, so that refusals reveal nothing. */
    public static void requireReadable(Caller caller, Ticket ticket) {
        if (!mayRead(caller, ticket)) {
            throw NotFoundException.ticket(ticket.id());
        }
    }
}
