package io.gridsteward.store;

import io.gridsteward.domain.Ticket;
import io.gridsteward.domain.TicketChange;
import io.gridsteward.domain.TicketEvent;
import io.gridsteward.domain.TicketId;
import io.gridsteward.domain.VersionConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Tickets and their events in the single table. Every write stores the ticket's new state and its event in one
 * TransactWriteItems, so the trace can never disagree with the state; transitions are guarded by the version the
 * caller read (optimistic locking).
 */
public final class TicketStore {

    /** How long a client may retry with the same Idempotency-Key; the table's TTL removes the record later. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final String IDEMPOTENCY_ENTITY = "Idempotency";
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final String NONE = "None";
    private static final int MAXIMUM_CREATE_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    public TicketStore(DynamoDbClient client, String tableName, Clock clock) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Stores a newly reported ticket with its REPORTED event and, when the client sent an Idempotency-Key, the
     * record of that key, all in one transaction. A retry with the same key and the same request answers with the
     * ticket the first request made and writes nothing.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for a different request
     */
    public CreateOutcome create(TicketChange reported, Optional<IdempotencyClaim> idempotency) {
        if (reported.ticket().version() != 1) {
            throw new IllegalArgumentException("a new ticket starts at version 1");
        }
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(TicketItems.item(reported.ticket()), "attribute_not_exists(pk)", Map.of()));
        writes.add(put(TicketItems.item(reported.event()), "attribute_not_exists(pk)", Map.of()));
        idempotency.ifPresent(claim -> writes.add(put(idempotencyItem(claim, reported.ticket().id(), now),
                "attribute_not_exists(pk) OR expiresAt < :now", Map.of(":now", epochSeconds(now)))));
        for (int attempt = 1; ; attempt++) {
            if (idempotency.isPresent()) {
                Optional<CreateOutcome> earlier = replay(idempotency.get(), now);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                break;
            }
            catch (TransactionCanceledException exception) {
                // A concurrent request with the same key got there first: look again, and answer as its retry would be.
                boolean raced = idempotency.isPresent() && (failedCondition(exception, 2) || conflicted(exception));
                if (!raced || attempt == MAXIMUM_CREATE_ATTEMPTS) {
                    throw exception;
                }
            }
        }
        return new CreateOutcome(new TicketHistory(reported.ticket(), List.of(reported.event())), false);
    }

    /**
     * Stores a ticket's next state and the event that led there, provided the stored ticket is still at
     * {@code expectedVersion}.
     *
     * @throws VersionConflictException when someone else changed the ticket first
     */
    public void transition(TicketChange change, long expectedVersion) {
        Ticket ticket = change.ticket();
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a transition from version %d must produce version %d, not %d"
                    .formatted(expectedVersion, expectedVersion + 1, ticket.version()));
        }
        TransactWriteItem ticketWrite = put(TicketItems.item(ticket), "version = :expected",
                Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        TransactWriteItem eventWrite = put(TicketItems.item(change.event()), "attribute_not_exists(pk)", Map.of());
        try {
            client.transactWriteItems(request -> request.transactItems(ticketWrite, eventWrite));
        }
        catch (TransactionCanceledException exception) {
            if (failedCondition(exception, 0) || failedCondition(exception, 1) || conflicted(exception)) {
                throw new VersionConflictException(ticket.id(), expectedVersion);
            }
            throw exception;
        }
    }

    /** The ticket and its events, read with one strongly consistent Query on the ticket's partition. */
    public Optional<TicketHistory> find(TicketId id) {
        Ticket ticket = null;
        List<TicketEvent> events = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ticketPartition(id))))
                    .consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = client.query(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sort = item.get(Keys.SORT).s();
                if (sort.equals(Keys.TICKET_SORT)) {
                    ticket = TicketItems.ticket(item);
                }
                else if (sort.startsWith(Keys.EVENT_SORT_PREFIX)) {
                    events.add(TicketItems.event(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        }
        while (startKey != null);
        return ticket == null ? Optional.empty() : Optional.of(new TicketHistory(ticket, events));
    }

    private Optional<CreateOutcome> replay(IdempotencyClaim claim, Instant now) {
        GetItemResponse response = client.getItem(request -> request.tableName(tableName)
                .key(Keys.key(Keys.idempotencyPartition(claim.callerId(), claim.key()), Keys.IDEMPOTENCY_SORT))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Attributes record = Attributes.of(response.item());
        if (record.longNumber(TableDefinition.TIME_TO_LIVE_ATTRIBUTE) < now.getEpochSecond()) {
            // Expired but not yet swept by the TTL process: as good as absent.
            return Optional.empty();
        }
        if (!record.string("requestHash").equals(claim.requestHash())) {
            throw new IdempotencyKeyReusedException(claim.key());
        }
        TicketId ticketId = new TicketId(record.string("ticketId"));
        TicketHistory history = find(ticketId)
                .orElseThrow(() -> new IllegalStateException("idempotency record points at missing ticket " + ticketId.value()));
        return Optional.of(new CreateOutcome(history, true));
    }

    private Map<String, AttributeValue> idempotencyItem(IdempotencyClaim claim, TicketId ticketId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.builder(IDEMPOTENCY_ENTITY,
                        Keys.key(Keys.idempotencyPartition(claim.callerId(), claim.key()), Keys.IDEMPOTENCY_SORT))
                .string("callerId", claim.callerId())
                .string("idempotencyKey", claim.key())
                .string("requestHash", claim.requestHash())
                .string("ticketId", ticketId.value())
                .instant("createdAt", now)
                .build());
        item.put(TableDefinition.TIME_TO_LIVE_ATTRIBUTE, epochSeconds(now.plus(IDEMPOTENCY_WINDOW)));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tableName).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    private static boolean failedCondition(TransactionCanceledException exception, int index) {
        return CONDITIONAL_CHECK_FAILED.equals(reasonCode(exception, index));
    }

    private static boolean conflicted(TransactionCanceledException exception) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().stream().map(CancellationReason::code).anyMatch(TRANSACTION_CONFLICT::equals);
    }

    private static String reasonCode(TransactionCanceledException exception, int index) {
        if (!exception.hasCancellationReasons() || exception.cancellationReasons().size() <= index) {
            return NONE;
        }
        String code = exception.cancellationReasons().get(index).code();
        return code == null ? NONE : code;
    }
}
