package io.gridsteward.jobs;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.store.ticket.TicketHistory;
import io.gridsteward.store.ticket.TicketStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One pass of the SLA sweeper: finds tickets whose holder missed its due time through the due index (no Scan) and
 * acts on each as SYSTEM — a level up when there is one ({@link Ticket#flagIfOverdue}), flagged in place when the
 * town's dispatcher holds it. Each ticket is re-read before acting (the index is eventually consistent) and written
 * under its version, so two sweeps running at once act on a ticket once: the second either finds its lateness
 * already recorded or loses the version race and moves on.
 */
public final class SlaSweep {

    private final TicketStore tickets;
    private final int lookbackDays;
    private final int batchLimit;

    public SlaSweep(TicketStore tickets, int lookbackDays, int batchLimit) {
        this.tickets = requireNonNull(tickets, "tickets");
        if (lookbackDays < 0 || batchLimit < 1) {
            throw new IllegalArgumentException(
                    "lookbackDays >= 0 and batchLimit >= 1: " + lookbackDays + ", " + batchLimit);
        }
        this.lookbackDays = lookbackDays;
        this.batchLimit = batchLimit;
    }

    public SweepResult sweep(Instant now) {
        List<Ticket> candidates = tickets.overdue(now, lookbackDays, batchLimit);
        int escalated = 0;
        int flagged = 0;
        int alreadyHandled = 0;
        for (Ticket candidate : candidates) {
            Optional<Ticket> current = tickets.find(candidate.id()).map(TicketHistory::ticket);
            Optional<TicketChange> change = current.flatMap(ticket -> ticket.flagIfOverdue(now));
            if (change.isEmpty()) {
                alreadyHandled++;
                continue;
            }
            try {
                tickets.transition(change.get(), current.get().version());
            } catch (VersionConflictException lostRace) {
                alreadyHandled++;
                continue;
            }
            if (change.get().event().type() == TicketEventType.ESCALATED) {
                escalated++;
            } else {
                flagged++;
            }
        }
        return new SweepResult(candidates.size(), escalated, flagged, alreadyHandled);
    }

    /**
     * What a sweep did: tickets found overdue in the index, escalated a level up, flagged in the town dispatcher's
     * hands, and found already handled (by someone's step or another sweep).
     */
    public record SweepResult(int found, int escalated, int flagged, int alreadyHandled) {}
}
