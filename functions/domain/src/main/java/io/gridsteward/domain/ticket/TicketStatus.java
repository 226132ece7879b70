package io.gridsteward.domain.ticket;

public enum TicketStatus {
    REPORTED,
    DISPATCHED,
    ACCEPTED,
    RESOLVED,
    EVALUATED,
    CLOSED,
    /** The assignee sent a wrongly dispatched ticket back to the dispatcher (退单). */
    RETURNED,
    /** Moved up a level: grid → community → town → county department. */
    ESCALATED,
    /** The reporter was not satisfied with the resolution. */
    REOPENED,
    CANCELLED;

    public boolean isTerminal() {
        return switch (this) {
            case CLOSED, CANCELLED -> true;
            case REPORTED, DISPATCHED, ACCEPTED, RESOLVED, EVALUATED, RETURNED, ESCALATED, REOPENED -> false;
        };
    }
}
