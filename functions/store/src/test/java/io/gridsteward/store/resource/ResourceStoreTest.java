package io.gridsteward.store.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.ClaimStatus;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.DemandStatus;
import io.gridsteward.domain.resource.EvidenceKey;
import io.gridsteward.domain.resource.FollowUpOutcome;
import io.gridsteward.domain.resource.FundReference;
import io.gridsteward.domain.resource.ItemType;
import io.gridsteward.domain.resource.Milestone;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ProjectPlan;
import io.gridsteward.domain.resource.Provision;
import io.gridsteward.domain.resource.Reach;
import io.gridsteward.domain.resource.Reason;
import io.gridsteward.domain.resource.ResourceEventType;
import io.gridsteward.domain.resource.ResourceKind;
import io.gridsteward.domain.resource.Title;
import io.gridsteward.domain.resource.UnitCommunities;
import io.gridsteward.domain.resource.Validity;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.LocalTable;
import io.gridsteward.store.core.MutableClock;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import java.time.Duration;
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

class ResourceStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00.123Z");
    private static final Validity MONTH = new Validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    private static final Organisation COUNTY = Organisation.county(new OrganisationId("county"), "County");
    private static final Organisation TOWN = Organisation.town(new OrganisationId("town-east"), "East", COUNTY.id());
    private static final Organisation RIVER =
            Organisation.community(new OrganisationId("community-river"), "River", TOWN.id());
    private static final Organisation LAKE =
            Organisation.community(new OrganisationId("community-lake"), "Lake", TOWN.id());
    private static final Organisation RIVER_GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", RIVER.id(), TOWN.id());
    private static final Organisation SCHOOL =
            Organisation.unit(new OrganisationId("unit-school"), "School", COUNTY.id());
    private static final Caller SCHOOL_OFFICER = Caller.staff("user-school", Role.UNIT_OFFICER, SCHOOL.id());
    private static final Caller RIVER_SECRETARY = Caller.staff("user-river", Role.COMMUNITY_SECRETARY, RIVER.id());
    private static final Caller LAKE_SECRETARY = Caller.staff("user-lake", Role.COMMUNITY_SECRETARY, LAKE.id());
    private static final Caller RIVER_WORKER = Caller.staff("user-river-worker", Role.GRID_WORKER, RIVER_GRID.id());
    private static final Caller RESIDENT = Caller.resident("resident-1");

    private static LocalTable table;
    private static MutableClock clock;
    private static ResourceStore store;
    private static final AtomicInteger numbers = new AtomicInteger();

    @BeforeAll
    static void startTable() {
        table = LocalTable.start();
        clock = new MutableClock(NOW);
        store = new ResourceStore(table.client(), LocalTable.NAME, clock, new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        table.close();
    }

    @Test
    void anOfferIsReadBackAsWrittenWithItsEvent() {
        Change<Offer> published = publishOffer(25);

        Traced<Offer> found = store.findOffer(published.state().id()).orElseThrow();

        assertThat(found.state()).isEqualTo(published.state());
        assertThat(found.events()).containsExactly(published.event());
    }

    @Test
    void hundredRacingClaimsOnAnOfferOfTwentyFiveTakeExactlyTwentyFive() throws Exception {
        Offer offer = publishOffer(25).state();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            Caller secretary = index % 2 == 0 ? RIVER_SECRETARY : LAKE_SECRETARY;
            attempts.add(() -> {
                Change<Claim> claimed =
                        offer.claim(new ClaimId("race-" + numbers.incrementAndGet()), 1, reach(secretary), NOW);
                try {
                    store.claim(claimed, Optional.empty());
                    return true;
                } catch (IllegalTransitionException refused) {
                    return false;
                }
            });
        }

        List<Boolean> outcomes = race(attempts);

        assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(25);
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isZero();
        assertThat(store.awaitingDecision(SCHOOL.id(), new PageRequest(100, Optional.empty()))
                        .items())
                .filteredOn(claim -> claim.item().itemId().equals(offer.id().value()))
                .hasSize(25);
    }

    @Test
    void racingClaimsOfDifferentSizesNeverTakeMoreThanADemandAskedFor() throws Exception {
        Demand demand = raiseDemand(10);
        declareRiver();
        List<Callable<Long>> attempts = new ArrayList<>();
        for (int index = 0; index < 30; index++) {
            long quantity = 1 + index % 4;
            attempts.add(() -> {
                Change<Claim> claimed = demand.claim(
                        new ClaimId("demand-race-" + numbers.incrementAndGet()),
                        quantity,
                        schoolReach(),
                        Optional.empty(),
                        List.of(),
                        NOW);
                try {
                    return store.claim(claimed, Optional.empty()).claim().quantity();
                } catch (IllegalTransitionException refused) {
                    return 0L;
                }
            });
        }

        long claimed = race(attempts).stream().mapToLong(Long::longValue).sum();

        Demand stored = store.findDemand(demand.id()).orElseThrow().state();
        assertThat(stored.remaining()).isGreaterThanOrEqualTo(0);
        assertThat(claimed).isEqualTo(10 - stored.remaining()).isLessThanOrEqualTo(10);
        assertThat(claimed).as("claims of 1 keep coming until nothing is left").isEqualTo(10);
    }

    @Test
    void aRefusedClaimSaysWhatIsLeftAndWritesNothing() {
        Offer offer = publishOffer(2).state();
        store.claim(offer.claim(new ClaimId("left-1"), 2, reach(RIVER_SECRETARY), NOW), Optional.empty());

        assertThatThrownBy(() -> store.claim(
                        offer.claim(new ClaimId("left-2"), 1, reach(LAKE_SECRETARY), NOW), Optional.empty()))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        refused -> assertThat(refused.currentState()).isEqualTo("OPEN with 0 remaining"));
        assertThat(store.findClaim(new ClaimId("left-2"))).isEmpty();
    }

    @Test
    void aClaimOnAWithdrawnOfferReadBeforeTheWithdrawalIsRefusedByTheCondition() {
        Offer offer = publishOffer(5).state();
        store.transition(offer, offer.withdraw(new Reason("gone"), SCHOOL_OFFICER, NOW));

        assertThatThrownBy(() -> store.claim(
                        offer.claim(new ClaimId("late-1"), 1, reach(RIVER_SECRETARY), NOW), Optional.empty()))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        refused -> assertThat(refused.currentState()).startsWith("WITHDRAWN"));
    }

    @Test
    void aWithdrawalReadBeforeAClaimLosesRatherThanUndoTheClaim() {
        Offer offer = publishOffer(5).state();
        store.claim(offer.claim(new ClaimId("between-1"), 2, reach(RIVER_SECRETARY), NOW), Optional.empty());

        assertThatThrownBy(() -> store.transition(offer, offer.withdraw(new Reason("gone"), SCHOOL_OFFICER, NOW)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(3);
    }

    @Test
    void aRetriedClaimWithOneKeyMakesOneClaim() {
        Offer offer = publishOffer(5).state();
        IdempotencyClaim key = new IdempotencyClaim(RIVER_SECRETARY.userId(), "claim-key-1", "hash-a");

        ClaimOutcome first =
                store.claim(offer.claim(new ClaimId("retry-1"), 2, reach(RIVER_SECRETARY), NOW), Optional.of(key));
        ClaimOutcome retry =
                store.claim(offer.claim(new ClaimId("retry-2"), 2, reach(RIVER_SECRETARY), NOW), Optional.of(key));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.claim()).isEqualTo(first.claim());
        assertThat(store.findClaim(new ClaimId("retry-2"))).isEmpty();
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(3);
        assertThat(table.partition("IDEMPOTENCY#user-river#claim-key-1"))
                .extracting(item -> item.get("sk").s())
                .containsExactly("RES#CLAIM");
    }

    @Test
    void twentyRacingTwinsWithOneKeyMakeOneClaim() throws Exception {
        Offer offer = publishOffer(50).state();
        IdempotencyClaim key = new IdempotencyClaim(RIVER_SECRETARY.userId(), "racing-claim-key", "hash-a");
        List<Callable<ClaimOutcome>> twins = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            twins.add(() -> store.claim(
                    offer.claim(new ClaimId("twin-" + numbers.incrementAndGet()), 3, reach(RIVER_SECRETARY), NOW),
                    Optional.of(key)));
        }

        List<ClaimOutcome> outcomes = race(twins);

        assertThat(outcomes).filteredOn(outcome -> !outcome.replayed()).hasSize(1);
        assertThat(outcomes)
                .extracting(outcome -> outcome.claim().id())
                .containsOnly(outcomes.getFirst().claim().id());
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(47);
    }

    @Test
    void aKeyReusedForAnotherRequestOrItemIsRefused() {
        Offer offer = publishOffer(5).state();
        Offer other = publishOffer(5).state();
        IdempotencyClaim key = new IdempotencyClaim(RIVER_SECRETARY.userId(), "reused-key", "hash-a");
        store.claim(offer.claim(new ClaimId("reuse-1"), 1, reach(RIVER_SECRETARY), NOW), Optional.of(key));

        IdempotencyClaim otherBody = new IdempotencyClaim(RIVER_SECRETARY.userId(), "reused-key", "hash-b");
        assertThatThrownBy(() -> store.claim(
                        offer.claim(new ClaimId("reuse-2"), 2, reach(RIVER_SECRETARY), NOW), Optional.of(otherBody)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(
                        () -> store.replayClaim(key, ItemType.OFFER, other.id().value()))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(4);
    }

    @Test
    void anExpiredKeyCanBeUsedAgain() {
        Offer offer = publishOffer(5).state();
        IdempotencyClaim key = new IdempotencyClaim(RIVER_SECRETARY.userId(), "expiring-key", "hash-a");
        MutableClock later = new MutableClock(NOW);
        ResourceStore laterStore =
                new ResourceStore(table.client(), LocalTable.NAME, later, new PageCursor(PageCursor.LOCAL_KEY));
        laterStore.claim(offer.claim(new ClaimId("expiring-1"), 1, reach(RIVER_SECRETARY), NOW), Optional.of(key));
        later.advance(ResourceStore.IDEMPOTENCY_WINDOW.plusMinutes(1));

        ClaimOutcome again = laterStore.claim(
                offer.claim(new ClaimId("expiring-2"), 1, reach(RIVER_SECRETARY), NOW), Optional.of(key));

        assertThat(again.replayed()).isFalse();
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(3);
    }

    @Test
    void aDeclinedClaimGivesItsQuantityBack() {
        Offer offer = publishOffer(5).state();
        Claim claim = store.claim(
                        offer.claim(new ClaimId("declined-1"), 4, reach(RIVER_SECRETARY), NOW), Optional.empty())
                .claim();

        Change<Claim> declined = claim.decline(new Reason("not for this purpose"), SCHOOL_OFFICER, NOW);
        store.decline(claim, declined);

        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(5);
        Traced<Claim> stored = store.findClaim(claim.id()).orElseThrow();
        assertThat(stored.state().status()).isEqualTo(ClaimStatus.DECLINED);
        assertThat(stored.events())
                .extracting(event -> event.type())
                .containsExactly(ResourceEventType.CLAIMED, ResourceEventType.CLAIM_DECLINED);
        assertThatThrownBy(() -> store.decline(claim, declined))
                .as("a second decline from the same read")
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.findOffer(offer.id()).orElseThrow().state().remaining())
                .isEqualTo(5);
    }

    @Test
    void aProjectRunsFromAcceptanceToARatedCompletionAndIsPublic() {
        Demand wish = raiseWish();
        Demand published = wish.verify(RIVER_SECRETARY, NOW).state();
        store.transition(wish, wish.verify(RIVER_SECRETARY, NOW));
        declareRiver();
        Claim claim = store.claim(
                        published.claim(
                                new ClaimId("project-claim"), 1, schoolReach(), Optional.empty(), List.of(), NOW),
                        Optional.empty())
                .claim();
        Claim.Accepted accepted = claim.accept(
                new ProjectPlan(
                        new Title("Lamp"),
                        List.of(Milestone.planned(new Title("Buy"), NOW.plusSeconds(60))),
                        NOW.plus(Duration.ofDays(3)),
                        Optional.of(new FundReference(FundReference.Kind.FUND_ACCOUNT, "account-river"))),
                RIVER_SECRETARY,
                NOW);
        store.accept(claim, accepted);
        assertThatThrownBy(() -> store.accept(claim, accepted)).isInstanceOf(VersionConflictException.class);

        Project project = accepted.project().state();
        Project milestoneDone = step(project, project.completeMilestone(0, Optional.empty(), SCHOOL_OFFICER, NOW));
        EvidenceKey photo = new EvidenceKey("resources/projects/project-claim/photo.jpg");
        Project evidenced = step(milestoneDone, milestoneDone.issueEvidence(photo, SCHOOL_OFFICER, NOW));
        Project completed = step(
                evidenced,
                evidenced.complete(new Reason("done"), List.of(photo), Set.of(photo), List.of(), SCHOOL_OFFICER, NOW));
        Project rated = step(completed, completed.rate(5, Optional.empty(), RESIDENT, NOW));
        Project visited =
                step(rated, rated.followUp(FollowUpOutcome.CONFIRMED, new Reason("lamp works"), RIVER_SECRETARY, NOW));

        Traced<Project> stored = store.findProject(project.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(visited);
        assertThat(stored.events())
                .extracting(event -> event.type())
                .containsExactly(
                        ResourceEventType.PROJECT_STARTED,
                        ResourceEventType.MILESTONE_DONE,
                        ResourceEventType.EVIDENCE_UPLOAD_ISSUED,
                        ResourceEventType.PROJECT_COMPLETED,
                        ResourceEventType.PROJECT_RATED,
                        ResourceEventType.FOLLOWED_UP);
        assertThat(stored.events().get(4).rating()).hasValue(5);
        assertThat(store.publicProjects(RIVER.id(), new PageRequest(10, Optional.empty()))
                        .items())
                .extracting(Project::id)
                .contains(project.id());
        assertThatThrownBy(() -> store.transition(completed, completed.rate(4, Optional.empty(), RESIDENT, NOW)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.awaitingDecision(RIVER.id(), new PageRequest(100, Optional.empty()))
                        .items())
                .extracting(Claim::id)
                .doesNotContain(claim.id());
    }

    @Test
    void aSmallWishIsListedInItsPoolOnlyOncePublished() {
        Demand wish = raiseWish();
        PageRequest all = new PageRequest(100, Optional.empty());
        assertThat(store.demandPool(TOWN.id(), all).items())
                .extracting(Demand::id)
                .doesNotContain(wish.id());
        assertThat(store.demandsOf(RIVER.id(), Optional.of(DemandStatus.AWAITING_VERIFICATION), all)
                        .items())
                .extracting(Demand::id)
                .contains(wish.id());

        store.transition(wish, wish.verify(RIVER_SECRETARY, NOW));

        assertThat(store.demandPool(TOWN.id(), all).items())
                .extracting(Demand::id)
                .contains(wish.id());
        assertThat(store.demandsOf(RIVER.id(), Optional.of(DemandStatus.AWAITING_VERIFICATION), all)
                        .items())
                .extracting(Demand::id)
                .doesNotContain(wish.id());
    }

    @Test
    void aUnitsDeclarationReplacesTheLastAndIsKept() {
        Organisation unit = Organisation.unit(new OrganisationId("unit-declaring"), "Bank", COUNTY.id());
        Caller officer = Caller.staff("user-bank", Role.UNIT_OFFICER, unit.id());
        store.declare(UnitCommunities.declare(unit, List.of(RIVER), officer, NOW));
        store.declare(UnitCommunities.declare(unit, List.of(RIVER, LAKE), officer, NOW.plusSeconds(1)));

        assertThat(store.unitCommunities(unit.id()).orElseThrow().communities())
                .containsExactlyInAnyOrder(RIVER.id(), LAKE.id());
        assertThat(table.partition("RES#UNIT#unit-declaring")).hasSize(3);
    }

    @Test
    void listsPageWithCursors() {
        Organisation town = Organisation.town(new OrganisationId("town-paged"), "Paged", COUNTY.id());
        for (int index = 0; index < 3; index++) {
            store.publish(Offer.publish(
                    new OfferId("paged-" + index),
                    SCHOOL,
                    town,
                    new Title("t"),
                    Provision.money(100),
                    MONTH,
                    SCHOOL_OFFICER,
                    NOW.plusSeconds(index)));
        }
        ResourcePage<Offer> first = store.offerPool(town.id(), new PageRequest(2, Optional.empty()));
        ResourcePage<Offer> second = store.offerPool(town.id(), new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(offer -> offer.id().value()).containsExactly("paged-0", "paged-1");
        assertThat(second.items()).extracting(offer -> offer.id().value()).containsExactly("paged-2");
    }

    private static Project step(Project current, Change<Project> change) {
        store.transition(current, change);
        return change.state();
    }

    private static Change<Offer> publishOffer(long quantity) {
        Change<Offer> published = Offer.publish(
                new OfferId("offer-" + numbers.incrementAndGet()),
                SCHOOL,
                TOWN,
                new Title("Chairs"),
                new Provision(ResourceKind.EQUIPMENT, quantity, Money.ofFen(5_000)),
                MONTH,
                SCHOOL_OFFICER,
                NOW);
        store.publish(published);
        return published;
    }

    private static Demand raiseDemand(long quantity) {
        Change<Demand> raised = Demand.raise(
                new DemandId("demand-" + numbers.incrementAndGet()),
                RIVER,
                new Title("Volunteers"),
                new Provision(ResourceKind.VOLUNTEERS, quantity, Money.ofFen(10_000)),
                MONTH,
                false,
                List.of(),
                RIVER_SECRETARY,
                NOW);
        store.raise(raised);
        return raised.state();
    }

    private static Demand raiseWish() {
        Change<Demand> raised = Demand.raise(
                new DemandId("wish-" + numbers.incrementAndGet()),
                RIVER_GRID,
                new Title("Lamp"),
                new Provision(ResourceKind.SERVICES, 1, Money.ofFen(8_000)),
                MONTH,
                true,
                List.of(RESIDENT.userId()),
                RIVER_WORKER,
                NOW);
        store.raise(raised);
        return raised.state();
    }

    private static void declareRiver() {
        store.declare(UnitCommunities.declare(SCHOOL, List.of(RIVER), SCHOOL_OFFICER, clock.instant()));
        clock.advance(Duration.ofMillis(1));
    }

    private static Reach reach(Caller caller) {
        Organisation organisation = caller.organisationId()
                .map(id -> List.of(RIVER, LAKE, RIVER_GRID, SCHOOL).stream()
                        .filter(candidate -> candidate.id().equals(id))
                        .findFirst()
                        .orElseThrow())
                .orElseThrow();
        return Reach.of(caller, Optional.of(organisation));
    }

    private static Reach schoolReach() {
        return new Reach(SCHOOL_OFFICER, Optional.of(SCHOOL), Set.of(RIVER.id()));
    }

    private static <T> List<T> race(List<Callable<T>> attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(attempts.size())) {
            for (Callable<T> attempt : attempts) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
