package io.gridsteward.jobs;

import io.gridsteward.domain.Ticket;
import io.gridsteward.domain.TicketChange;
import io.gridsteward.domain.VersionConflictException;
import io.gridsteward.store.TicketHistory;
import io.gridsteward.store.TicketStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One pass of the SLA sweeper: finds tickets past their escalation due time through the due index (no Scan), and
 * escalates each a level up as SYSTEM, flagged overdue. Each ticket is re-read before acting (the index is
 * eventually consistent) and written under its version, so two sweeps running at once escalate a ticket once:
 * the second either finds it no longer overdue or loses the version race and moves on.
 */
public final class SlaSweep {

    private final TicketStore tickets;
    private final int lookbackDays;
    private final int batchLimit;

    public SlaSweep(TicketStore tickets, int lookbackDays, int batchLimit) {
        this.tickets = requireNonNull(tickets, "tickets");
        if (lookbackDays < 0 || batchLimit < 1) {
            throw new IllegalArgumentException("lookbackDays >= 0 and batchLimit >= 1: " + lookbackDays + ", " + batchLimit);
        }
        this.lookbackDays = lookbackDays;
        this.batchLimit = batchLimit;
    }

    public SweepResult sweep(Instant now) {
        List<Ticket> candidates = tickets.overdue(now, lookbackDays, batchLimit);
        int escalated = 0;
        int alreadyHandled = 0;
        for (Ticket candidate : candidates) {
            Optional<Ticket> current = tickets.find(candidate.id()).map(TicketHistory::ticket)
                    .filter(ticket -> ticket.escalationDueAt().filter(due -> due.isBefore(now)).isPresent());
            if (current.isEmpty()) {
                alreadyHandled++;
                continue;
            }
            TicketChange change = current.get().escalateOverdue(now);
            try {
                tickets.transition(change, current.get().version());
                escalated++;
            }
            catch (VersionConflictException lostRace) {
                alreadyHandled++;
            }
        }
        return new SweepResult(candidates.size(), escalated, alreadyHandled);
    }

    /** What a sweep did: tickets found overdue in the index, escalated by this sweep, and found already handled. */
    public record SweepResult(int found, int escalated, int alreadyHandled) {
    }
}
