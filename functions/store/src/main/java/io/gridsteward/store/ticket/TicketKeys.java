package io.gridsteward.store.ticket;

import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.store.core.Keys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A ticket's partition: the ticket item and its events (the shapes of every key are listed in {@link Keys}). */
final class TicketKeys {

    /** How every ticket's table partition starts. */
    static final String PREFIX = "TICKET#";

    private TicketKeys() {}

    static String partition(TicketId id) {
        return PREFIX + id.value();
    }

    static Map<String, AttributeValue> ticket(TicketId id) {
        return Keys.key(partition(id), Keys.TICKET_SORT);
    }
}
