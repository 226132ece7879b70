package io.gridsteward.store.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.DemandStatus;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.OfferStatus;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ProjectId;
import io.gridsteward.domain.resource.ResourceEvent;
import io.gridsteward.domain.resource.ResourceEventType;
import io.gridsteward.domain.resource.UnitCommunities;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Offers, demands, claims and projects in the single table. Every write stores the new state and its event in one
 * TransactWriteItems. A claim lowers its item's remaining quantity by a conditional update in the claim's own
 * transaction ({@code remaining >= :quantity}, never a read-then-write), so an item is never claimed beyond its
 * quantity however many claim at once; a declined claim gives the quantity back in the decline's transaction. Other
 * steps are guarded by the version the caller read, and an offer's or demand's step also by the remaining quantity it
 * read, so a whole-item Put never undoes a claim that slipped in between.
 */
public final class ResourceStore {

    /** How long a client may retry a claim with the same Idempotency-Key; the table's TTL removes the record later. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** Attempts while DynamoDB reports another transaction in flight on the same items (many claims on one offer). */
    private static final int MAXIMUM_WRITE_ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;
    private final PageCursor cursors;

    public ResourceStore(DynamoDbClient client, String tableName, Clock clock, PageCursor cursors) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
        this.clock = requireNonNull(clock, "clock");
        this.cursors = requireNonNull(cursors, "cursors");
    }

    public void publish(Change<Offer> published) {
        requireFirst(published.state().version());
        write(
                List.of(
                        put(ResourceItems.item(published.state()), "attribute_not_exists(pk)", Map.of()),
                        eventPut(published.event())),
                () -> new IllegalStateException(
                        "offer " + published.state().id().value() + " exists"));
    }

    public void raise(Change<Demand> raised) {
        requireFirst(raised.state().version());
        write(
                List.of(
                        put(ResourceItems.item(raised.state()), "attribute_not_exists(pk)", Map.of()),
                        eventPut(raised.event())),
                () -> new IllegalStateException("demand " + raised.state().id().value() + " exists"));
    }

    /**
     * Withdraws an offer as {@code current} shows it.
     *
     * @throws VersionConflictException when the offer changed or was claimed since it was read
     */
    public void transition(Offer current, Change<Offer> change) {
        requireNext(current.version(), change.state().version());
        write(
                List.of(
                        put(
                                ResourceItems.item(change.state()),
                                "version = :version AND remaining = :remaining",
                                Map.of(
                                        ":version",
                                        number(current.version()),
                                        ":remaining",
                                        number(current.remaining()))),
                        eventPut(change.event())),
                () -> new VersionConflictException("offer", current.id().value(), current.version()));
    }

    /**
     * Verifies, rejects or withdraws a demand as {@code current} shows it.
     *
     * @throws VersionConflictException when the demand changed or was claimed since it was read
     */
    public void transition(Demand current, Change<Demand> change) {
        requireNext(current.version(), change.state().version());
        write(
                List.of(
                        put(
                                ResourceItems.item(change.state()),
                                "version = :version AND remaining = :remaining",
                                Map.of(
                                        ":version",
                                        number(current.version()),
                                        ":remaining",
                                        number(current.remaining()))),
                        eventPut(change.event())),
                () -> new VersionConflictException("demand", current.id().value(), current.version()));
    }

    /**
     * Stores a claim, its CLAIMED event, the item's lower remaining quantity and, when the client sent an
     * Idempotency-Key, the key's record, in one transaction. The item's update is conditional on enough remaining, on
     * the item still being open and on {@code claimedAt} lying in its validity period. A retry with the same key and
     * request answers with the claim the first request made and writes nothing; of racing twins one writes and the
     * others answer as its retries.
     *
     * @throws IllegalTransitionException when the item has less left than the claim asks for, or is no longer open
     * @throws IdempotencyKeyReusedException when the key was used before for another request
     */
    public ClaimOutcome claim(Change<Claim> claimed, Optional<IdempotencyClaim> idempotency) {
        Claim claim = claimed.state();
        requireFirst(claim.version());
        Optional<Claim> earlier = idempotency.flatMap(
                key -> replayClaim(key, claim.item().type(), claim.item().itemId()));
        if (earlier.isPresent()) {
            return new ClaimOutcome(earlier.get(), true);
        }
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(takeFromItem(claim));
        writes.add(put(ResourceItems.item(claim), "attribute_not_exists(pk)", Map.of()));
        writes.add(eventPut(claimed.event()));
        idempotency.ifPresent(key -> writes.add(put(
                ResourceIdempotencyItems.item(key, claim, now),
                "attribute_not_exists(pk) OR expiresAt < :now",
                Map.of(":now", number(now.getEpochSecond())))));
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                return new ClaimOutcome(claim, false);
            } catch (TransactionCanceledException cancelled) {
                if (idempotency.isPresent() && failedAnyCondition(cancelled)) {
                    Optional<Claim> twin = replayClaim(
                            idempotency.get(), claim.item().type(), claim.item().itemId());
                    if (twin.isPresent()) {
                        return new ClaimOutcome(twin.get(), true);
                    }
                }
                if (failedCondition(cancelled, 0)) {
                    throw refusedClaim(claim);
                }
                if (!conflicted(cancelled) || attempt == MAXIMUM_WRITE_ATTEMPTS) {
                    throw cancelled;
                }
                pause(attempt);
            }
        }
    }

    /**
     * The claim an earlier request of this caller with this key made on this item; empty when the key is unused (or its
     * record expired).
     *
     * @throws IdempotencyKeyReusedException when the key was used before for another request or item
     */
    public Optional<Claim> replayClaim(IdempotencyClaim idempotency, ItemType itemType, String itemId) {
        GetItemResponse response = client.getItem(request -> request.tableName(tableName)
                .key(ResourceKeys.idempotency(idempotency))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Optional<ResourceIdempotencyItems.FirstUse> firstUse =
                ResourceIdempotencyItems.firstUse(response.item(), clock.instant());
        if (firstUse.isEmpty()) {
            return Optional.empty();
        }
        if (!firstUse.get().isSameRequest(idempotency, itemType, itemId)) {
            throw new IdempotencyKeyReusedException(idempotency.key());
        }
        ClaimId claimId = firstUse.get().claimId();
        return Optional.of(findClaim(claimId)
                .orElseThrow(() ->
                        new IllegalStateException("idempotency record points at missing claim " + claimId.value()))
                .state());
    }

    /**
     * Accepts a claim as {@code current} shows it and starts its project, in one transaction.
     *
     * @throws VersionConflictException when the claim was decided since it was read
     */
    public void accept(Claim current, Claim.Accepted accepted) {
        requireNext(current.version(), accepted.claim().state().version());
        requireFirst(accepted.project().state().version());
        write(
                List.of(
                        versioned(ResourceItems.item(accepted.claim().state()), current.version()),
                        eventPut(accepted.claim().event()),
                        put(ResourceItems.item(accepted.project().state()), "attribute_not_exists(pk)", Map.of()),
                        eventPut(accepted.project().event())),
                () -> new VersionConflictException("claim", current.id().value(), current.version()));
    }

    /**
     * Declines a claim as {@code current} shows it and gives its quantity back to the item, in one transaction.
     *
     * @throws VersionConflictException when the claim was decided since it was read
     */
    public void decline(Claim current, Change<Claim> declined) {
        requireNext(current.version(), declined.state().version());
        Map<String, AttributeValue> itemKey = ResourceKeys.state(itemPartition(current));
        TransactWriteItem giveBack = TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tableName)
                        .key(itemKey)
                        .updateExpression("SET remaining = remaining + :quantity")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":quantity", number(current.quantity())))
                        .build())
                .build();
        write(
                List.of(
                        versioned(ResourceItems.item(declined.state()), current.version()),
                        eventPut(declined.event()),
                        giveBack),
                () -> new VersionConflictException("claim", current.id().value(), current.version()));
    }

    /**
     * A project's step as {@code current} shows it.
     *
     * @throws VersionConflictException when the project changed since it was read
     */
    public void transition(Project current, Change<Project> change) {
        requireNext(current.version(), change.state().version());
        write(
                List.of(versioned(ResourceItems.item(change.state()), current.version()), eventPut(change.event())),
                () -> new VersionConflictException("project", current.id().value(), current.version()));
    }

    /** Replaces a unit's declared communities and keeps a record of the declaration, in one transaction. */
    public void declare(UnitCommunities declaration) {
        List<Map<String, AttributeValue>> items = ResourceItems.items(declaration);
        write(
                List.of(
                        put(
                                items.get(0),
                                "attribute_not_exists(pk) OR declaredAt < :at",
                                Map.of(":at", AttributeValue.fromS(Attributes.format(declaration.declaredAt())))),
                        put(items.get(1), "attribute_not_exists(pk)", Map.of())),
                () -> new VersionConflictException("unit", declaration.unit().value(), 0));
    }

    public Optional<UnitCommunities> unitCommunities(OrganisationId unit) {
        GetItemResponse response = client.getItem(request -> request.tableName(tableName)
                .key(ResourceKeys.state(ResourceKeys.unit(unit)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(ResourceItems.unitCommunities(response.item()))
                : Optional.empty();
    }

    public Optional<Traced<Offer>> findOffer(OfferId id) {
        return find(ResourceKeys.offer(id), ResourceItems::offer);
    }

    public Optional<Traced<Demand>> findDemand(DemandId id) {
        return find(ResourceKeys.demand(id), ResourceItems::demand);
    }

    public Optional<Traced<Claim>> findClaim(ClaimId id) {
        return find(ResourceKeys.claim(id), ResourceItems::claim);
    }

    public Optional<Traced<Project>> findProject(ProjectId id) {
        return find(ResourceKeys.project(id), ResourceItems::project);
    }

    /** The open offers in a town's pool, oldest publication first. */
    public ResourcePage<Offer> offerPool(OrganisationId town, PageRequest page) {
        return list(TableIndex.WORK, ResourceKeys.offerPool(town), Optional.empty(), true, page, ResourceItems::offer);
    }

    /** A provider's offers in every status, newest first. */
    public ResourcePage<Offer> offersBy(OrganisationId provider, PageRequest page) {
        return list(
                TableIndex.REPORTER,
                ResourceKeys.offersBy(provider),
                Optional.empty(),
                false,
                page,
                ResourceItems::offer);
    }

    /** The published demands of a town's communities, oldest publication first. */
    public ResourcePage<Demand> demandPool(OrganisationId town, PageRequest page) {
        return list(
                TableIndex.WORK, ResourceKeys.demandPool(town), Optional.empty(), true, page, ResourceItems::demand);
    }

    /** A community's demands, newest first, narrowed to one status when given. */
    public ResourcePage<Demand> demandsOf(OrganisationId community, Optional<DemandStatus> status, PageRequest page) {
        return list(
                TableIndex.GRID,
                ResourceKeys.demandsOf(community),
                status.map(value -> value.name() + "#"),
                false,
                page,
                ResourceItems::demand);
    }

    /** The claims waiting for an organisation's decision, oldest first. */
    public ResourcePage<Claim> awaitingDecision(OrganisationId decider, PageRequest page) {
        return list(
                TableIndex.WORK,
                ResourceKeys.awaitingDecision(decider),
                Optional.empty(),
                true,
                page,
                ResourceItems::claim);
    }

    /** A community's completed projects, its public list, newest first. */
    public ResourcePage<Project> publicProjects(OrganisationId community, PageRequest page) {
        return list(
                TableIndex.GRID,
                ResourceKeys.publicProjects(community),
                Optional.empty(),
                false,
                page,
                ResourceItems::project);
    }

    private TransactWriteItem takeFromItem(Claim claim) {
        String open = claim.item().type() == ItemType.OFFER ? OfferStatus.OPEN.name() : DemandStatus.PUBLISHED.name();
        String at = Attributes.format(claim.claimedAt());
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tableName)
                        .key(ResourceKeys.state(itemPartition(claim)))
                        .updateExpression("SET remaining = remaining - :quantity")
                        .conditionExpression(
                                "attribute_exists(pk) AND remaining >= :quantity AND #status = :open AND validFrom <= :at AND validUntil > :at")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":quantity",
                                number(claim.quantity()),
                                ":open",
                                AttributeValue.fromS(open),
                                ":at",
                                AttributeValue.fromS(at)))
                        .build())
                .build();
    }

    /** Why the item refused the claim, read back after the cancelled transaction (a 409 with the item as it is now). */
    private IllegalTransitionException refusedClaim(Claim claim) {
        String kind = claim.item().type().name().toLowerCase(Locale.ROOT);
        String attempted = "%s of %d".formatted(ResourceEventType.CLAIMED, claim.quantity());
        Optional<Map<String, AttributeValue>> item = Optional.ofNullable(
                        client.getItem(request -> request.tableName(tableName)
                                        .key(ResourceKeys.state(itemPartition(claim)))
                                        .consistentRead(true))
                                .item())
                .filter(found -> !found.isEmpty());
        String state = item.map(found -> "%s with %s remaining"
                        .formatted(
                                found.get("status").s(), found.get("remaining").n()))
                .orElse("gone");
        return new IllegalTransitionException(kind, claim.item().itemId(), state, attempted);
    }

    private static String itemPartition(Claim claim) {
        return switch (claim.item().type()) {
            case OFFER -> ResourceKeys.offer(new OfferId(claim.item().itemId()));
            case DEMAND -> ResourceKeys.demand(new DemandId(claim.item().itemId()));
        };
    }

    private <T> Optional<Traced<T>> find(String partition, Function<Map<String, AttributeValue>, T> reader) {
        T state = null;
        List<ResourceEvent> events = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                    .consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = client.query(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sort = item.get(Keys.SORT).s();
                if (sort.equals(ResourceKeys.STATE_SORT)) {
                    state = reader.apply(item);
                } else if (sort.startsWith(Keys.EVENT_SORT_PREFIX)) {
                    events.add(ResourceItems.event(item));
                }
            }
            startKey =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return state == null ? Optional.empty() : Optional.of(new Traced<>(state, events));
    }

    /**
     * One page of a list from its index with one Query (never a Scan).
     *
     * @throws InvalidCursorException when the cursor was not handed out by this list
     */
    private <T> ResourcePage<T> list(
            TableIndex index,
            String partition,
            Optional<String> sortPrefix,
            boolean oldestFirst,
            PageRequest page,
            Function<Map<String, AttributeValue>, T> reader) {
        Map<String, String> names = new HashMap<>(Map.of("#partition", index.partitionAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":partition", AttributeValue.fromS(partition)));
        String keyCondition = "#partition = :partition";
        if (sortPrefix.isPresent()) {
            keyCondition += " AND begins_with(#sort, :prefix)";
            names.put("#sort", index.sortAttribute());
            values.put(":prefix", AttributeValue.fromS(sortPrefix.get()));
        }
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(index.indexName())
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(oldestFirst)
                .limit(page.limit());
        page.cursor()
                .ifPresent(cursor ->
                        request.exclusiveStartKey(cursors.decode(cursor, index, partition, ResourceKeys.PREFIX)));
        QueryResponse response = client.query(request.build());
        Optional<String> next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Optional.of(cursors.encode(response.lastEvaluatedKey(), index, partition))
                        : Optional.empty();
        return new ResourcePage<>(response.items().stream().map(reader).toList(), next);
    }

    /** Commits one transaction; a failed condition is {@code refusal}'s, another transaction in flight is tried again. */
    private void write(List<TransactWriteItem> writes, Supplier<RuntimeException> refusal) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException cancelled) {
                if (failedAnyCondition(cancelled)) {
                    throw refusal.get();
                }
                if (!conflicted(cancelled) || attempt == MAXIMUM_WRITE_ATTEMPTS) {
                    throw cancelled;
                }
                pause(attempt);
            }
        }
    }

    private TransactWriteItem versioned(Map<String, AttributeValue> item, long expectedVersion) {
        return put(item, "version = :version", Map.of(":version", number(expectedVersion)));
    }

    private TransactWriteItem eventPut(ResourceEvent event) {
        return put(ResourceItems.item(event), "attribute_not_exists(pk)", Map.of());
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tableName).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void requireFirst(long version) {
        if (version != 1) {
            throw new IllegalArgumentException("a new thing starts at version 1, not " + version);
        }
    }

    private static void requireNext(long current, long next) {
        if (next != current + 1) {
            throw new IllegalArgumentException(
                    "a step from version %d must produce version %d, not %d".formatted(current, current + 1, next));
        }
    }

    /** A short, growing, jittered pause so that racing claims on one item spread out instead of colliding again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", interrupted);
        }
    }

    private static boolean failedCondition(TransactionCanceledException exception, int index) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().size() > index
                && CONDITIONAL_CHECK_FAILED.equals(
                        exception.cancellationReasons().get(index).code());
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
}
