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
        return create(List.of(reported), idempotency);
    }

    /**
     * Stores a new ticket reached through several steps at once (reported, then dispatched by auto-routing): the
     * last step's state and every step's event, in one transaction.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for a different request
     */
    public CreateOutcome create(List<TicketChange> intake, Optional<IdempotencyClaim> idempotency) {
        if (intake.isEmpty() || intake.getFirst().ticket().version() != 1) {
            throw new IllegalArgumentException("a new ticket starts at version 1");
        }
        for (int index = 1; index < intake.size(); index++) {
            if (intake.get(index).ticket().version() != index + 1 || !intake.get(index).ticket().id().equals(intake.getFirst().ticket().id())) {
                throw new IllegalArgumentException("the steps of an intake follow each other on one ticket");
            }
        }
        Ticket last = intake.getLast().ticket();
        List<TicketEvent> events = intake.stream().map(TicketChange::event).toList();
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(TicketItems.item(last), "attribute_not_exists(pk)", Map.of()));
        events.forEach(event -> writes.add(put(TicketItems.item(event), "attribute_not_exists(pk)", Map.of())));
        int claimIndex = writes.size();
        idempotency.ifPresent(claim -> writes.add(put(idempotencyItem(claim, last.id(), now),
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
                boolean raced = idempotency.isPresent() && (failedCondition(exception, claimIndex) || conflicted(exception));
                if (!raced || attempt == MAXIMUM_CREATE_ATTEMPTS) {
                    throw exception;
                }
            }
        }
        return new CreateOutcome(new TicketHistory(last, events), false);
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

    /**
     * One page of a list, read from its index with one Query (never a Scan). The filter's status narrows the
     * grid list by key; everything else is a filter expression.
     *
     * @throws InvalidCursorException when the page request's cursor was not handed out by this list
     */
    public TicketPage list(TicketList list, TicketFilter filter, PageRequest page) {
        TableIndex index = switch (list) {
            case TicketList.TownQueue ignored -> TableIndex.WORK;
            case TicketList.AssignedTo ignored -> TableIndex.WORK;
            case TicketList.ReportedBy ignored -> TableIndex.REPORTER;
            case TicketList.InGrid ignored -> TableIndex.GRID;
        };
        String partition = switch (list) {
            case TicketList.TownQueue queue -> Keys.townQueue(queue.town());
            case TicketList.AssignedTo assigned -> Keys.assignedTo(assigned.organisation());
            case TicketList.ReportedBy reporter -> Keys.reportedBy(reporter.reporterId());
            case TicketList.InGrid grid -> Keys.inGrid(grid.grid());
        };
        boolean newestFirst = list instanceof TicketList.ReportedBy || list instanceof TicketList.InGrid;
        Map<String, String> names = new HashMap<>(Map.of("#partition", index.partitionAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":partition", AttributeValue.fromS(partition)));
        String keyCondition = "#partition = :partition";
        List<String> filters = new ArrayList<>();
        if (filter.status().isPresent()) {
            if (list instanceof TicketList.InGrid) {
                keyCondition += " AND begins_with(#sort, :status)";
                names.put("#sort", index.sortAttribute());
                values.put(":status", AttributeValue.fromS(filter.status().get().name() + "#"));
            }
            else {
                filters.add("#status = :status");
                names.put("#status", "status");
                values.put(":status", AttributeValue.fromS(filter.status().get().name()));
            }
        }
        filter.category().ifPresent(category -> {
            filters.add("category = :category");
            values.put(":category", AttributeValue.fromS(category.code()));
        });
        filter.reportedFrom().ifPresent(from -> {
            filters.add("reportedAt >= :from");
            values.put(":from", AttributeValue.fromS(Attributes.format(from)));
        });
        filter.reportedBefore().ifPresent(before -> {
            filters.add("reportedAt < :before");
            values.put(":before", AttributeValue.fromS(Attributes.format(before)));
        });
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(index.indexName())
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!newestFirst)
                .limit(page.limit());
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters));
        }
        page.cursor().ifPresent(cursor -> request.exclusiveStartKey(PageCursor.decode(cursor, index, partition)));
        QueryResponse response = client.query(request.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursor.encode(response.lastEvaluatedKey()))
                : Optional.empty();
        return new TicketPage(response.items().stream().map(TicketItems::ticket).toList(), next);
    }

    /**
     * Tickets whose escalation fell due before {@code now}, earliest first, from the due index's day partitions of
     * the last {@code lookbackDays} days up to today (an index read is eventually consistent: the caller re-reads
     * each ticket before acting). At most {@code limit}.
     */
    public List<Ticket> overdue(Instant now, int lookbackDays, int limit) {
        List<Ticket> found = new ArrayList<>();
        Instant day = now.minus(Duration.ofDays(lookbackDays));
        while (!day.isAfter(now) && found.size() < limit) {
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(TableIndex.DUE.indexName())
                        .keyConditionExpression("#partition = :partition AND #sort < :now")
                        .expressionAttributeNames(Map.of("#partition", TableIndex.DUE.partitionAttribute(), "#sort", TableIndex.DUE.sortAttribute()))
                        .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(Keys.dueOn(day)),
                                ":now", AttributeValue.fromS(Attributes.format(now))))
                        .limit(limit - found.size());
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse response = client.query(request.build());
                response.items().stream().map(TicketItems::ticket).forEach(found::add);
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            }
            while (startKey != null && found.size() < limit);
            day = day.plus(Duration.ofDays(1));
        }
        return found;
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
