package io.gridsteward.store;

import io.gridsteward.domain.GridId;
import io.gridsteward.domain.OrganisationId;
import io.gridsteward.domain.TicketId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Every key of the single table and its indexes, built in one place (see the module README's access patterns). */
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

    /** gsi1: the tickets a town's dispatcher has to act on. */
    static String townQueue(OrganisationId town) {
        return "QUEUE#" + town.value();
    }

    /** gsi1: the open tickets an organisation has to act on. */
    static String assignedTo(OrganisationId organisation) {
        return "ASSIGNEE#" + organisation.value();
    }

    /** gsi1: the organisations under a parent. */
    static String childrenOf(OrganisationId parent) {
        return "CHILDREN#" + parent.value();
    }

    /** gsi2: a reporter's tickets. */
    static String reportedBy(String reporterId) {
        return "REPORTER#" + reporterId;
    }

    /** gsi3: a grid's tickets, sorted by status. */
    static String inGrid(GridId grid) {
        return "GRID#" + grid.value();
    }

    /** gsi4: the tickets whose escalation falls due on a UTC day; the sweeper reads the days up to today. */
    static String dueOn(Instant due) {
        return "DUE#" + due.atOffset(ZoneOffset.UTC).toLocalDate();
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
