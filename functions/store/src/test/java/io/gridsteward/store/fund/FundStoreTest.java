package io.gridsteward.store.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimChange;
import io.gridsteward.domain.fund.ClaimEvent;
import io.gridsteward.domain.fund.ClaimEventType;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.ClaimRequest;
import io.gridsteward.domain.fund.ClaimStatus;
import io.gridsteward.domain.fund.DelegatedTask;
import io.gridsteward.domain.fund.DelegatedTaskId;
import io.gridsteward.domain.fund.FiscalYear;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.domain.fund.Ledger;
import io.gridsteward.domain.fund.LedgerEntry;
import io.gridsteward.domain.fund.LedgerEntryType;
import io.gridsteward.domain.fund.Movement;
import io.gridsteward.domain.fund.Purpose;
import io.gridsteward.domain.fund.ReceiptKey;
import io.gridsteward.domain.fund.ServedWork;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.InvalidCursorException;
import io.gridsteward.store.core.LocalTable;
import io.gridsteward.store.core.MutableClock;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FundStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00.123Z");
    private static final FiscalYear YEAR = new FiscalYear(2026);
    private static final FundRules RULES = FundRules.bundled();
    private static final OrganisationId COUNTY = new OrganisationId("county");
    private static final OrganisationId TOWN = new OrganisationId("town-east");
    private static final Organisation COMMUNITY =
            Organisation.community(new OrganisationId("community-river"), "River", TOWN);
    private static final Caller COUNTY_LEADER = Caller.staff("user-county-leader", Role.COUNTY_LEADER, COUNTY);
    private static final Caller SUPERVISOR = Caller.staff("user-supervisor", Role.TOWN_SUPERVISOR, TOWN);
    private static final Caller OFFICER =
            Caller.staff("user-officer", Role.DEPARTMENT_OFFICER, new OrganisationId("dept-civil-affairs"));
    private static final Money CLAIM = Money.ofFen(12_345);

    private static LocalTable table;
    private static MutableClock clock;
    private static FundStore store;
    private static final AtomicInteger numbers = new AtomicInteger();

    @BeforeAll
    static void startTable() {
        table = LocalTable.start();
        clock = new MutableClock(NOW);
        store = new FundStore(table.client(), LocalTable.NAME, clock, new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        table.close();
    }

    @Test
    void anOpenedAccountAndItsAllocationsReadBackAsWritten() {
        Organisation grid = newGrid();
        Account opened = store.open(Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, grid, SUPERVISOR));
        store.move(Ledger.allocate(
                opened,
                Money.ofFen(300_000),
                "allocation-" + numbers.incrementAndGet(),
                SUPERVISOR,
                NOW,
                Optional.of("first half")));
        store.move(Ledger.allocate(
                opened,
                Money.ofFen(200_000),
                "allocation-" + numbers.incrementAndGet(),
                COUNTY_LEADER,
                NOW,
                Optional.empty()));

        AccountLedger ledger = store.ledger(opened.id()).orElseThrow();

        assertThat(ledger.account().funded()).isEqualTo(Money.ofFen(500_000));
        assertThat(ledger.account().available()).isEqualTo(Money.ofFen(500_000));
        assertThat(ledger.entries())
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.ALLOCATED, LedgerEntryType.ALLOCATED);
        assertThat(ledger.entries().getFirst().reason()).contains("first half");
        assertThat(ledger.entries().getFirst().account().grid()).contains(grid.id());
        assertThat(store.open(Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, grid, SUPERVISOR)))
                .isEqualTo(ledger.account());
        assertThat(store.accountsOf(grid.id())).containsExactly(ledger.account());
        assertAccountEqualsItsLedger(opened.id());
    }

    @Test
    void aTransferOverWhatIsAvailableChangesNothing() {
        Account town = funded(
                store.open(Account.open(
                        FundKind.TOWN_PARTY_BUILDING, YEAR, Organisation.town(TOWN, "East", COUNTY), COUNTY_LEADER)),
                Money.ofFen(1_000));
        Account grid = store.open(Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, newGrid(), SUPERVISOR));
        Account stale = town.after(Movement.fund(Money.ofFen(5_000)), "amountFen");

        assertThatThrownBy(() -> store.move(Ledger.transfer(
                        stale,
                        grid,
                        Money.ofFen(1_001),
                        "transfer-" + numbers.incrementAndGet(),
                        SUPERVISOR,
                        NOW,
                        Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, refused -> {
                    assertThat(refused.errors().getFirst().field()).isEqualTo("amountFen");
                    assertThat(refused.getMessage()).contains("¥10.00 available");
                });

        assertThat(store.ledger(town.id()).orElseThrow().entries()).hasSize(1);
        assertThat(store.ledger(grid.id()).orElseThrow().entries()).isEmpty();
        store.move(Ledger.transfer(
                town,
                grid,
                Money.ofFen(1_000),
                "transfer-" + numbers.incrementAndGet(),
                SUPERVISOR,
                NOW,
                Optional.empty()));
        assertThat(store.findAccount(grid.id()).orElseThrow().available()).isEqualTo(Money.ofFen(1_000));
        assertThat(store.findAccount(town.id()).orElseThrow().available()).isEqualTo(Money.ZERO);
        assertAccountEqualsItsLedger(town.id());
        assertAccountEqualsItsLedger(grid.id());
    }

    @Test
    void aDelegatedTaskOpensItsAccountWithItsFunding() {
        DelegatedTaskId id = new DelegatedTaskId("task-" + numbers.incrementAndGet());
        store.delegate(DelegatedTask.delegate(
                id, "elderly-care-visits", YEAR, COMMUNITY, Money.ofFen(5_000_000), OFFICER, NOW, RULES));

        Account account = store.findAccount(AccountId.ofTask(YEAR, id)).orElseThrow();

        assertThat(account.delegatedTask().orElseThrow().taskCode()).isEqualTo("elderly-care-visits");
        assertThat(account.delegatedTask().orElseThrow().department())
                .isEqualTo(OFFICER.organisationId().orElseThrow());
        assertThat(account.available()).isEqualTo(Money.ofFen(5_000_000));
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void aHundredConcurrentClaimsOnAnAccountThatCoversThirtySevenReserveExactlyThirtySeven() throws Exception {
        Account account = communityAccount(CLAIM.fen() * 37 + CLAIM.fen() - 1);
        List<Callable<Optional<ClaimChange>>> attempts = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            ClaimId id = new ClaimId("race-" + numbers.incrementAndGet());
            attempts.add(() -> {
                Account read = store.findAccount(account.id()).orElseThrow();
                try {
                    ClaimChange submitted = Claim.submit(id, read, request(CLAIM), secretaryOf(account), NOW, RULES);
                    store.submit(submitted, Optional.empty());
                    return Optional.of(submitted);
                } catch (ValidationException refused) {
                    assertThat(refused.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("amountFen");
                        assertThat(error.message()).contains("available, less than ¥123.45");
                    });
                    return Optional.empty();
                }
            });
        }

        List<ClaimChange> reserved =
                race(attempts).stream().flatMap(Optional::stream).toList();

        assertThat(reserved).hasSize(37);
        Account after = store.findAccount(account.id()).orElseThrow();
        assertThat(after.reserved()).isEqualTo(Money.ofFen(CLAIM.fen() * 37));
        assertThat(after.available()).isEqualTo(Money.ofFen(CLAIM.fen() - 1));
        assertThat(store.ledger(account.id()).orElseThrow().entries())
                .filteredOn(entry -> entry.type() == LedgerEntryType.RESERVED)
                .hasSize(37);
        assertThat(store.claimsOn(account.id(), new PageRequest(100, Optional.empty()))
                        .claims())
                .hasSize(37);
        ClaimPage firstPage = store.claimsOn(account.id(), new PageRequest(30, Optional.empty()));
        assertThat(store.claimsOn(account.id(), new PageRequest(30, firstPage.nextCursor()))
                        .claims())
                .as("the second page of a paged list")
                .hasSize(7);
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void anAccountsClaimsPageWithSignedCursorsThatServeNoOtherAccount() {
        Account account = communityAccount(CLAIM.fen() * 5);
        Account other = communityAccount(CLAIM.fen() * 5);
        List<ClaimId> submitted = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            ClaimId id = new ClaimId("paged-" + numbers.incrementAndGet());
            store.submit(
                    Claim.submit(
                            id,
                            store.findAccount(account.id()).orElseThrow(),
                            request(CLAIM),
                            secretaryOf(account),
                            NOW,
                            RULES),
                    Optional.empty());
            submitted.add(id);
        }

        List<ClaimId> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ClaimPage page = store.claimsOn(account.id(), new PageRequest(2, cursor));
            page.claims().forEach(claim -> listed.add(claim.id()));
            cursor = page.nextCursor();
            if (cursor.isPresent()) {
                String handedOut = cursor.get();
                assertThatThrownBy(() -> store.claimsOn(other.id(), new PageRequest(2, Optional.of(handedOut))))
                        .isInstanceOf(InvalidCursorException.class);
            }
        } while (cursor.isPresent());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(submitted);
    }

    @Test
    void aHundredConcurrentApprovalsAndRejectionsOnOneClaimHaveOneOutcome() throws Exception {
        Account account = communityAccount(1_000_000);
        ClaimHistory reviewed = reviewedClaim(account, Money.ofFen(100_000));
        List<Callable<Optional<ClaimChange>>> attempts = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            int number = index;
            attempts.add(() -> {
                ClaimHistory read = store.findClaim(reviewed.claim().id()).orElseThrow();
                try {
                    ClaimChange change = number % 2 == 0
                            ? read.claim()
                                    .approve(
                                            Money.ofFen(50_000 + number),
                                            Optional.empty(),
                                            SUPERVISOR,
                                            NOW.plusSeconds(number),
                                            RULES)
                            : read.claim().reject("refused " + number, SUPERVISOR, NOW.plusSeconds(number));
                    store.step(read, change, Optional.empty());
                    return Optional.of(change);
                } catch (VersionConflictException | IllegalTransitionException lost) {
                    return Optional.empty();
                }
            });
        }

        List<ClaimChange> winners =
                race(attempts).stream().flatMap(Optional::stream).toList();

        assertThat(winners).hasSize(1);
        ClaimHistory found = store.findClaim(reviewed.claim().id()).orElseThrow();
        assertThat(found.claim()).isEqualTo(winners.getFirst().claim());
        assertThat(found.events()).extracting(ClaimEvent::sequence).containsExactly(1L, 2L, 3L);
        Account after = store.findAccount(account.id()).orElseThrow();
        assertThat(after.reserved()).isEqualTo(found.claim().reservedAmount());
        assertThat(after.available())
                .isEqualTo(Money.ofFen(1_000_000).minus(found.claim().reservedAmount()));
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void aRetriedSubmissionWithOneKeyMakesOneClaimEvenWhenTheRetriesRace() throws Exception {
        Account account = communityAccount(1_000_000);
        IdempotencyClaim key = new IdempotencyClaim(
                secretaryOf(account).userId(), "submission-" + numbers.incrementAndGet(), "hash-a");
        List<Callable<ClaimOutcome>> attempts = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            ClaimId id = new ClaimId("retry-" + numbers.incrementAndGet());
            attempts.add(() -> store.submit(
                    Claim.submit(
                            id,
                            store.findAccount(account.id()).orElseThrow(),
                            request(CLAIM),
                            secretaryOf(account),
                            NOW,
                            RULES),
                    Optional.of(key)));
        }

        List<ClaimOutcome> outcomes = race(attempts);

        assertThat(outcomes)
                .extracting(outcome -> outcome.history().claim().id())
                .containsOnly(outcomes.getFirst().history().claim().id());
        assertThat(outcomes).filteredOn(outcome -> !outcome.replayed()).hasSize(1);
        assertThat(store.findAccount(account.id()).orElseThrow().reserved()).isEqualTo(CLAIM);
        assertThat(store.claimsOn(account.id(), new PageRequest(50, Optional.empty()))
                        .claims())
                .hasSize(1);
        IdempotencyClaim otherBody = new IdempotencyClaim(key.callerId(), key.key(), "hash-b");
        assertThatThrownBy(() -> store.submit(
                        Claim.submit(new ClaimId("other"), account, request(CLAIM), secretaryOf(account), NOW, RULES),
                        Optional.of(otherBody)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void aRetriedStepWithOneKeyAnswersTheClaimAsItIsNow() {
        Account account = communityAccount(1_000_000);
        ClaimHistory reviewed = reviewedClaim(account, CLAIM);
        IdempotencyClaim key =
                new IdempotencyClaim(SUPERVISOR.userId(), "approve-" + numbers.incrementAndGet(), "hash-a");

        ClaimOutcome first = store.step(
                reviewed, reviewed.claim().approve(CLAIM, Optional.empty(), SUPERVISOR, NOW, RULES), Optional.of(key));
        ClaimHistory approved = store.findClaim(reviewed.claim().id()).orElseThrow();
        store.step(approved, approved.claim().pay(Optional.empty(), SUPERVISOR, NOW), Optional.empty());
        Optional<ClaimHistory> replayed = store.replayStep(
                key, reviewed.claim().id(), Set.of(ClaimEventType.APPROVED, ClaimEventType.TOWN_APPROVED));
        ClaimOutcome racedRetry = store.step(
                reviewed, reviewed.claim().approve(CLAIM, Optional.empty(), SUPERVISOR, NOW, RULES), Optional.of(key));

        assertThat(first.replayed()).isFalse();
        assertThat(replayed.orElseThrow().claim().status()).isEqualTo(ClaimStatus.PAID);
        assertThat(racedRetry.replayed()).isTrue();
        assertThat(racedRetry.history().claim().status()).isEqualTo(ClaimStatus.PAID);
        assertThatThrownBy(() -> store.replayStep(key, reviewed.claim().id(), Set.of(ClaimEventType.REJECTED)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void aReversalRestoresTheBalance() {
        Account account = communityAccount(1_000_000);
        ClaimHistory reviewed = reviewedClaim(account, Money.ofFen(400_000));
        ClaimHistory approved = store.step(
                        reviewed,
                        reviewed.claim().approve(Money.ofFen(300_000), Optional.empty(), SUPERVISOR, NOW, RULES),
                        Optional.empty())
                .history();
        ClaimHistory paid = store.step(
                        approved, approved.claim().pay(Optional.empty(), SUPERVISOR, NOW), Optional.empty())
                .history();
        ClaimHistory published = store.step(paid, paid.claim().publish(secretaryOf(account), NOW), Optional.empty())
                .history();
        Account afterPayment = store.findAccount(account.id()).orElseThrow();
        assertThat(afterPayment.paid()).isEqualTo(Money.ofFen(300_000));
        assertThat(afterPayment.balance()).isEqualTo(Money.ofFen(700_000));

        store.step(
                published,
                published.claim().reverse(Money.ofFen(300_000), "the activity was cancelled", SUPERVISOR, NOW),
                Optional.empty());

        Account restored = store.findAccount(account.id()).orElseThrow();
        assertThat(restored.balance()).isEqualTo(Money.ofFen(1_000_000));
        assertThat(restored.available()).isEqualTo(Money.ofFen(1_000_000));
        assertThat(restored.paid()).isEqualTo(Money.ZERO);
        assertThat(store.findClaim(reviewed.claim().id()).orElseThrow().events())
                .extracting(ClaimEvent::type)
                .containsExactly(
                        ClaimEventType.SUBMITTED,
                        ClaimEventType.REVIEWED,
                        ClaimEventType.APPROVED,
                        ClaimEventType.PAID,
                        ClaimEventType.PUBLISHED,
                        ClaimEventType.REVERSED);
        assertThat(store.ledger(account.id()).orElseThrow().entries())
                .extracting(LedgerEntry::type)
                .containsExactly(
                        LedgerEntryType.ALLOCATED,
                        LedgerEntryType.RESERVED,
                        LedgerEntryType.RELEASED,
                        LedgerEntryType.SETTLED,
                        LedgerEntryType.REFUNDED);
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void aRetriedAllocationWithOneKeyMovesTheMoneyOnceEvenWhenTheRetriesRace() throws Exception {
        Account account = communityAccount(1_000);
        IdempotencyClaim key =
                new IdempotencyClaim(COUNTY_LEADER.userId(), "allocation-" + numbers.incrementAndGet(), "hash-a");
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            // Each retry reaches the store with an entry id of its own, as the API gives every request one.
            String entryId = "allocation-retry-" + numbers.incrementAndGet();
            attempts.add(() -> store.move(
                    Ledger.allocate(account, Money.ofFen(500_000), entryId, COUNTY_LEADER, NOW, Optional.empty()),
                    Optional.of(key)));
        }

        List<Boolean> replayed = race(attempts);

        assertThat(replayed).filteredOn(earlier -> !earlier).hasSize(1);
        assertThat(replayed).filteredOn(earlier -> earlier).hasSize(19);
        assertThat(store.findAccount(account.id()).orElseThrow().funded()).isEqualTo(Money.ofFen(501_000));
        assertThat(store.ledger(account.id()).orElseThrow().entries())
                .filteredOn(entry -> entry.type() == LedgerEntryType.ALLOCATED)
                .hasSize(2);
        assertThat(store.replayMovement(key, account.id(), LedgerEntryType.ALLOCATED)
                        .orElseThrow()
                        .funded())
                .isEqualTo(Money.ofFen(501_000));
        IdempotencyClaim otherBody = new IdempotencyClaim(key.callerId(), key.key(), "hash-b");
        assertThatThrownBy(() -> store.replayMovement(otherBody, account.id(), LedgerEntryType.ALLOCATED))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> store.replaySubmission(key)).isInstanceOf(IdempotencyKeyReusedException.class);
        assertAccountEqualsItsLedger(account.id());
    }

    @Test
    void aTransferRetriedWithOneKeyAfterItDrainedTheAccountAnswersInsteadOfRefusing() {
        Account town = funded(
                store.open(Account.open(
                        FundKind.TOWN_PARTY_BUILDING,
                        new FiscalYear(2030 + numbers.incrementAndGet() % 50),
                        Organisation.town(new OrganisationId("town-" + numbers.incrementAndGet()), "T", COUNTY),
                        COUNTY_LEADER)),
                Money.ofFen(7_000));
        Account grid = store.open(
                Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, town.fiscalYear(), newGrid(), COUNTY_LEADER));
        IdempotencyClaim key =
                new IdempotencyClaim(COUNTY_LEADER.userId(), "transfer-" + numbers.incrementAndGet(), "hash-a");

        boolean first = store.move(
                Ledger.transfer(
                        town,
                        grid,
                        Money.ofFen(7_000),
                        "transfer-" + numbers.incrementAndGet(),
                        COUNTY_LEADER,
                        NOW,
                        Optional.empty()),
                Optional.of(key));
        // The retry decided on the account as its original read it: it would overdraw it, but the key's record answers
        // first.
        boolean retry = store.move(
                Ledger.transfer(
                        town,
                        grid,
                        Money.ofFen(7_000),
                        "transfer-" + numbers.incrementAndGet(),
                        COUNTY_LEADER,
                        NOW,
                        Optional.empty()),
                Optional.of(key));

        assertThat(first).isFalse();
        assertThat(retry).isTrue();
        assertThat(store.findAccount(town.id()).orElseThrow().available()).isEqualTo(Money.ZERO);
        assertThat(store.findAccount(grid.id()).orElseThrow().available()).isEqualTo(Money.ofFen(7_000));
        assertThat(store.replayMovement(key, town.id(), LedgerEntryType.TRANSFERRED_OUT))
                .isPresent();
        assertAccountEqualsItsLedger(town.id());
        assertAccountEqualsItsLedger(grid.id());
    }

    @Test
    void theExpiryIndexHoldsTheClaimsStillHoldingMoneyUntilTheirExpiry() {
        Account account = communityAccount(1_000_000);
        ClaimHistory submitted = store.submit(
                        Claim.submit(
                                new ClaimId("expiring-" + numbers.incrementAndGet()),
                                account,
                                request(CLAIM),
                                secretaryOf(account),
                                NOW,
                                RULES),
                        Optional.empty())
                .history();
        ClaimHistory reviewed = reviewedClaim(account, CLAIM);
        ClaimHistory toPay = reviewedClaim(account, CLAIM);
        ClaimHistory approved = store.step(
                        toPay, toPay.claim().approve(CLAIM, Optional.empty(), SUPERVISOR, NOW, RULES), Optional.empty())
                .history();
        ClaimHistory paid = store.step(
                        approved, approved.claim().pay(Optional.empty(), SUPERVISOR, NOW), Optional.empty())
                .history();
        Instant expiry = submitted.claim().expiresAt();
        Set<ClaimId> ours = Set.of(
                submitted.claim().id(), reviewed.claim().id(), paid.claim().id());

        List<ClaimId> beforeExpiry = store.claimsExpiredBy(expiry.minusMillis(1), 3, 1_000).stream()
                .map(Claim::id)
                .filter(ours::contains)
                .toList();
        List<ClaimId> afterExpiry = store.claimsExpiredBy(expiry.plusMillis(1), 3, 1_000).stream()
                .map(Claim::id)
                .filter(ours::contains)
                .toList();

        assertThat(beforeExpiry).isEmpty();
        assertThat(afterExpiry)
                .containsExactlyInAnyOrder(
                        submitted.claim().id(), reviewed.claim().id());
    }

    @Test
    void aCommunitysPublicListHoldsItsPublishedClaimsNewestFirst() {
        Account account = communityAccount(1_000_000);
        List<ClaimId> published = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            ClaimHistory reviewed = reviewedClaim(account, CLAIM);
            ClaimHistory approved = store.step(
                            reviewed,
                            reviewed.claim().approve(CLAIM, Optional.empty(), SUPERVISOR, NOW, RULES),
                            Optional.empty())
                    .history();
            ClaimHistory paid = store.step(
                            approved, approved.claim().pay(Optional.empty(), SUPERVISOR, NOW), Optional.empty())
                    .history();
            store.step(paid, paid.claim().publish(secretaryOf(account), NOW.plusSeconds(index)), Optional.empty());
            published.add(reviewed.claim().id());
        }
        ClaimHistory paidOnly = reviewedClaim(account, CLAIM);

        ClaimPage first = store.publishedIn(account.holder(), new PageRequest(2, Optional.empty()));
        ClaimPage second = store.publishedIn(account.holder(), new PageRequest(2, first.nextCursor()));

        assertThat(first.claims()).extracting(Claim::id).containsExactly(published.get(2), published.get(1));
        assertThat(second.claims()).extracting(Claim::id).containsExactly(published.get(0));
        assertThat(second.claims()).extracting(Claim::status).containsOnly(ClaimStatus.PUBLISHED);
        assertThat(store.publishedIn(account.holder(), new PageRequest(10, Optional.empty()))
                        .claims())
                .extracting(Claim::id)
                .doesNotContain(paidOnly.claim().id());
    }

    @Test
    void aClaimReadsBackAsWrittenWithItsEvents() {
        Account account = communityAccount(1_000_000);
        ClaimRequest request = new ClaimRequest(
                CLAIM,
                new Purpose("public-facilities-repair"),
                new ServedWork(ServedWork.Kind.PROJECT, "project-9"),
                List.of(new ReceiptKey("receipts/user-secretary/r-1.jpg")));
        ClaimChange submitted = Claim.submit(
                new ClaimId("read-" + numbers.incrementAndGet()), account, request, secretaryOf(account), NOW, RULES);

        ClaimOutcome outcome = store.submit(submitted, Optional.empty());

        ClaimHistory found = store.findClaim(submitted.claim().id()).orElseThrow();
        assertThat(found.claim()).isEqualTo(submitted.claim());
        assertThat(found.events()).containsExactly(submitted.event());
        assertThat(outcome.history()).isEqualTo(found);
        assertThat(store.ledger(account.id()).orElseThrow().entries())
                .contains(submitted.entry().orElseThrow());
    }

    private static ClaimHistory reviewedClaim(Account account, Money amount) {
        ClaimChange submitted = Claim.submit(
                new ClaimId("claim-" + numbers.incrementAndGet()),
                account,
                request(amount),
                secretaryOf(account),
                NOW,
                RULES);
        ClaimHistory history = store.submit(submitted, Optional.empty()).history();
        Caller reviewer = Caller.staff("user-deputy", Role.COMMUNITY_SECRETARY, account.holder());
        return store.step(history, history.claim().review(Optional.empty(), reviewer, NOW), Optional.empty())
                .history();
    }

    private static Caller secretaryOf(Account account) {
        return Caller.staff("user-secretary", Role.COMMUNITY_SECRETARY, account.holder());
    }

    private static ClaimRequest request(Money amount) {
        return new ClaimRequest(
                amount,
                new Purpose("volunteer-service"),
                new ServedWork(ServedWork.Kind.ACTIVITY, "activity-1"),
                List.of());
    }

    /** A community's service fund of its own (every test a fresh community-year: the id is the year, kind and holder). */
    private static Account communityAccount(long fen) {
        Organisation community =
                Organisation.community(new OrganisationId("community-" + numbers.incrementAndGet()), "C", TOWN);
        Account opened = store.open(Account.open(FundKind.SERVICE_THE_MASSES, YEAR, community, COUNTY_LEADER));
        return funded(opened, Money.ofFen(fen));
    }

    private static Account funded(Account account, Money amount) {
        var change = Ledger.allocate(
                account, amount, "allocation-" + numbers.incrementAndGet(), COUNTY_LEADER, NOW, Optional.empty());
        store.move(change);
        return change.accounts().getFirst();
    }

    private static Organisation newGrid() {
        return Organisation.grid(new OrganisationId("grid-" + numbers.incrementAndGet()), "G", COMMUNITY.id(), TOWN);
    }

    /** Recomputes the account's sums from its ledger alone and compares them with the stored ones. */
    private static void assertAccountEqualsItsLedger(AccountId id) {
        AccountLedger ledger = store.ledger(id).orElseThrow();
        Movement sum = ledger.entries().stream().map(LedgerEntry::movement).reduce(Movement.NONE, Movement::plus);
        Account account = ledger.account();
        assertThat(account.funded()).isEqualTo(sum.funded());
        assertThat(account.reserved()).isEqualTo(sum.reserved());
        assertThat(account.paid()).isEqualTo(sum.paid());
        assertThat(account.balance()).isEqualTo(sum.balanceChange());
        assertThat(account.available()).isEqualTo(sum.availableChange());
        assertThat(Long.parseLong(table.partition(FundKeys.accountPartition(id)).stream()
                        .filter(item -> item.get("sk").s().equals(FundKeys.ACCOUNT_SORT))
                        .findFirst()
                        .orElseThrow()
                        .get("availableFen")
                        .n()))
                .isEqualTo(sum.availableChange().fen());
    }

    private static <T> List<T> race(List<Callable<T>> attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(attempts.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> attempt : attempts) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
