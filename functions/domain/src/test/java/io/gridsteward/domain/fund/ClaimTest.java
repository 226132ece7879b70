package io.gridsteward.domain.fund;

import static io.gridsteward.domain.fund.FundFixture.CIVIL_AFFAIRS_OFFICER;
import static io.gridsteward.domain.fund.FundFixture.COUNTY_LEADER;
import static io.gridsteward.domain.fund.FundFixture.EAST_SUPERVISOR;
import static io.gridsteward.domain.fund.FundFixture.HILL_SECRETARY;
import static io.gridsteward.domain.fund.FundFixture.NOW;
import static io.gridsteward.domain.fund.FundFixture.RIVER;
import static io.gridsteward.domain.fund.FundFixture.RIVER_GRID_WORKER;
import static io.gridsteward.domain.fund.FundFixture.RIVER_PARTY_LEADER;
import static io.gridsteward.domain.fund.FundFixture.RIVER_SECRETARY;
import static io.gridsteward.domain.fund.FundFixture.RULES;
import static io.gridsteward.domain.fund.FundFixture.WEST_SUPERVISOR;
import static io.gridsteward.domain.fund.FundFixture.YEAR;
import static io.gridsteward.domain.fund.FundFixture.activityClaim;
import static io.gridsteward.domain.fund.FundFixture.gridFund;
import static io.gridsteward.domain.fund.FundFixture.serviceFund;
import static io.gridsteward.domain.fund.FundFixture.submitted;
import static io.gridsteward.domain.fund.FundFixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClaimTest {

    @Test
    void submissionReservesTheClaimedAmount() {
        Account account = gridFund(yuan(1_000));

        ClaimChange change = submitted(account, yuan(250));

        assertThat(change.claim().status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(change.claim().reservedAmount()).isEqualTo(yuan(250));
        assertThat(change.claim().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(change.entry().orElseThrow().type()).isEqualTo(LedgerEntryType.RESERVED);
        Account after = account.after(change.entry().orElseThrow().movement(), "amountFen");
        assertThat(after.available()).isEqualTo(yuan(750));
        assertThat(after.reserved()).isEqualTo(yuan(250));
    }

    @Test
    void aClaimOverWhatIsAvailableIsRefusedNamingTheAmount() {
        Account account = gridFund(yuan(100));

        assertRefused(() -> submitted(account, Money.ofFen(10_001)), "amountFen");
    }

    @Test
    void theFundsRulesDecidePurposeAndCeiling() {
        Account grid = gridFund(yuan(100_000));
        Account service = serviceFund(yuan(200_000));

        assertRefused(() -> submitted(grid, yuan(5_000).plus(Money.ofFen(1))), "amountFen");
        assertThat(submitted(grid, yuan(5_000)).claim().amount()).isEqualTo(yuan(5_000));
        assertRefused(
                () -> Claim.submit(
                        new ClaimId("c"),
                        service,
                        new ClaimRequest(
                                yuan(10),
                                new Purpose("hardware-purchase"),
                                new ServedWork(ServedWork.Kind.PROJECT, "project-7"),
                                List.of()),
                        RIVER_SECRETARY,
                        NOW,
                        RULES),
                "purpose");
        assertRefused(
                () -> Claim.submit(
                        new ClaimId("c"),
                        service,
                        new ClaimRequest(
                                yuan(10),
                                new Purpose("office-running"),
                                new ServedWork(ServedWork.Kind.PROJECT, "project-7"),
                                List.of()),
                        RIVER_SECRETARY,
                        NOW,
                        RULES),
                "purpose");
        assertRefused(
                () -> Claim.submit(
                        new ClaimId("c"),
                        grid,
                        new ClaimRequest(
                                yuan(10),
                                new Purpose("fireworks"),
                                new ServedWork(ServedWork.Kind.ACTIVITY, "a"),
                                List.of()),
                        RIVER_PARTY_LEADER,
                        NOW,
                        RULES),
                "purpose");
        ClaimChange project = Claim.submit(
                new ClaimId("c"),
                service,
                new ClaimRequest(
                        yuan(10),
                        new Purpose("public-facilities-repair"),
                        new ServedWork(ServedWork.Kind.PROJECT, "project-7"),
                        List.of()),
                RIVER_SECRETARY,
                NOW,
                RULES);
        assertThat(project.claim().served().reference()).isEqualTo("project-7");
    }

    @Test
    void aDelegatedTasksMoneyIsClaimedOnlyForThatTask() {
        Account task = DelegatedTask.delegate(
                        new DelegatedTaskId("task-1"),
                        "elderly-care-visits",
                        YEAR,
                        RIVER,
                        yuan(50_000),
                        CIVIL_AFFAIRS_OFFICER,
                        NOW,
                        RULES)
                .accounts()
                .getFirst();
        Purpose work = new Purpose("delegated-task-work");

        assertRefused(
                () -> Claim.submit(
                        new ClaimId("c"),
                        task,
                        new ClaimRequest(
                                yuan(10), work, new ServedWork(ServedWork.Kind.DELEGATED_TASK, "task-2"), List.of()),
                        RIVER_SECRETARY,
                        NOW,
                        RULES),
                "served");
        assertRefused(
                () -> Claim.submit(
                        new ClaimId("c"),
                        task,
                        new ClaimRequest(yuan(10), work, new ServedWork(ServedWork.Kind.ACTIVITY, "task-1"), List.of()),
                        RIVER_SECRETARY,
                        NOW,
                        RULES),
                "served");
        assertRefused(
                () -> Claim.submit(
                        new ClaimId("c"),
                        serviceFund(yuan(100)),
                        new ClaimRequest(
                                yuan(10),
                                new Purpose("volunteer-service"),
                                new ServedWork(ServedWork.Kind.DELEGATED_TASK, "task-1"),
                                List.of()),
                        RIVER_SECRETARY,
                        NOW,
                        RULES),
                "served");
        ClaimChange claim = Claim.submit(
                new ClaimId("c"),
                task,
                new ClaimRequest(yuan(10), work, new ServedWork(ServedWork.Kind.DELEGATED_TASK, "task-1"), List.of()),
                RIVER_SECRETARY,
                NOW,
                RULES);
        assertThat(claim.claim().department()).contains(FundFixture.CIVIL_AFFAIRS.id());
        assertThat(claim.entry().orElseThrow().account().task()).contains(new DelegatedTaskId("task-1"));
    }

    @Test
    void onlyTheHoldersClaimantSubmitsAndTownFundsAreNotClaimedFrom() {
        Account grid = gridFund(yuan(1_000));

        assertThatThrownBy(() ->
                        Claim.submit(new ClaimId("c"), grid, activityClaim(yuan(1)), RIVER_GRID_WORKER, NOW, RULES))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(
                        () -> Claim.submit(new ClaimId("c"), grid, activityClaim(yuan(1)), RIVER_SECRETARY, NOW, RULES))
                .isInstanceOf(ForbiddenException.class);
        ClaimRequest withForeignReceipt = new ClaimRequest(
                yuan(1),
                new Purpose("party-activity"),
                new ServedWork(ServedWork.Kind.ACTIVITY, "a"),
                List.of(
                        new ReceiptKey("receipts/user-river-party-leader/r1.jpg"),
                        new ReceiptKey("receipts/user-someone-else/r2.jpg")));
        assertRefused(
                () -> Claim.submit(new ClaimId("c"), grid, withForeignReceipt, RIVER_PARTY_LEADER, NOW, RULES),
                "receiptKeys[1]");
    }

    @Test
    void theWholeChainBelowTheCountyThreshold() {
        Account account = gridFund(yuan(5_000));
        Ledgered claim = new Ledgered(account, submitted(account, yuan(1_000)));

        claim.then(claim.claim().review(Optional.of("receipts complete"), RIVER_SECRETARY, NOW.plusSeconds(60)));
        claim.then(claim.claim().approve(yuan(800), Optional.empty(), EAST_SUPERVISOR, NOW.plusSeconds(120), RULES));
        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claim.account().reserved()).isEqualTo(yuan(800));
        assertThat(claim.account().available()).isEqualTo(yuan(4_200));
        claim.then(claim.claim().pay(Optional.empty(), EAST_SUPERVISOR, NOW.plusSeconds(180)));
        assertThat(claim.account().reserved()).isEqualTo(Money.ZERO);
        assertThat(claim.account().paid()).isEqualTo(yuan(800));
        assertThat(claim.account().available()).isEqualTo(yuan(4_200));
        claim.then(claim.claim().publish(RIVER_SECRETARY, NOW.plusSeconds(240)));

        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.PUBLISHED);
        assertThat(claim.events())
                .extracting(ClaimEvent::type)
                .containsExactly(
                        ClaimEventType.SUBMITTED,
                        ClaimEventType.REVIEWED,
                        ClaimEventType.APPROVED,
                        ClaimEventType.PAID,
                        ClaimEventType.PUBLISHED);
        assertThat(claim.events()).extracting(ClaimEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(claim.entries())
                .extracting(LedgerEntry::type)
                .containsExactly(LedgerEntryType.RESERVED, LedgerEntryType.RELEASED, LedgerEntryType.SETTLED);
        claim.assertAccountEqualsItsLedger();
    }

    @Test
    void aboveTheThresholdTheCountyApprovesAfterTheTown() {
        Account account = gridFund(yuan(5_000));
        Ledgered claim = new Ledgered(account, submitted(account, yuan(4_000)));
        claim.then(claim.claim().review(Optional.empty(), RIVER_SECRETARY, NOW));

        claim.then(claim.claim().approve(yuan(3_500), Optional.empty(), EAST_SUPERVISOR, NOW, RULES));
        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.TOWN_APPROVED);
        assertThatThrownBy(() -> claim.claim().pay(Optional.empty(), EAST_SUPERVISOR, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> claim.claim().approve(yuan(3_500), Optional.empty(), EAST_SUPERVISOR, NOW, RULES))
                .isInstanceOf(ForbiddenException.class);
        claim.then(claim.claim().approve(yuan(3_200), Optional.empty(), COUNTY_LEADER, NOW, RULES));

        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(claim.claim().amount()).isEqualTo(yuan(3_200));
        assertThat(claim.account().reserved()).isEqualTo(yuan(3_200));
        claim.assertAccountEqualsItsLedger();
    }

    @Test
    void exactlyAtTheThresholdTheTownDecidesAlone() {
        Account account = gridFund(yuan(5_000));
        Ledgered claim = new Ledgered(account, submitted(account, yuan(3_000)));
        claim.then(claim.claim().review(Optional.empty(), RIVER_SECRETARY, NOW));

        claim.then(claim.claim().approve(yuan(3_000), Optional.empty(), EAST_SUPERVISOR, NOW, RULES));

        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void anApprovalCannotSanctionMoreThanTheClaimHolds() {
        Account account = gridFund(yuan(5_000));
        Claim reviewed = submitted(account, yuan(100))
                .claim()
                .review(Optional.empty(), RIVER_SECRETARY, NOW)
                .claim();

        assertRefused(
                () -> reviewed.approve(yuan(100).plus(Money.ofFen(1)), Optional.empty(), EAST_SUPERVISOR, NOW, RULES),
                "approvedAmountFen");
    }

    @Test
    void nobodyReviewsTheirOwnClaimAndEachLevelActsOnlyInItsJurisdiction() {
        Account service = serviceFund(yuan(1_000));
        Claim own = Claim.submit(
                        new ClaimId("c"),
                        service,
                        new ClaimRequest(
                                yuan(10),
                                new Purpose("volunteer-service"),
                                new ServedWork(ServedWork.Kind.ACTIVITY, "a"),
                                List.of()),
                        RIVER_SECRETARY,
                        NOW,
                        RULES)
                .claim();
        Caller otherRiverSecretary =
                Caller.staff("user-river-deputy", io.gridsteward.domain.core.Role.COMMUNITY_SECRETARY, RIVER.id());

        assertThatThrownBy(() -> own.review(Optional.empty(), RIVER_SECRETARY, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> own.review(Optional.empty(), HILL_SECRETARY, NOW))
                .isInstanceOf(ForbiddenException.class);
        Claim reviewed = own.review(Optional.empty(), otherRiverSecretary, NOW).claim();
        assertThatThrownBy(() -> reviewed.approve(yuan(10), Optional.empty(), WEST_SUPERVISOR, NOW, RULES))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reviewed.withdraw(Optional.empty(), otherRiverSecretary, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(reviewed.approve(yuan(10), Optional.empty(), EAST_SUPERVISOR, NOW, RULES)
                        .claim()
                        .status())
                .isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void rejectionWithdrawalAndExpiryReleaseEverything() {
        Account account = gridFund(yuan(1_000));
        Ledgered rejected = new Ledgered(account, submitted(account, yuan(300)));
        rejected.then(rejected.claim().reject("not an allowed activity", RIVER_SECRETARY, NOW));
        assertThat(rejected.account().available()).isEqualTo(yuan(1_000));
        rejected.assertAccountEqualsItsLedger();

        Ledgered withdrawn = new Ledgered(account, submitted(account, yuan(300)));
        withdrawn.then(withdrawn.claim().review(Optional.empty(), RIVER_SECRETARY, NOW));
        withdrawn.then(withdrawn.claim().withdraw(Optional.of("done otherwise"), RIVER_PARTY_LEADER, NOW));
        assertThat(withdrawn.account().available()).isEqualTo(yuan(1_000));

        Ledgered expired = new Ledgered(account, submitted(account, yuan(300)));
        assertThat(expired.claim().expireIfDue(expired.claim().expiresAt().minusMillis(1)))
                .isEmpty();
        expired.then(expired.claim().expireIfDue(expired.claim().expiresAt()).orElseThrow());
        assertThat(expired.claim().status()).isEqualTo(ClaimStatus.EXPIRED);
        assertThat(expired.events().getLast().actor()).isEqualTo(Caller.system());
        assertThat(expired.account().available()).isEqualTo(yuan(1_000));
        assertThat(expired.claim().expireIfDue(expired.claim().expiresAt().plusSeconds(1)))
                .isEmpty();
    }

    @Test
    void aReturnedClaimKeepsItsReservationAndComesBackLowerOrEqual() {
        Account account = gridFund(yuan(1_000));
        Ledgered claim = new Ledgered(account, submitted(account, yuan(300)));
        claim.then(claim.claim().review(Optional.empty(), RIVER_SECRETARY, NOW));

        assertRefused(() -> claim.claim().giveBack(" ", EAST_SUPERVISOR, NOW), "reason");
        claim.then(claim.claim().giveBack("the invoice is missing", EAST_SUPERVISOR, NOW));
        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.RETURNED);
        assertThat(claim.account().reserved()).isEqualTo(yuan(300));
        assertRefused(
                () -> claim.claim().resubmit(Optional.of(yuan(301)), List.of(), RIVER_PARTY_LEADER, NOW), "amountFen");
        claim.then(claim.claim()
                .resubmit(
                        Optional.of(yuan(250)),
                        List.of(new ReceiptKey("receipts/user-river-party-leader/invoice.pdf")),
                        RIVER_PARTY_LEADER,
                        NOW));

        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claim.claim().receipts()).hasSize(1);
        assertThat(claim.account().reserved()).isEqualTo(yuan(250));
        claim.assertAccountEqualsItsLedger();
    }

    @Test
    void aReversalPaysUnspentMoneyBackByACompensatingEvent() {
        Account account = gridFund(yuan(1_000));
        Ledgered claim = new Ledgered(account, submitted(account, yuan(400)));
        claim.then(claim.claim().review(Optional.empty(), RIVER_SECRETARY, NOW));
        claim.then(claim.claim().approve(yuan(400), Optional.empty(), EAST_SUPERVISOR, NOW, RULES));
        claim.then(claim.claim().pay(Optional.empty(), EAST_SUPERVISOR, NOW));
        assertRefused(() -> claim.claim().reverse(yuan(401), "unspent", EAST_SUPERVISOR, NOW), "amountFen");

        claim.then(claim.claim().reverse(yuan(150), "the activity cost less", EAST_SUPERVISOR, NOW));

        assertThat(claim.claim().status()).isEqualTo(ClaimStatus.REVERSED);
        assertThat(claim.claim().refunded()).isEqualTo(yuan(150));
        assertThat(claim.account().paid()).isEqualTo(yuan(250));
        assertThat(claim.account().available()).isEqualTo(yuan(750));
        assertThat(claim.events()).extracting(ClaimEvent::type).contains(ClaimEventType.PAID, ClaimEventType.REVERSED);
        claim.assertAccountEqualsItsLedger();
    }

    @Test
    void theChainLearnsThatADecidedClaimIsNoLongerOpenToItsStep() {
        Account account = gridFund(yuan(1_000));
        Claim approved = submitted(account, yuan(100))
                .claim()
                .review(Optional.empty(), RIVER_SECRETARY, NOW)
                .claim()
                .approve(yuan(100), Optional.empty(), EAST_SUPERVISOR, NOW, RULES)
                .claim();

        assertThatThrownBy(() -> approved.reject("late", EAST_SUPERVISOR, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved.approve(yuan(100), Optional.empty(), EAST_SUPERVISOR, NOW, RULES))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved.reject("late", WEST_SUPERVISOR, NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> approved.reject("late", RIVER_PARTY_LEADER, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void terminalClaimsTakeNoStep() {
        for (ClaimStatus terminal :
                List.of(ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN, ClaimStatus.EXPIRED, ClaimStatus.REVERSED)) {
            for (ClaimEventType step : ClaimEventType.values()) {
                assertThat(ClaimLifecycle.allows(terminal, step))
                        .as("%s after %s", step, terminal)
                        .isFalse();
            }
            assertThat(terminal.holdsReservation()).isFalse();
        }
        for (ClaimEventType step : ClaimEventType.values()) {
            assertThat(ClaimLifecycle.allows(ClaimStatus.APPROVED, step))
                    .as(step.name())
                    .isEqualTo(step == ClaimEventType.PAID || step == ClaimEventType.EXPIRED);
        }
    }

    /** Random walks through the workflow: the account never goes below zero and always equals the sum of its ledger. */
    @Test
    void randomWorkflowsKeepTheAccountEqualToItsLedgerAndNeverOverdrawn() {
        Random random = new Random(13);
        for (int walk = 0; walk < 200; walk++) {
            Account account = gridFund(yuan(random.nextInt(1, 3_000)));
            Money funded = account.funded();
            List<Ledgered> claims = new ArrayList<>();
            for (int attempt = 0; attempt < 12; attempt++) {
                Money amount = Money.ofFen(random.nextLong(1, 500_001));
                if (amount.isGreaterThan(account.available())) {
                    Account before = account;
                    assertRefused(
                            () -> Claim.submit(
                                    new ClaimId("c"), before, activityClaim(amount), RIVER_PARTY_LEADER, NOW, RULES),
                            "amountFen");
                    continue;
                }
                Ledgered claim = new Ledgered(
                        account,
                        Claim.submit(
                                new ClaimId("c" + attempt),
                                account,
                                activityClaim(amount),
                                RIVER_PARTY_LEADER,
                                NOW,
                                RULES));
                claims.add(claim);
                account = claim.account();
                for (int step = 0; step < 4 && claim.claim().status().holdsReservation(); step++) {
                    Claim current = claim.claim();
                    ClaimChange next = switch (random.nextInt(6)) {
                        case 0 ->
                            current.status() == ClaimStatus.SUBMITTED
                                    ? current.review(Optional.empty(), RIVER_SECRETARY, NOW)
                                    : null;
                        case 1 ->
                            current.status() == ClaimStatus.REVIEWED
                                    ? current.approve(
                                            Money.ofFen(random.nextLong(
                                                    1, current.amount().fen() + 1)),
                                            Optional.empty(),
                                            EAST_SUPERVISOR,
                                            NOW,
                                            RULES)
                                    : null;
                        case 2 ->
                            current.status() == ClaimStatus.APPROVED
                                    ? current.pay(Optional.empty(), EAST_SUPERVISOR, NOW)
                                    : null;
                        case 3 ->
                            current.status() == ClaimStatus.SUBMITTED
                                    ? current.reject("no", RIVER_SECRETARY, NOW)
                                    : null;
                        case 4 ->
                            current.status() == ClaimStatus.TOWN_APPROVED
                                    ? current.approve(current.amount(), Optional.empty(), COUNTY_LEADER, NOW, RULES)
                                    : null;
                        default ->
                            current.status() == ClaimStatus.REVIEWED
                                    ? current.withdraw(Optional.empty(), RIVER_PARTY_LEADER, NOW)
                                    : null;
                    };
                    if (next != null) {
                        claim.reaccount(account);
                        claim.then(next);
                        account = claim.account();
                    }
                }
            }
            Money reservedByClaims =
                    claims.stream().map(claim -> claim.claim().reservedAmount()).reduce(Money.ZERO, Money::plus);
            Money paidByClaims = claims.stream()
                    .filter(claim -> claim.claim().status() == ClaimStatus.PAID)
                    .map(claim -> claim.claim().amount())
                    .reduce(Money.ZERO, Money::plus);
            assertThat(account.reserved()).isEqualTo(reservedByClaims);
            assertThat(account.paid()).isEqualTo(paidByClaims);
            assertThat(account.available())
                    .isEqualTo(funded.minus(reservedByClaims).minus(paidByClaims));
            assertThat(account.available().isNegative()).isFalse();
        }
    }

    private static void assertRefused(Runnable action, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.errors())
                                .extracting(error -> error.field())
                                .contains(field));
    }

    /** A claim followed through its changes, with its account as the ledger entries leave it. */
    private static final class Ledgered {

        private final Account opening;
        private Account account;
        private Claim claim;
        private final List<ClaimEvent> events = new ArrayList<>();
        private final List<LedgerEntry> entries = new ArrayList<>();

        Ledgered(Account account, ClaimChange submitted) {
            this.opening = account;
            this.account = account;
            then(submitted);
        }

        void then(ClaimChange change) {
            claim = change.claim();
            events.add(change.event());
            change.entry().ifPresent(entry -> {
                entries.add(entry);
                account = account.after(entry.movement(), "amountFen");
            });
        }

        void reaccount(Account current) {
            account = current;
        }

        Claim claim() {
            return claim;
        }

        Account account() {
            return account;
        }

        List<ClaimEvent> events() {
            return events;
        }

        List<LedgerEntry> entries() {
            return entries;
        }

        void assertAccountEqualsItsLedger() {
            Movement sum = entries.stream().map(LedgerEntry::movement).reduce(Movement.NONE, Movement::plus);
            assertThat(account.funded()).isEqualTo(opening.funded().plus(sum.funded()));
            assertThat(account.reserved()).isEqualTo(opening.reserved().plus(sum.reserved()));
            assertThat(account.paid()).isEqualTo(opening.paid().plus(sum.paid()));
            assertThat(events)
                    .extracting(ClaimEvent::movement)
                    .isEqualTo(events.stream()
                            .map(event -> entries.stream()
                                    .filter(entry -> entry.id().equals(LedgerEntry.idFor(claim.id(), event.sequence())))
                                    .findFirst()
                                    .map(LedgerEntry::movement)
                                    .orElse(Movement.NONE))
                            .toList());
        }
    }
}
