package io.gridsteward.domain.ticket;

/** What happened to a ticket; every event but {@link #REPORTED} is a step of {@link TicketLifecycle}. */
public enum TicketEventType {
    REPORTED,
    DISPATCHED,
    ACCEPTED,
    RETURNED,
    ESCALATED,
    RESOLVED,
    EVALUATED,
    REOPENED,
    CLOSED,
    CANCELLED,
    /** A town supervisor's note (督办); leaves the status as it is. */
    SUPERVISED,
    /**
     * The SLA sweeper found the ticket late where there is no level above to escalate to (the town's dispatcher
     * holds it); leaves the status as it is and counts against the town.
     */
    FLAGGED_OVERDUE
}
