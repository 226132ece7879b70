package io.gridsteward.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimEvent;
import io.gridsteward.domain.fund.ClaimEventType;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.ClaimRequest;
import io.gridsteward.domain.fund.ClaimStatus;
import io.gridsteward.domain.fund.FiscalYear;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.domain.fund.Ledger;
import io.gridsteward.domain.fund.Purpose;
import io.gridsteward.domain.fund.ServedWork;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.fund.ClaimHistory;
import io.gridsteward.store.fund.FundStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The claim expiry against the emulator: claims unpaid at their expiry expire once and give back all they reserved. */
class ClaimExpiryTest {

    private static final String TABLE = "grid-steward-claim-expiry-test";
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final FundRules RULES = FundRules.bundled();
    private static final OrganisationId TOWN = new OrganisationId("town-east");
    private static final Caller LEADER = Caller.staff("leader", Role.COUNTY_LEADER, new OrganisationId("county"));
    private static final Caller SUPERVISOR = Caller.staff("supervisor", Role.TOWN_SUPERVISOR, TOWN);
    private static final Money CLAIM = Money.ofFen(10_000);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static FundStore store;

    @BeforeAll
    static void startTable() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        client = EmulatorClients.dynamoDb(emulator.endpoint());
        client.createTable(TableDefinition.createRequest(TABLE));
        store = new FundStore(client, TABLE, Clock.fixed(NOW, ZoneOffset.UTC), new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        client.close();
        emulator.close();
    }

    @Test
    void aClaimUnpaidAtItsExpiryExpiresAndReleasesAllItReserved() {
        Account account = fundedCommunityAccount(1_000_000);
        ClaimHistory forgotten = submit(account, NOW);
        ClaimHistory reviewed = review(submit(account, NOW));
        ClaimHistory paid = pay(review(submit(account, NOW)));
        ClaimHistory recent = submit(account, NOW.plus(Duration.ofDays(30)));
        Instant runAt = forgotten.claim().expiresAt().plus(Duration.ofHours(1));
        ClaimExpiry expiry = new ClaimExpiry(store, 14, 500);

        ClaimExpiry.Result first = expiry.run(runAt);
        ClaimExpiry.Result second = expiry.run(runAt.plus(Duration.ofMinutes(60)));

        ClaimHistory expired = store.findClaim(forgotten.claim().id()).orElseThrow();
        assertThat(expired.claim().status()).isEqualTo(ClaimStatus.EXPIRED);
        assertThat(expired.events())
                .extracting(ClaimEvent::type)
                .containsExactly(ClaimEventType.SUBMITTED, ClaimEventType.EXPIRED);
        assertThat(expired.events().getLast().actor()).isEqualTo(Caller.system());
        assertThat(store.findClaim(reviewed.claim().id()).orElseThrow().claim().status())
                .isEqualTo(ClaimStatus.EXPIRED);
        assertThat(store.findClaim(paid.claim().id()).orElseThrow().claim().status())
                .isEqualTo(ClaimStatus.PAID);
        assertThat(store.findClaim(recent.claim().id()).orElseThrow().claim().status())
                .isEqualTo(ClaimStatus.SUBMITTED);
        Account after = store.findAccount(account.id()).orElseThrow();
        assertThat(after.reserved())
                .as("only the recent claim still holds money")
                .isEqualTo(CLAIM);
        assertThat(after.paid()).isEqualTo(CLAIM);
        assertThat(after.available()).isEqualTo(Money.ofFen(1_000_000 - 2 * CLAIM.fen()));
        assertThat(first.expired()).isEqualTo(2);
        assertThat(second.found()).isZero();
        System.out.printf(
                "claim expiry: first pass expired %d (released %s), second pass found %d%n",
                first.expired(), Money.ofFen(2 * CLAIM.fen()), second.found());
    }

    @Test
    void twoPassesRunningAtOnceExpireEachClaimOnce() throws Exception {
        Account account = fundedCommunityAccount(1_000_000);
        List<ClaimHistory> claims = new ArrayList<>();
        for (int index = 0; index < 15; index++) {
            claims.add(submit(account, NOW.plusSeconds(index)));
        }
        ClaimExpiry expiry = new ClaimExpiry(store, 14, 500);
        Instant runAt = claims.getLast().claim().expiresAt().plusSeconds(60);

        List<ClaimExpiry.Result> results;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<ClaimExpiry.Result>> futures =
                    pool.invokeAll(List.of(() -> expiry.run(runAt), () -> expiry.run(runAt)));
            results = List.of(futures.get(0).get(), futures.get(1).get());
        }

        assertThat(results.get(0).expired() + results.get(1).expired()).isEqualTo(15);
        for (ClaimHistory claim : claims) {
            assertThat(store.findClaim(claim.claim().id()).orElseThrow().events())
                    .hasSize(2);
        }
        assertThat(store.findAccount(account.id()).orElseThrow().available()).isEqualTo(Money.ofFen(1_000_000));
    }

    private static Account fundedCommunityAccount(long fen) {
        Organisation community =
                Organisation.community(new OrganisationId("community-" + NEXT.incrementAndGet()), "C", TOWN);
        Account opened = store.open(Account.open(FundKind.SERVICE_THE_MASSES, new FiscalYear(2026), community, LEADER));
        store.move(Ledger.allocate(
                opened, Money.ofFen(fen), "allocation-" + NEXT.incrementAndGet(), LEADER, NOW, Optional.empty()));
        return store.findAccount(opened.id()).orElseThrow();
    }

    private static ClaimHistory submit(Account account, Instant at) {
        Caller secretary = Caller.staff("secretary", Role.COMMUNITY_SECRETARY, account.holder());
        ClaimRequest request = new ClaimRequest(
                CLAIM,
                new Purpose("volunteer-service"),
                new ServedWork(ServedWork.Kind.ACTIVITY, "activity-1"),
                List.of());
        Account now = store.findAccount(account.id()).orElseThrow();
        return store.submit(
                        Claim.submit(
                                new ClaimId("claim-" + NEXT.incrementAndGet()), now, request, secretary, at, RULES),
                        Optional.empty())
                .history();
    }

    private static ClaimHistory review(ClaimHistory submitted) {
        Caller deputy = Caller.staff(
                "deputy", Role.COMMUNITY_SECRETARY, submitted.claim().community());
        return store.step(submitted, submitted.claim().review(Optional.empty(), deputy, NOW), Optional.empty())
                .history();
    }

    private static ClaimHistory pay(ClaimHistory reviewed) {
        ClaimHistory approved = store.step(
                        reviewed,
                        reviewed.claim().approve(CLAIM, Optional.empty(), SUPERVISOR, NOW, RULES),
                        Optional.empty())
                .history();
        return store.step(approved, approved.claim().pay(Optional.empty(), SUPERVISOR, NOW), Optional.empty())
                .history();
    }
}
