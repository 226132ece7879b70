package io.gridsteward.domain;

/** The ticket's current state does not allow the requested step. */
public final class IllegalTransitionException extends DomainException {

    private final TicketId ticketId;
    private final TicketStatus currentStatus;
    private final TicketEventType attempted;

    public IllegalTransitionException(TicketId ticketId, TicketStatus currentStatus, TicketEventType attempted) {
        super("ticket %s is %s, which does not allow %s".formatted(ticketId.value(), currentStatus, attempted));
        this.ticketId = ticketId;
        this.currentStatus = currentStatus;
        this.attempted = attempted;
    }

    public TicketId ticketId() {
        return ticketId;
    }

    public TicketStatus currentStatus() {
        return currentStatus;
    }

    public TicketEventType attempted() {
        return attempted;
    }
}
