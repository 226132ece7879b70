package io.gridsteward.analytics.testing;

import io.gridsteward.analytics.lake.LakeSchema;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of the lake's ticket_events table, as tests generate and read it back. */
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
        String assigneeOrgId) {

    /** Column name to value, in LakeSchema's order (timestamps as Instant). */
    public Map<String, Object> values() {
        Object[] values = {eventId, ticketId, sequence, eventType, fromStatus, toStatus, occurredAt, actorRole,
                actorOrgId, gridId, communityId, townId, category, assigneeOrgId};
        var names = LakeSchema.TICKET_EVENTS.columnNames();
        if (names.size() != values.length) {
            throw new IllegalStateException("TicketEventRow is out of step with LakeSchema: " + names + " vs " + Arrays.toString(values));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int index = 0; index < values.length; index++) {
            row.put(names.get(index), values[index]);
        }
        return row;
    }

    public String partitionValue() {
        return LakeSchema.partitionValue(occurredAt);
    }
}
