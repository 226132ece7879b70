package io.gridsteward.domain;

/** Someone changed the ticket since the caller read it: the optimistic lock lost. */
public final class VersionConflictException extends DomainException {

    private final TicketId ticketId;
    private final long expectedVersion;

    public VersionConflictException(TicketId ticketId, long expectedVersion) {
        super("ticket %s is not at version %d".formatted(ticketId.value(), expectedVersion));
        this.ticketId = ticketId;
        this.expectedVersion = expectedVersion;
    }

    public TicketId ticketId() {
        return ticketId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
