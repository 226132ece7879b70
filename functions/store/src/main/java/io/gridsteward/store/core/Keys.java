package io.gridsteward.store.core;

import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.OrganisationId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table and its indexes, built in one place (see the module README's access patterns).
 * The fund context builds its own in {@code store.fund.FundKeys}: {@code FUNDACCOUNT#}, {@code FUNDCLAIM#}, the sort key
 * {@code FUND_IDEMPOTENCY}, and on gsi1 {@code FUNDACCOUNTS#} and {@code FUNDCLAIMS#}.
 */
public final class Keys {

    public static final String PARTITION = "pk";
    public static final String SORT = "sk";
    public static final String TICKET_SORT = "TICKET";
    public static final String EVENT_SORT_PREFIX = "EVENT#";
    public static final String ORGANISATION_SORT = "ORG";
    public static final String IDEMPOTENCY_SORT = "IDEMPOTENCY";

    private Keys() {}

    /** Six digits keep the events in order under the sort key's string comparison. */
    public static String eventSort(long sequence) {
        return EVENT_SORT_PREFIX + "%06d".formatted(sequence);
    }

    public static String organisationPartition(OrganisationId id) {
        return "ORG#" + id.value();
    }

    public static String idempotencyPartition(String callerId, String key) {
        return "IDEMPOTENCY#" + callerId + "#" + key;
    }

    /** gsi1: the tickets a town's dispatcher has to act on. */
    public static String townQueue(OrganisationId town) {
        return "QUEUE#" + town.value();
    }

    /** gsi1: the open tickets an organisation has to act on. */
    public static String assignedTo(OrganisationId organisation) {
        return "ASSIGNEE#" + organisation.value();
    }

    /** gsi1: the organisations under a parent. */
    public static String childrenOf(OrganisationId parent) {
        return "CHILDREN#" + parent.value();
    }

    /** gsi2: a reporter's tickets. */
    public static String reportedBy(String reporterId) {
        return "REPORTER#" + reporterId;
    }

    /** gsi3: a grid's tickets, sorted by status. */
    public static String inGrid(GridId grid) {
        return "GRID#" + grid.value();
    }

    /** gsi4: the tickets whose escalation falls due on a UTC day; the sweeper reads the days up to today. */
    public static String dueOn(Instant due) {
        return "DUE#" + due.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public static Map<String, AttributeValue> key(String partition, String sort) {
        return Map.of(PARTITION, AttributeValue.fromS(partition), SORT, AttributeValue.fromS(sort));
    }

    public static Map<String, AttributeValue> organisation(OrganisationId id) {
        return key(organisationPartition(id), ORGANISATION_SORT);
    }
}
