package io.gridsteward.store.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.InvalidCursorException;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.core.TableIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Tickets and their events in the single table. Every write stores the ticket's new state and its event in one
 * TransactWriteItems, so the trace can never disagree with the state; transitions are guarded by the version the
 * caller read (optimistic locking).
 */
public final class TicketStore {

    /** How long a client may retry with the same Idempotency-Key; the table's TTL removes the record later. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final String NONE = "None";
    private static final int MAXIMUM_WRITE_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;
    private final PageCursor cursors;

    public TicketStore(DynamoDbClient client, String tableName, Clock clock, PageCursor cursors) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
        this.clock = requireNonNull(clock, "clock");
        this.cursors = requireNonNull(cursors, "cursors");
    }

    /**
     * Stores a newly reported ticket with its REPORTED event and, when the client sent an Idempotency-Key, the
     * record of that key, all in one transaction. A retry with the same key and the same request answers with the
     * ticket the first request made and writes nothing.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for a different request
     */
    public WriteOutcome create(TicketChange reported, Optional<IdempotencyClaim> idempotency) {
        return create(List.of(reported), idempotency);
    }

    /**
     * Stores a new ticket reached through several steps at once (reported, then dispatched by auto-routing): the
     * last step's state and every step's event, in one transaction.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for a different request
     */
    public WriteOutcome create(List<TicketChange> intake, Optional<IdempotencyClaim> idempotency) {
        if (intake.isEmpty() || intake.getFirst().ticket().version() != 1) {
            throw new IllegalArgumentException("a new ticket starts at version 1");
        }
        for (int index = 1; index < intake.size(); index++) {
            if (intake.get(index).ticket().version() != index + 1
                    || !intake.get(index)
                            .ticket()
                            .id()
                            .equals(intake.getFirst().ticket().id())) {
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
        idempotency.ifPresent(claim -> writes.add(claimWrite(IdempotencyItems.report(claim, last.id(), now), now)));
        // Looked up first so that a plain retry costs a read rather than a cancelled transaction.
        Optional<TicketHistory> replayed = idempotency
                .flatMap(claim -> replay(claim, firstUse -> firstUse.isReport(claim)))
                .or(() -> commit(
                        writes, idempotency, claimIndex, IdempotencyItems.FirstUse::isReport, exception -> exception));
        return replayed.map(history -> new WriteOutcome(history, true))
                .orElseGet(() -> new WriteOutcome(new TicketHistory(last, events), false));
    }

    /**
     * Stores a ticket's next state and the event that led there, provided the stored ticket is still at
     * {@code expectedVersion}.
     *
     * @throws VersionConflictException when someone else changed the ticket first
     */
    public void transition(TicketChange change, long expectedVersion) {
        transition(change, expectedVersion, Optional.empty());
    }

    /**
     * Takes a step on the ticket as {@code current} shows it (the version guard is its version) and, when the client
     * sent an Idempotency-Key, records the key in the same transaction. When a request with the same key and step
     * committed first, answers with the ticket as it is now and writes nothing.
     *
     * @throws VersionConflictException when someone else changed the ticket first
     * @throws IdempotencyKeyReusedException when the key was used before for a different request, ticket or step
     */
    public WriteOutcome transition(TicketHistory current, TicketChange change, Optional<IdempotencyClaim> idempotency) {
        return transition(change, current.ticket().version(), idempotency)
                .map(earlier -> new WriteOutcome(earlier, true))
                .orElseGet(() -> new WriteOutcome(current.followedBy(change), false));
    }

    /**
     * The ticket as it is now when an earlier request of this caller with this key took this step on it; empty when
     * the key is unused (or its record expired). Read before the domain decides, since a retried step would be refused
     * by the state it left behind.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for a different request, ticket or step
     */
    public Optional<TicketHistory> replayStep(IdempotencyClaim claim, TicketId ticket, TicketEventType step) {
        return replay(claim, firstUse -> firstUse.isStep(claim, ticket, step));
    }

    /** The transition's transaction; the earlier request's ticket when a request with the same key committed first. */
    private Optional<TicketHistory> transition(
            TicketChange change, long expectedVersion, Optional<IdempotencyClaim> idempotency) {
        Ticket ticket = change.ticket();
        if (ticket.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a transition from version %d must produce version %d, not %d"
                    .formatted(expectedVersion, expectedVersion + 1, ticket.version()));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(
                TicketItems.item(ticket),
                "version = :expected",
                Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
        writes.add(put(TicketItems.item(change.event()), "attribute_not_exists(pk)", Map.of()));
        Instant now = clock.instant();
        int claimIndex = writes.size();
        idempotency.ifPresent(claim -> writes.add(claimWrite(IdempotencyItems.step(claim, change.event(), now), now)));
        // A request with the same key that moved the ticket on first fails the record's condition: its record decides.
        return commit(
                writes,
                idempotency,
                claimIndex,
                (firstUse, claim) ->
                        firstUse.isStep(claim, ticket.id(), change.event().type()),
                exception -> failedAnyCondition(exception) || conflicted(exception)
                        ? new VersionConflictException("ticket", ticket.id().value(), expectedVersion)
                        : exception);
    }

    /** The ticket and its events, read with one strongly consistent Query on the ticket's partition. */
    public Optional<TicketHistory> find(TicketId id) {
        Ticket ticket = null;
        List<TicketEvent> events = new ArrayList<>();
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TicketKeys.partition(id))))
                .consistentRead(true)
                .build();
        for (Map<String, AttributeValue> item : client.queryPaginator(request).items()) {
            String sort = item.get(Keys.SORT).s();
            if (sort.equals(Keys.TICKET_SORT)) {
                ticket = TicketItems.ticket(item);
            } else if (sort.startsWith(Keys.EVENT_SORT_PREFIX)) {
                events.add(TicketItems.event(item));
            }
        }
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
            } else {
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
        page.cursor()
                .ifPresent(cursor ->
                        request.exclusiveStartKey(cursors.decode(cursor, index, partition, TicketKeys.PREFIX)));
        QueryResponse response = client.query(request.build());
        Optional<String> next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Optional.of(cursors.encode(response.lastEvaluatedKey(), index, partition))
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
            QueryRequest request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(TableIndex.DUE.indexName())
                    .keyConditionExpression("#partition = :partition AND #sort < :now")
                    .expressionAttributeNames(Map.of(
                            "#partition", TableIndex.DUE.partitionAttribute(), "#sort", TableIndex.DUE.sortAttribute()))
                    .expressionAttributeValues(Map.of(
                            ":partition",
                            AttributeValue.fromS(Keys.dueOn(day)),
                            ":now",
                            AttributeValue.fromS(Attributes.format(now))))
                    .limit(limit - found.size())
                    .build();
            // The paginator reads the next page only when the stream asks for more than it has.
            client.queryPaginator(request).items().stream()
                    .limit(limit - found.size())
                    .map(TicketItems::ticket)
                    .forEach(found::add);
            day = day.plus(Duration.ofDays(1));
        }
        return found;
    }

    /**
     * Commits one transaction that may carry an Idempotency-Key's record (at {@code claimIndex}). When the record's
     * condition fails, a request with the same key committed first: its record comes back in the cancellation reason
     * (ReturnValuesOnConditionCheckFailure ALL_OLD), and that request's ticket is answered as a retry would get it when
     * {@code sameRequest} holds for it. While another transaction on the same items is still in flight, the write is
     * tried again. Empty when this transaction committed.
     */
    private Optional<TicketHistory> commit(
            List<TransactWriteItem> writes,
            Optional<IdempotencyClaim> idempotency,
            int claimIndex,
            BiPredicate<IdempotencyItems.FirstUse, IdempotencyClaim> sameRequest,
            Function<TransactionCanceledException, RuntimeException> refusal) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                return Optional.empty();
            } catch (TransactionCanceledException exception) {
                if (idempotency.isPresent()) {
                    IdempotencyClaim claim = idempotency.get();
                    Optional<TicketHistory> answer = winnersRecord(exception, claimIndex)
                            .flatMap(record -> replay(claim, record, firstUse -> sameRequest.test(firstUse, claim)));
                    if (answer.isPresent()) {
                        return answer;
                    }
                }
                if (idempotency.isEmpty() || attempt == MAXIMUM_WRITE_ATTEMPTS || !conflicted(exception)) {
                    throw refusal.apply(exception);
                }
            }
        }
    }

    /** The record a request with the same key wrote first, as the failed condition on this transaction's record returned it. */
    private static Optional<Map<String, AttributeValue>> winnersRecord(
            TransactionCanceledException exception, int claimIndex) {
        if (!failedCondition(exception, claimIndex)) {
            return Optional.empty();
        }
        CancellationReason reason = exception.cancellationReasons().get(claimIndex);
        return reason.hasItem() && !reason.item().isEmpty() ? Optional.of(reason.item()) : Optional.empty();
    }

    /**
     * The ticket the key's first use wrote, as it is now, when {@code sameRequest} holds for that use; empty when the
     * key is unused or its record expired.
     */
    private Optional<TicketHistory> replay(IdempotencyClaim claim, Predicate<IdempotencyItems.FirstUse> sameRequest) {
        GetItemResponse response = client.getItem(request ->
                request.tableName(tableName).key(IdempotencyItems.key(claim)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return replay(claim, response.item(), sameRequest);
    }

    private Optional<TicketHistory> replay(
            IdempotencyClaim claim,
            Map<String, AttributeValue> record,
            Predicate<IdempotencyItems.FirstUse> sameRequest) {
        Optional<IdempotencyItems.FirstUse> firstUse = IdempotencyItems.firstUse(record, clock.instant());
        if (firstUse.isEmpty()) {
            return Optional.empty();
        }
        if (!sameRequest.test(firstUse.get())) {
            throw new IdempotencyKeyReusedException(claim.key());
        }
        TicketId ticketId = firstUse.get().ticketId();
        return Optional.of(find(ticketId)
                .orElseThrow(() ->
                        new IllegalStateException("idempotency record points at missing ticket " + ticketId.value())));
    }

    /**
     * A key's record may replace one that expired but is not yet swept; when its condition fails, the cancellation
     * reason carries the record that is there.
     */
    private TransactWriteItem claimWrite(Map<String, AttributeValue> record, Instant now) {
        Put put = Put.builder()
                .tableName(tableName)
                .item(record)
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", epochSeconds(now)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        return TransactWriteItem.builder().put(put).build();
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
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

    private static boolean failedAnyCondition(TransactionCanceledException exception) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .anyMatch(CONDITIONAL_CHECK_FAILED::equals);
    }

    private static boolean conflicted(TransactionCanceledException exception) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .anyMatch(TRANSACTION_CONFLICT::equals);
    }

    private static String reasonCode(TransactionCanceledException exception, int index) {
        if (!exception.hasCancellationReasons()
                || exception.cancellationReasons().size() <= index) {
            return NONE;
        }
        String code = exception.cancellationReasons().get(index).code();
        return code == null ? NONE : code;
    }
}
