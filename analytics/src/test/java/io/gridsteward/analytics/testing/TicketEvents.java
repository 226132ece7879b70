package io.gridsteward.analytics.testing;

import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builds lake rows of a ticket's lifecycle, with the fields the metrics look at and plausible others. */
public final class TicketEvents {

    private static final Duration ACCEPT_WITHIN = Duration.ofHours(2);
    private static final Duration RESOLVE_WITHIN = Duration.ofDays(2);

    private TicketEvents() {}

    public static TicketEventRow reported(String ticketId, String gridId, Instant at) {
        return new TicketEventRow(
                UUID.randomUUID().toString(),
                ticketId,
                1,
                "REPORTED",
                null,
                "REPORTED",
                at,
                "RESIDENT",
                null,
                gridId,
                "community-1",
                "town-1",
                "ROAD_DAMAGE",
                null,
                "NORMAL",
                at.plus(ACCEPT_WITHIN),
                at.plus(RESOLVE_WITHIN),
                null,
                null);
    }

    public static TicketEventRow dispatched(String ticketId, String gridId, Instant at, long sequence) {
        return new TicketEventRow(
                UUID.randomUUID().toString(),
                ticketId,
                sequence,
                "DISPATCHED",
                "REPORTED",
                "DISPATCHED",
                at,
                "TOWN_DISPATCHER",
                "town-1",
                gridId,
                "community-1",
                "town-1",
                "ROAD_DAMAGE",
                "unit-7",
                "NORMAL",
                null,
                null,
                null,
                "DEPARTMENT");
    }

    /** Resolved by the assignee; {@code resolveDueAt} is the resolve-by time the ticket had then. */
    public static TicketEventRow resolved(
            String ticketId, String gridId, Instant at, long sequence, Instant resolveDueAt) {
        return new TicketEventRow(
                UUID.randomUUID().toString(),
                ticketId,
                sequence,
                "RESOLVED",
                "ACCEPTED",
                "RESOLVED",
                at,
                "DEPARTMENT_OFFICER",
                "unit-7",
                gridId,
                "community-1",
                "town-1",
                "ROAD_DAMAGE",
                "unit-7",
                "NORMAL",
                null,
                resolveDueAt,
                null,
                "DEPARTMENT");
    }

    /**
     * The SLA sweeper's flag on a ticket late in the town dispatcher's queue: the next event, by SYSTEM, with the status,
     * place, assignee and due times its event {@code before} left.
     */
    public static TicketEventRow flaggedOverdue(TicketEventRow before, Instant at) {
        return new TicketEventRow(
                UUID.randomUUID().toString(),
                before.ticketId(),
                before.sequence() + 1,
                "FLAGGED_OVERDUE",
                before.toStatus(),
                before.toStatus(),
                at,
                "SYSTEM",
                null,
                before.gridId(),
                before.communityId(),
                before.townId(),
                before.category(),
                before.assigneeOrgId(),
                before.priority(),
                before.acceptDueAt(),
                before.resolveDueAt(),
                null,
                before.assigneeOrgKind());
    }

    public static TicketEventRow accepted(String ticketId, String gridId, Instant at, long sequence) {
        return new TicketEventRow(
                UUID.randomUUID().toString(),
                ticketId,
                sequence,
                "ACCEPTED",
                "DISPATCHED",
                "ACCEPTED",
                at,
                "DEPARTMENT_OFFICER",
                "unit-7",
                gridId,
                "community-1",
                "town-1",
                "ROAD_DAMAGE",
                "unit-7",
                "NORMAL",
                null,
                null,
                null,
                "DEPARTMENT");
    }
}
