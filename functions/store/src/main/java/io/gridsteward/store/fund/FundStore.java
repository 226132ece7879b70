package io.gridsteward.store.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountChange;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimChange;
import io.gridsteward.domain.fund.ClaimEvent;
import io.gridsteward.domain.fund.ClaimEventType;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.LedgerEntry;
import io.gridsteward.domain.fund.LedgerEntryType;
import io.gridsteward.domain.fund.Movement;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import io.gridsteward.store.core.TableIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Fund accounts, their ledgers, claims and claim events in the single table. Money never moves by read-then-write:
 * every movement is an update of the account's sums (fundedFen, reservedFen, paidFen, availableFen) conditional on
 * none of them going below zero, written in one TransactWriteItems with its ledger entry — and, for a claim, with the
 * claim's new state (guarded by its version), its event and the Idempotency-Key's record. So an account's sums always
 * equal its ledger, a budget is never overspent however many claims race, and racing steps on one claim have one winner.
 */
public final class FundStore {

    /** How long a client may retry with the same Idempotency-Key. */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** Transactions on one hot account conflict in DynamoDB while another is in flight; a conflicted one wrote nothing. */
    private static final int MAXIMUM_CONFLICT_ATTEMPTS = 25;

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;
    private final PageCursor cursors;

    public FundStore(DynamoDbClient client, String tableName, Clock clock, PageCursor cursors) {
        this.client = requireNonNull(client, "client");
        this.tableName = requireNonNull(tableName, "tableName");
        this.clock = requireNonNull(clock, "clock");
        this.cursors = requireNonNull(cursors, "cursors");
    }

    /** Stores a newly opened, empty account; when the holder already has it for the year, answers with the stored one. */
    public Account open(Account account) {
        if (!account.funded().equals(Money.ZERO)) {
            throw new IllegalArgumentException("an account opens empty; money comes by ledger entries");
        }
        try {
            client.putItem(request -> request.tableName(tableName)
                    .item(FundItems.item(account))
                    .conditionExpression("attribute_not_exists(pk)"));
            return account;
        } catch (ConditionalCheckFailedException exists) {
            return findAccount(account.id())
                    .orElseThrow(() -> new IllegalStateException(
                            "account %s vanished".formatted(account.id().value())));
        }
    }

    /**
     * Applies allocations, transfers and carry-overs: each account's movement as a conditional update, each ledger entry
     * put once, all in one transaction.
     *
     * @throws NotFoundException when an account does not exist
     * @throws io.gridsteward.domain.core.ValidationException naming {@code amountFen} when an account would be overdrawn
     */
    public void move(AccountChange change) {
        move(change, Optional.empty());
    }

    /**
     * As {@link #move(AccountChange)}, with the Idempotency-Key's record in the same transaction: when a request with
     * the same key moved this money first (a retry racing its original), writes nothing and answers {@code true}.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for another request
     */
    public boolean move(AccountChange change, Optional<IdempotencyClaim> idempotency) {
        Instant now = clock.instant();
        LedgerEntry first = change.entries().getFirst();
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Integer> accountIndexes = new ArrayList<>();
        for (LedgerEntry entry : change.entries()) {
            accountIndexes.add(writes.size());
            writes.add(movementOf(entry.account().id(), entry.movement()));
            writes.add(putNew(FundItems.item(entry)));
        }
        int keyIndex = writes.size();
        idempotency.ifPresent(claim -> writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tableName)
                        .item(FundIdempotencyItems.item(claim, first, now))
                        .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                        .expressionAttributeValues(
                                Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                        .build())
                .build()));
        try {
            commit(writes, exception -> {
                // A request with the same key may have committed first: its record decides, whatever else failed.
                if (idempotency.isPresent()
                        && failedAt(exception, keyIndex)
                        && replayMovement(idempotency.get(), first.account().id(), first.type())
                                .isPresent()) {
                    throw new MovementReplayed();
                }
                for (int index = 0; index < change.entries().size(); index++) {
                    if (failedAt(exception, accountIndexes.get(index))) {
                        LedgerEntry entry = change.entries().get(index);
                        throw refusalOf(entry.account().id(), entry.movement());
                    }
                }
            });
            return false;
        } catch (MovementReplayed earlierMovement) {
            return true;
        }
    }

    /**
     * The account as it is now when an earlier request of this caller with this key moved money from (or to) it with
     * {@code type}; empty when the key is unused or expired. Read before the domain decides: the money the first request
     * moved may leave too little for its retry.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for another request
     */
    public Optional<Account> replayMovement(IdempotencyClaim claim, AccountId account, LedgerEntryType type) {
        return firstUse(
                        claim,
                        use -> use instanceof FundIdempotencyItems.MovementUse movement
                                && movement.isMovement(claim, account, type))
                .map(use -> findAccount(account).orElseThrow(() -> new NotFoundException("account", account.value())));
    }

    /** Stores a delegated task's new account with its opening allocation. */
    public void delegate(AccountChange delegation) {
        Account account = delegation.accounts().getFirst();
        LedgerEntry entry = delegation.entries().getFirst();
        commit(List.of(putNew(FundItems.item(account)), putNew(FundItems.item(entry))), exception -> {
            throw new IllegalStateException("delegated task account %s exists already"
                    .formatted(account.id().value()));
        });
    }

    public Optional<Account> findAccount(AccountId id) {
        GetItemResponse response = client.getItem(request ->
                request.tableName(tableName).key(FundKeys.account(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(FundItems.account(response.item()))
                : Optional.empty();
    }

    /** The account and its whole ledger, read with one strongly consistent Query on its partition. */
    public Optional<AccountLedger> ledger(AccountId id) {
        Account account = null;
        List<LedgerEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(FundKeys.accountPartition(id))) {
            String sort = item.get(Keys.SORT).s();
            if (sort.equals(FundKeys.ACCOUNT_SORT)) {
                account = FundItems.account(item);
            } else if (sort.startsWith(FundKeys.LEDGER_SORT_PREFIX)) {
                entries.add(FundItems.entry(item));
            }
        }
        return account == null ? Optional.empty() : Optional.of(new AccountLedger(account, entries));
    }

    /** A holder's accounts, every year and kind. */
    public List<Account> accountsOf(OrganisationId holder) {
        List<Account> accounts = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(TableIndex.WORK.indexName())
                    .keyConditionExpression("#partition = :partition")
                    .expressionAttributeNames(Map.of("#partition", TableIndex.WORK.partitionAttribute()))
                    .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(FundKeys.accountsOf(holder))));
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = client.query(request.build());
            response.items().stream().map(FundItems::account).forEach(accounts::add);
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return accounts;
    }

    /**
     * Stores a submitted claim and its reservation: the claim, its SUBMITTED event, the account's conditional update
     * and the RESERVED entry, with the Idempotency-Key's record, in one transaction. A retry with the same key and body
     * answers with the first claim as it is now and writes nothing.
     *
     * @throws io.gridsteward.domain.core.ValidationException naming {@code amountFen} when the account cannot cover it
     * @throws IdempotencyKeyReusedException when the key was used before for another request
     */
    public ClaimOutcome submit(ClaimChange submitted, Optional<IdempotencyClaim> idempotency) {
        if (submitted.claim().version() != 1 || submitted.entry().isEmpty()) {
            throw new IllegalArgumentException("a submission starts a claim at version 1 with its reservation");
        }
        Optional<ClaimHistory> earlier = idempotency.flatMap(this::replaySubmission);
        if (earlier.isPresent()) {
            return new ClaimOutcome(earlier.get(), true);
        }
        return write(
                new ClaimHistory(submitted.claim(), List.of()),
                submitted,
                putNew(FundItems.item(submitted.claim())),
                idempotency,
                this::replaySubmission);
    }

    /**
     * Takes a step on the claim as {@code current} shows it (its version guards the write), with the movement of money
     * the step makes and the Idempotency-Key's record, in one transaction. When a request with the same key and step
     * committed first, answers with the claim as it is now and writes nothing.
     *
     * @throws VersionConflictException when someone else changed the claim first
     * @throws IdempotencyKeyReusedException when the key was used before for another request, claim or step
     */
    public ClaimOutcome step(ClaimHistory current, ClaimChange change, Optional<IdempotencyClaim> idempotency) {
        long expected = current.claim().version();
        if (change.claim().version() != expected + 1
                || !change.claim().id().equals(current.claim().id())) {
            throw new IllegalArgumentException(
                    "a step from version %d must produce version %d".formatted(expected, expected + 1));
        }
        Put guarded = Put.builder()
                .tableName(tableName)
                .item(FundItems.item(change.claim()))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expected))))
                .build();
        return write(
                current,
                change,
                TransactWriteItem.builder().put(guarded).build(),
                idempotency,
                claim -> replayStep(
                        claim, change.claim().id(), Set.of(change.event().type())));
    }

    /**
     * The claim as it is now when an earlier request of this caller with this key took one of {@code steps} on it; empty when
     * the key is unused or expired. Read before the domain decides, since a retried step would be refused by the state it left;
     *
     * the approval endpoint names both approvals, since the amount decides which one it took.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for another request, claim or step
     */
    public Optional<ClaimHistory> replayStep(IdempotencyClaim claim, ClaimId claimId, Set<ClaimEventType> steps) {
        return replay(claim, firstUse -> steps.stream().anyMatch(step -> firstUse.isStep(claim, claimId, step)));
    }

    /**
     * The claim as it is now when an earlier submission of this caller with this key made it; empty when the key is
     * unused or expired. Read before the domain decides: the reservation the first request made would refuse its retry.
     *
     * @throws IdempotencyKeyReusedException when the key was used before for another request
     */
    public Optional<ClaimHistory> replaySubmission(IdempotencyClaim claim) {
        return replay(claim, firstUse -> firstUse.isSubmission(claim));
    }

    /** The claim and its events, read with one strongly consistent Query on its partition. */
    public Optional<ClaimHistory> findClaim(ClaimId id) {
        Claim claim = null;
        List<ClaimEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(FundKeys.claimPartition(id))) {
            String sort = item.get(Keys.SORT).s();
            if (sort.equals(FundKeys.CLAIM_SORT)) {
                claim = FundItems.claim(item);
            } else if (sort.startsWith(Keys.EVENT_SORT_PREFIX)) {
                events.add(FundItems.event(item));
            }
        }
        return claim == null ? Optional.empty() : Optional.of(new ClaimHistory(claim, events));
    }

    /**
     * Claims still holding money whose expiry passed before {@code now}, earliest first, from the expiry index's day
     * partitions of the last {@code lookbackDays} days (never a Scan; eventually consistent: the expiry job re-reads each).
     */
    public List<Claim> claimsExpiredBy(Instant now, int lookbackDays, int limit) {
        List<Claim> found = new ArrayList<>();
        for (Instant day = now.minus(Duration.ofDays(lookbackDays));
                !day.isAfter(now) && found.size() < limit;
                day = day.plus(Duration.ofDays(1))) {
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder()
                        .tableName(tableName)
                        .indexName(TableIndex.DUE.indexName())
                        .keyConditionExpression("#partition = :partition AND #sort < :now")
                        .expressionAttributeNames(Map.of(
                                "#partition",
                                TableIndex.DUE.partitionAttribute(),
                                "#sort",
                                TableIndex.DUE.sortAttribute()))
                        .expressionAttributeValues(Map.of(
                                ":partition",
                                AttributeValue.fromS(FundKeys.claimsExpiringOn(day)),
                                ":now",
                                AttributeValue.fromS(Attributes.format(now))))
                        .limit(limit - found.size());
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse response = client.query(request.build());
                response.items().stream().map(FundItems::claim).forEach(found::add);
                startKey = response.hasLastEvaluatedKey()
                                && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey()
                        : null;
            } while (startKey != null && found.size() < limit);
        }
        return found;
    }

    /** One page of a community's published claims (公示), newest first, from gsi2 (never a Scan). */
    public ClaimPage publishedIn(OrganisationId community, PageRequest page) {
        String partition = FundKeys.publishedIn(community);
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TableIndex.REPORTER.indexName())
                .keyConditionExpression("#partition = :partition")
                .expressionAttributeNames(Map.of("#partition", TableIndex.REPORTER.partitionAttribute()))
                .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition)))
                .scanIndexForward(false)
                .limit(page.limit());
        page.cursor()
                .ifPresent(cursor -> request.exclusiveStartKey(
                        cursors.decode(cursor, TableIndex.REPORTER, partition, FundKeys.CLAIM_PREFIX)));
        QueryResponse response = client.query(request.build());
        Optional<String> next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Optional.of(cursors.encode(response.lastEvaluatedKey(), TableIndex.REPORTER, partition))
                        : Optional.empty();
        return new ClaimPage(response.items().stream().map(FundItems::claim).toList(), next);
    }

    /** One page of an account's claims, oldest first, from the work index (never a Scan). */
    public ClaimPage claimsOn(AccountId account, PageRequest page) {
        String partition = FundKeys.claimsOn(account);
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TableIndex.WORK.indexName())
                .keyConditionExpression("#partition = :partition")
                .expressionAttributeNames(Map.of("#partition", TableIndex.WORK.partitionAttribute()))
                .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition)))
                .limit(page.limit());
        page.cursor()
                .ifPresent(cursor -> request.exclusiveStartKey(
                        cursors.decode(cursor, TableIndex.WORK, partition, FundKeys.CLAIM_PREFIX)));
        QueryResponse response = client.query(request.build());
        Optional<String> next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? Optional.of(cursors.encode(response.lastEvaluatedKey(), TableIndex.WORK, partition))
                        : Optional.empty();
        return new ClaimPage(response.items().stream().map(FundItems::claim).toList(), next);
    }

    /** The claim's transaction: its item ({@code claimWrite}), event, movement, ledger entry and key record. */
    private ClaimOutcome write(
            ClaimHistory current,
            ClaimChange change,
            TransactWriteItem claimWrite,
            Optional<IdempotencyClaim> idempotency,
            Function<IdempotencyClaim, Optional<ClaimHistory>> earlier) {
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(claimWrite);
        writes.add(putNew(FundItems.item(change.event(), change.claim())));
        int accountIndex = writes.size();
        change.entry().ifPresent(entry -> {
            writes.add(movementOf(entry.account().id(), entry.movement()));
            writes.add(putNew(FundItems.item(entry)));
        });
        int keyIndex = writes.size();
        idempotency.ifPresent(claim -> writes.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tableName)
                        .item(FundIdempotencyItems.item(claim, change.event(), now))
                        .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                        .expressionAttributeValues(
                                Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                        .build())
                .build()));
        Optional<ClaimHistory> replayed = Optional.empty();
        try {
            commit(writes, exception -> {
                // A request with the same key may have committed first: its record decides, whatever else failed.
                if (idempotency.isPresent() && (failedAt(exception, keyIndex) || failedAt(exception, 0))) {
                    Optional<ClaimHistory> answer = earlier.apply(idempotency.get());
                    if (answer.isPresent()) {
                        throw new Replayed(answer.get());
                    }
                }
                // A lost version race first: the winner may have released the very money the loser's movement needs.
                if (failedAt(exception, 0)) {
                    throw new VersionConflictException(
                            Claim.KIND,
                            change.claim().id().value(),
                            current.claim().version());
                }
                if (change.entry().isPresent() && failedAt(exception, accountIndex)) {
                    throw refusalOf(
                            change.claim().accountId(), change.entry().get().movement());
                }
            });
        } catch (Replayed earlierAnswer) {
            replayed = Optional.of(earlierAnswer.history);
        }
        return replayed.map(history -> new ClaimOutcome(history, true))
                .orElseGet(() -> new ClaimOutcome(current.followedBy(change), false));
    }

    /**
     * Commits one transaction, again while it conflicts with another in flight (it wrote nothing then). When a condition
     * fails, {@code onFailedCondition} throws the refusal it means; whatever it leaves is an illegal state.
     */
    private void commit(List<TransactWriteItem> writes, Consumer<TransactionCanceledException> onFailedCondition) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException exception) {
                if (anyReason(exception, CONDITIONAL_CHECK_FAILED)) {
                    onFailedCondition.accept(exception);
                    throw new IllegalStateException(
                            "a fund write failed a condition nobody explains: " + exception.getMessage(), exception);
                }
                if (!anyReason(exception, TRANSACTION_CONFLICT) || attempt == MAXIMUM_CONFLICT_ATTEMPTS) {
                    throw exception;
                }
                pause(attempt);
            }
        }
    }

    /** The account's sums move by {@code movement}; none of available, reserved and paid may go below zero. */
    private TransactWriteItem movementOf(AccountId account, Movement movement) {
        Update update = Update.builder()
                .tableName(tableName)
                .key(FundKeys.account(account))
                .updateExpression(
                        "SET fundedFen = fundedFen + :funded, reservedFen = reservedFen + :reserved, paidFen = paidFen + :paid, "
                                + "availableFen = availableFen + :available")
                .conditionExpression(
                        "attribute_exists(pk) AND availableFen >= :needAvailable AND reservedFen >= :needReserved AND paidFen >= :needPaid")
                .expressionAttributeValues(Map.of(
                        ":funded", number(movement.funded().fen()),
                        ":reserved", number(movement.reserved().fen()),
                        ":paid", number(movement.paid().fen()),
                        ":available", number(movement.availableChange().fen()),
                        ":needAvailable",
                                number(Math.max(0, -movement.availableChange().fen())),
                        ":needReserved", number(Math.max(0, -movement.reserved().fen())),
                        ":needPaid", number(Math.max(0, -movement.paid().fen()))))
                .build();
        return TransactWriteItem.builder().update(update).build();
    }

    /** Why an account refused a movement, read after the fact: missing, or not enough available. */
    private RuntimeException refusalOf(AccountId id, Movement movement) {
        Account account = findAccount(id).orElseThrow(() -> new NotFoundException("account", id.value()));
        if (movement.availableChange().isNegative()) {
            return account.insufficient("amountFen", movement.availableChange().negated());
        }
        return new IllegalStateException("account %s cannot release or refund %s".formatted(id.value(), movement));
    }

    private Optional<ClaimHistory> replay(
            IdempotencyClaim claim, Predicate<FundIdempotencyItems.ClaimUse> sameRequest) {
        return firstUse(
                        claim,
                        use -> use instanceof FundIdempotencyItems.ClaimUse claimUse && sameRequest.test(claimUse))
                .map(use -> ((FundIdempotencyItems.ClaimUse) use).claimId())
                .map(claimId -> findClaim(claimId)
                        .orElseThrow(() -> new IllegalStateException(
                                "idempotency record points at missing claim " + claimId.value())));
    }

    /** The key's unexpired first use when it was {@code sameRequest}; empty when unused or expired. */
    private Optional<FundIdempotencyItems.FirstUse> firstUse(
            IdempotencyClaim claim, Predicate<FundIdempotencyItems.FirstUse> sameRequest) {
        GetItemResponse response = client.getItem(request ->
                request.tableName(tableName).key(FundKeys.idempotency(claim)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Optional<FundIdempotencyItems.FirstUse> firstUse =
                FundIdempotencyItems.firstUse(response.item(), clock.instant());
        if (firstUse.isPresent() && !sameRequest.test(firstUse.get())) {
            throw new IdempotencyKeyReusedException(claim.key());
        }
        return firstUse;
    }

    private List<Map<String, AttributeValue>> partition(String partitionKey) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))
                    .consistentRead(true);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = client.query(request.build());
            items.addAll(page.items());
            startKey =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tableName)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static boolean failedAt(TransactionCanceledException exception, int index) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().size() > index
                && CONDITIONAL_CHECK_FAILED.equals(
                        exception.cancellationReasons().get(index).code());
    }

    private static boolean anyReason(TransactionCanceledException exception, String code) {
        return exception.hasCancellationReasons()
                && exception.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .anyMatch(code::equals);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + Math.min(200, 5L << Math.min(attempt, 6))));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a fund write", interrupted);
        }
    }

    /** Carries an earlier request's answer out of the failure handler. */
    private static final class Replayed extends RuntimeException {

        private final transient ClaimHistory history;

        Replayed(ClaimHistory history) {
            super(null, null, false, false);
            this.history = history;
        }
    }

    /** Tells {@link #move(AccountChange, Optional)} that a request with the same key moved the money first. */
    private static final class MovementReplayed extends RuntimeException {

        MovementReplayed() {
            super(null, null, false, false);
        }
    }
}
