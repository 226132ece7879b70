package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long the handlers have: to accept a ticket (first response) and to resolve it. A ticket keeps the target it
 * was reported under, so a later change of the policy does not move the goalposts of open tickets.
 */
public record SlaTarget(Duration acceptWithin, Duration resolveWithin) {

    public SlaTarget {
        requireNonNull(acceptWithin, "acceptWithin");
        requireNonNull(resolveWithin, "resolveWithin");
        if (acceptWithin.isNegative() || acceptWithin.isZero() || resolveWithin.compareTo(acceptWithin) < 0) {
            throw new IllegalArgumentException(
                    "an SLA needs 0 < acceptWithin <= resolveWithin: " + acceptWithin + ", " + resolveWithin);
        }
    }
}
