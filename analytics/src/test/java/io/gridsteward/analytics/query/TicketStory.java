package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ticket's lifecycle as lake rows, told step by step: each step is the next event (sequence + 1, from the
 * previous status), carrying the ticket's place, current assignee with its kind, and due times as the contract says.
 * A story told {@link #inTheFirstSchema() in the lake's first schema} has no priority, due times, rating or
 * assignee kind.
 */
final class TicketStory {

    /** Where a ticket is and what it is about: the lake's dimension columns. */
    record Place(String gridId, String communityId, String townId, String category) {}

    /** An organisation a ticket is assigned to, and its kind as events carry it (assignee_org_kind). */
    record Assignee(String orgId, String kind) {

        static Assignee grid(String orgId) {
            return new Assignee(orgId, "GRID");
        }

        static Assignee community(String orgId) {
            return new Assignee(orgId, "COMMUNITY");
        }

        static Assignee town(String orgId) {
            return new Assignee(orgId, "TOWN");
        }

        static Assignee department(String orgId) {
            return new Assignee(orgId, "DEPARTMENT");
        }
    }

    private final String ticketId;
    private final Place place;
    private final List<TicketEventRow> events = new ArrayList<>();
    private String status;
    private Assignee assignee;
    private Instant acceptDueAt;
    private Instant resolveDueAt;
    private boolean firstSchema;

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

    /** Events of this story are of the lake's first schema: no priority, due times, rating or assignee kind. */
    TicketStory inTheFirstSchema() {
        firstSchema = true;
        List<TicketEventRow> told = List.copyOf(events);
        events.clear();
        told.forEach(event -> events.add(row(
                event.sequence(),
                event.eventType(),
                event.fromStatus(),
                event.toStatus(),
                event.occurredAt(),
                event.actorRole(),
                event.assigneeOrgId() == null ? null : new Assignee(event.assigneeOrgId(), event.assigneeOrgKind()),
                null)));
        return this;
    }

    /** Dispatched: the new holder's acceptance clock starts (two hours). */
    TicketStory dispatched(Assignee to, Instant at) {
        assignee = to;
        acceptDueAt = at.plus(Duration.ofHours(2));
        return step("DISPATCHED", "DISPATCHED", at, null);
    }

    /** Dispatched by the routing rules at intake: the platform's own step (SYSTEM). */
    TicketStory autoRouted(Assignee to, Instant at) {
        assignee = to;
        return step("DISPATCHED", "DISPATCHED", "SYSTEM", at, null);
    }

    TicketStory accepted(Instant at) {
        return step("ACCEPTED", "ACCEPTED", at, null);
    }

    /** Given back to the town's dispatcher: no assignee until the next dispatch. */
    TicketStory returned(Instant at) {
        assignee = null;
        acceptDueAt = at.plus(Duration.ofHours(2));
        return step("RETURNED", "RETURNED", at, null);
    }

    TicketStory escalated(Assignee to, Instant at) {
        assignee = to;
        acceptDueAt = at.plus(Duration.ofHours(2));
        return step("ESCALATED", "ESCALATED", at, null);
    }

    /** The SLA sweeper's escalation: the holder missed its due time and the ticket moves a level up. */
    TicketStory escalatedOverdue(Assignee to, Instant at) {
        assignee = to;
        acceptDueAt = at.plus(Duration.ofHours(2));
        return step("ESCALATED", "ESCALATED", "SYSTEM", at, null);
    }

    TicketStory supervised(Instant at) {
        return step("SUPERVISED", status, at, null);
    }

    /** The SLA sweeper's flag on a ticket late in the town dispatcher's queue: the status stays, as for SUPERVISED. */
    TicketStory flaggedOverdue(Instant at) {
        return step("FLAGGED_OVERDUE", status, "SYSTEM", at, null);
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
        return step(eventType, toStatus, "GRID_WORKER", at, rating);
    }

    private TicketStory step(String eventType, String toStatus, String actorRole, Instant at, Integer rating) {
        events.add(row(events.size() + 1, eventType, status, toStatus, at, actorRole, assignee, rating));
        status = toStatus;
        return this;
    }

    private TicketEventRow row(
            long sequence,
            String eventType,
            String fromStatus,
            String toStatus,
            Instant at,
            String actorRole,
            Assignee holder,
            Integer rating) {
        return new TicketEventRow(
                ticketId + "-event-" + sequence,
                ticketId,
                sequence,
                eventType,
                fromStatus,
                toStatus,
                at,
                actorRole,
                null,
                place.gridId(),
                place.communityId(),
                place.townId(),
                place.category(),
                holder == null ? null : holder.orgId(),
                firstSchema ? null : "NORMAL",
                firstSchema ? null : acceptDueAt,
                firstSchema ? null : resolveDueAt,
                firstSchema ? null : rating,
                firstSchema || holder == null ? null : holder.kind());
    }
}
