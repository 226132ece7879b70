package io.gridsteward.domain.ticket;

/** How urgent a ticket is; with the category it selects the SLA's due times. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL,
    LOW
}
