package io.gridsteward.store;

import io.gridsteward.domain.OrganisationId;
import io.gridsteward.domain.TicketId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Every key of the single table, built in one place (see the module README's access patterns). */
final class Keys {

    static final String PARTITION = "pk";
    static final String SORT = "sk";
    static final String TICKET_SORT = "TICKET";
    static final String EVENT_SORT_PREFIX = "EVENT#";
    static final String ORGANISATION_SORT = "ORG";
    static final String IDEMPOTENCY_SORT = "IDEMPOTENCY";

    private Keys() {
    }

    static String ticketPartition(TicketId id) {
        return "TICKET#" + id.value();
    }

    /** Six digits keep the events in order under the sort key's string comparison. */
    static String eventSort(long sequence) {
        return EVENT_SORT_PREFIX + "%06d".formatted(sequence);
    }

    static String organisationPartition(OrganisationId id) {
        return "ORG#" + id.value();
    }

    static String idempotencyPartition(String callerId, String key) {
        return "IDEMPOTENCY#" + callerId + "#" + key;
    }

    static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(PARTITION, AttributeValue.fromS(partition), SORT, AttributeValue.fromS(sort));
    }

    static Map<String, AttributeValue> ticket(TicketId id) {
        return key(ticketPartition(id), TICKET_SORT);
    }

    static Map<String, AttributeValue> organisation(OrganisationId id) {
        return key(organisationPartition(id), ORGANISATION_SORT);
    }
}
