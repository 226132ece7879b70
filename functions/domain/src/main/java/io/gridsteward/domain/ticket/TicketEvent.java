package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Placement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One immutable step of a ticket's trace (全程留痕): who did what, when, from which state to which, and why.
 * Written in the same transaction as the ticket's new state; {@code sequence} equals the ticket's version after
 * the step, so the trace is ordered and gap-free. It carries the ticket's priority and due times after the step,
 * the assignee and its kind, the rating of an evaluation and the photo keys of a resolution, but never the reporter's
 * contact details.
 */
public record TicketEvent(
        String eventId,
        TicketId ticketId,
        long sequence,
        TicketEventType type,
        Optional<TicketStatus> from,
        TicketStatus to,
        Instant occurredAt,
        Caller actor,
        Placement placement,
        Category category,
        Optional<Assignee> assignee,
        Optional<String> reason,
        Priority priority,
        Deadlines deadlines,
        OptionalInt rating,
        List<PhotoKey> photos) {

    public TicketEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(ticketId, "ticketId");
        requireNonNull(type, "type");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(actor, "actor");
        requireNonNull(placement, "placement");
        requireNonNull(category, "category");
        requireNonNull(assignee, "assignee");
        requireNonNull(reason, "reason");
        requireNonNull(priority, "priority");
        requireNonNull(deadlines, "deadlines");
        requireNonNull(rating, "rating");
        photos = List.copyOf(photos);
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        if ((type == TicketEventType.REPORTED) != from.isEmpty()) {
            throw new IllegalArgumentException("only a REPORTED event has no previous status");
        }
    }

    /**
     * The event's id is derived from the ticket and the sequence: at most one event per sequence can commit
     * (the version guard), and a retried write yields the same id, which the lake deduplicates on.
     */
    public static String idFor(TicketId ticketId, long sequence) {
        return UUID.nameUUIDFromBytes((ticketId.value() + "#" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
