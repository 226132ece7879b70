package io.gridsteward.store.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;

/** The lists of tickets the store serves, each from one index partition (see the README's access patterns). */
public sealed interface TicketList {

    /** A town's dispatch queue: REPORTED, RETURNED and escalated-to-the-town tickets, most urgent acceptance first. */
    record TownQueue(OrganisationId town) implements TicketList {
        public TownQueue {
            requireNonNull(town, "town");
        }
    }

    /** An organisation's open tickets (dispatched, accepted, escalated to it, reopened), earliest due first. */
    record AssignedTo(OrganisationId organisation) implements TicketList {
        public AssignedTo {
            requireNonNull(organisation, "organisation");
        }
    }

    /** A reporter's own tickets, newest first. */
    record ReportedBy(String reporterId) implements TicketList {
        public ReportedBy {
            requireNonNull(reporterId, "reporterId");
        }
    }

    /** A grid's tickets grouped by status, newest first within a status. */
    record InGrid(GridId grid) implements TicketList {
        public InGrid {
            requireNonNull(grid, "grid");
        }
    }
}
