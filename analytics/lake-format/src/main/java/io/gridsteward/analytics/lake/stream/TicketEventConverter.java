package io.gridsteward.analytics.lake.stream;

import io.gridsteward.analytics.lake.TicketEventRow;

/**
 * A {@code TicketEvent} item as a row of {@code ticket_events}. Events written before priorities, due times and
 * ratings were recorded have none, and those written before assignees' kinds were recorded have no
 * assigneeOrgKind: those stay empty.
 */
final class TicketEventConverter {

    private TicketEventConverter() {}

    static TicketEventRow row(EventImage image) {
        return new TicketEventRow(
                image.requiredString("eventId"),
                image.requiredString("ticketId"),
                image.requiredNumber("sequence"),
                image.requiredString("eventType"),
                image.optionalString("fromStatus"),
                image.requiredString("toStatus"),
                image.requiredInstant("occurredAt"),
                image.requiredString("actorRole"),
                image.optionalString("actorOrgId"),
                image.requiredString("gridId"),
                image.requiredString("communityId"),
                image.requiredString("townId"),
                image.requiredString("category"),
                image.optionalString("assigneeOrgId"),
                image.optionalString("priority"),
                image.optionalInstant("acceptDueAt"),
                image.optionalInstant("resolveDueAt"),
                image.optionalRating(),
                image.optionalString("assigneeOrgKind"));
    }
}
