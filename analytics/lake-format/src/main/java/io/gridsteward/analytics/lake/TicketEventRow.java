package io.gridsteward.analytics.lake;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One row of the lake's {@code ticket_events} table: its components are LakeSchema's columns, in order
 * (camelCase of the snake_case names; {@code LakeSchemaTest} holds the two together).
 */
public record TicketEventRow(
        String eventId,
        String ticketId,
        long sequence,
        String eventType,
        String fromStatus,
        String toStatus,
        Instant occurredAt,
        String actorRole,
        String actorOrgId,
        String gridId,
        String communityId,
        String townId,
        String category,
        String assigneeOrgId,
        String priority,
        Instant acceptDueAt,
        Instant resolveDueAt,
        Integer rating,
        String assigneeOrgKind)
        implements LakeRow {

    public TicketEventRow {
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1 to 5, not " + rating);
        }
    }

    @Override
    public LakeTable table() {
        return LakeSchema.TICKET_EVENTS;
    }

    /** The column values in LakeSchema order; nulls where a nullable column is empty. */
    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(
                eventId,
                ticketId,
                sequence,
                eventType,
                fromStatus,
                toStatus,
                occurredAt,
                actorRole,
                actorOrgId,
                gridId,
                communityId,
                townId,
                category,
                assigneeOrgId,
                priority,
                acceptDueAt,
                resolveDueAt,
                rating,
                assigneeOrgKind));
    }

    @Override
    public String partitionValue() {
        return LakeSchema.partitionValue(occurredAt);
    }
}
