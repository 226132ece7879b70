package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When the ticket must be accepted and resolved by; stored to the millisecond like every instant of a ticket. */
public record Deadlines(Instant acceptBy, Instant resolveBy) {

    public Deadlines {
        acceptBy = requireNonNull(acceptBy, "acceptBy").truncatedTo(ChronoUnit.MILLIS);
        resolveBy = requireNonNull(resolveBy, "resolveBy").truncatedTo(ChronoUnit.MILLIS);
    }

    static Deadlines startingAt(Instant start, SlaTarget target) {
        return new Deadlines(start.plus(target.acceptWithin()), start.plus(target.resolveWithin()));
    }

    Deadlines acceptAgainFrom(Instant start, SlaTarget target) {
        return new Deadlines(start.plus(target.acceptWithin()), resolveBy);
    }
}
