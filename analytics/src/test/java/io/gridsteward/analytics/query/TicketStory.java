package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ticket's lifecycle as lake rows, told step by step: each step is the next event (sequence + 1, from the
 * previous status), carrying the ticket's place, current assignee and due times as the contract says.
 * A story told {@link #beforeDueTimes() before due times existed} has no priority, due times or rating.
 */
final class TicketStory {

    /** Where a ticket is and what it is about: the lake's dimension columns. */
    record Place(String gridId, String communityId, String townId, String category) {
    }

    private final String ticketId;
    private final Place place;
    private final List<TicketEventRow> events = new ArrayList<>();
    private String status;
    private String assigneeOrgId;
    private Instant acceptDueAt;
    private Instant resolveDueAt;
    private boolean withDueTimes = true;

    private TicketStory(String ticketId, Place place) {
        this.ticketId = ticketId;
        this.place = place;
    }

    /** A ticket reported at the instant, to be accepted within two hours and resolved within the given time. */
    static TicketStory reported(String ticketId, Place place, Instant at, Duration resolveWithin) {
        TicketStory story = new TicketStory(ticketId, place);
        story.acceptDueAt = at.plus(Duration.ofHours(2));
        story.resolveDueAt = at.plus(resolveWithin);
        return story.step("REPORTED", "REPORTED", at, null);
    }

    /** Events of this story are of the lake's first schema: no priority, due times or rating. */
    TicketStory beforeDueTimes() {
        withDueTimes = false;
        List<TicketEventRow> told = List.copyOf(events);
        events.clear();
        told.forEach(event -> events.add(row(event.sequence(), event.eventType(), event.fromStatus(), event.toStatus(),
                event.occurredAt(), event.assigneeOrgId(), null)));
        return this;
    }

    TicketStory dispatched(String assignee, Instant at) {
        assigneeOrgId = assignee;
        return step("DISPATCHED", "DISPATCHED", at, null);
    }

    TicketStory accepted(Instant at) {
        return step("ACCEPTED", "ACCEPTED", at, null);
    }

    TicketStory returned(Instant at) {
        return step("RETURNED", "RETURNED", at, null);
    }

    TicketStory escalated(String assignee, Instant at) {
        assigneeOrgId = assignee;
        return step("ESCALATED", "ESCALATED", at, null);
    }

    TicketStory supervised(Instant at) {
        return step("SUPERVISED", status, at, null);
    }

    TicketStory resolved(Instant at) {
        return step("RESOLVED", "RESOLVED", at, null);
    }

    TicketStory evaluated(int rating, Instant at) {
        return step("EVALUATED", "EVALUATED", at, rating);
    }

    /** Reopened: the ticket gets a new resolve-by time from now on. */
    TicketStory reopened(Instant at, Duration resolveWithin) {
        resolveDueAt = at.plus(resolveWithin);
        return step("REOPENED", "REOPENED", at, null);
    }

    TicketStory closed(Instant at) {
        return step("CLOSED", "CLOSED", at, null);
    }

    TicketStory cancelled(Instant at) {
        return step("CANCELLED", "CANCELLED", at, null);
    }

    List<TicketEventRow> events() {
        return List.copyOf(events);
    }

    Instant lastEventAt() {
        return events.getLast().occurredAt();
    }

    private TicketStory step(String eventType, String toStatus, Instant at, Integer rating) {
        events.add(row(events.size() + 1, eventType, status, toStatus, at, assigneeOrgId, rating));
        status = toStatus;
        return this;
    }

    private TicketEventRow row(long sequence, String eventType, String fromStatus, String toStatus, Instant at,
                               String assignee, Integer rating) {
        return new TicketEventRow(ticketId + "-event-" + sequence, ticketId, sequence, eventType, fromStatus, toStatus, at,
                "GRID_WORKER", null, place.gridId(), place.communityId(), place.townId(), place.category(), assignee,
                withDueTimes ? "NORMAL" : null, withDueTimes ? acceptDueAt : null, withDueTimes ? resolveDueAt : null,
                withDueTimes ? rating : null);
    }
}
