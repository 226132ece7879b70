package io.gridsteward.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.Assignee;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.Evaluation;
import io.gridsteward.domain.ticket.Note;
import io.gridsteward.domain.ticket.PhoneNumber;
import io.gridsteward.domain.ticket.PhotoKey;
import io.gridsteward.domain.ticket.Priority;
import io.gridsteward.domain.ticket.Resolution;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.LocalTable;
import io.gridsteward.store.core.MutableClock;
import io.gridsteward.store.core.PageCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TicketStoreTest {

    private static final Instant REPORTED_AT = Instant.parse("2026-11-25T08:00:00.123Z");
    private static final OrganisationId COUNTY = new OrganisationId("county");
    private static final OrganisationId TOWN = new OrganisationId("town-east");
    private static final OrganisationId COMMUNITY = new OrganisationId("community-river");
    private static final Organisation GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", COMMUNITY, TOWN);
    private static final Organisation DEPARTMENT =
            Organisation.department(new OrganisationId("dept-water"), "Water Bureau", COUNTY);
    private static final Caller RESIDENT = Caller.resident("user-resident");
    private static final Caller DISPATCHER = Caller.staff("user-dispatcher", Role.TOWN_DISPATCHER, TOWN);
    private static final Caller GRID_WORKER = Caller.staff("user-grid-worker", Role.GRID_WORKER, GRID.id());
    private static final TicketReport REPORT = new TicketReport(
            new Category("streetlight"),
            new Description("路灯不亮了 near gate 3"),
            new Location(30.123456789, 120.987654321),
            Optional.empty());

    private static final SlaPolicy SLA = SlaPolicy.bundled();

    private static LocalTable table;
    private static MutableClock clock;
    private static TicketStore store;
    private static final AtomicInteger ticketNumbers = new AtomicInteger();

    @BeforeAll
    static void startTable() {
        table = LocalTable.start();
        clock = new MutableClock(REPORTED_AT);
        store = new TicketStore(table.client(), LocalTable.NAME, clock, new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        table.close();
    }

    @Test
    void aCreatedTicketIsFoundWithItsReportedEvent() {
        TicketChange reported = report();

        WriteOutcome outcome = store.create(reported, Optional.empty());

        assertThat(outcome.replayed()).isFalse();
        TicketHistory found = store.find(reported.ticket().id()).orElseThrow();
        assertThat(found.ticket()).isEqualTo(reported.ticket());
        assertThat(found.events()).containsExactly(reported.event());
        assertThat(table.partition("TICKET#" + reported.ticket().id().value()))
                .extracting(item -> item.get("sk").s())
                .containsExactly("EVENT#000001", "TICKET");
    }

    @Test
    void anUnknownTicketIsNotFound() {
        assertThat(store.find(new TicketId("no-such-ticket"))).isEmpty();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstTicketAndWritesNothing() {
        IdempotencyClaim claim = new IdempotencyClaim("user-resident", "retry-key-1", "hash-a");
        TicketChange first = report();
        TicketChange retry = report();

        WriteOutcome created = store.create(first, Optional.of(claim));
        WriteOutcome replayed = store.create(retry, Optional.of(claim));

        assertThat(created.replayed()).isFalse();
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.history().ticket().id()).isEqualTo(first.ticket().id());
        assertThat(replayed.history().events()).hasSize(1);
        assertThat(table.partition("TICKET#" + retry.ticket().id().value())).isEmpty();
        assertThat(table.partition("IDEMPOTENCY#user-resident#retry-key-1"))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("ticketId").s())
                            .isEqualTo(first.ticket().id().value());
                    assertThat(Long.parseLong(item.get("expiresAt").n()))
                            .isEqualTo(REPORTED_AT.plus(Duration.ofHours(24)).getEpochSecond());
                });
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        IdempotencyClaim claim = new IdempotencyClaim("user-resident", "retry-key-2", "hash-a");
        store.create(report(), Optional.of(claim));
        TicketChange different = report();

        assertThatThrownBy(() -> store.create(
                        different, Optional.of(new IdempotencyClaim("user-resident", "retry-key-2", "hash-b"))))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThat(table.partition("TICKET#" + different.ticket().id().value())).isEmpty();
    }

    @Test
    void keysAreScopedToTheCaller() {
        TicketChange mine = report();
        TicketChange theirs = report();

        store.create(mine, Optional.of(new IdempotencyClaim("user-a", "shared-key", "hash-a")));
        WriteOutcome outcome =
                store.create(theirs, Optional.of(new IdempotencyClaim("user-b", "shared-key", "hash-a")));

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.history().ticket().id()).isEqualTo(theirs.ticket().id());
    }

    @Test
    void anExpiredKeyNotYetSweptByTheTimeToLiveCountsAsAbsent() {
        MutableClock ownClock = new MutableClock(REPORTED_AT);
        TicketStore ownStore =
                new TicketStore(table.client(), LocalTable.NAME, ownClock, new PageCursor(PageCursor.LOCAL_KEY));
        IdempotencyClaim claim = new IdempotencyClaim("user-resident", "old-key", "hash-a");
        TicketChange first = report();
        ownStore.create(first, Optional.of(claim));
        ownClock.advance(Duration.ofHours(25));
        TicketChange later = report();

        WriteOutcome outcome = ownStore.create(later, Optional.of(claim));

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.history().ticket().id()).isEqualTo(later.ticket().id());
        assertThat(table.partition("IDEMPOTENCY#user-resident#old-key"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("ticketId").s())
                        .isEqualTo(later.ticket().id().value()));
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneTicket() throws Exception {
        IdempotencyClaim claim = new IdempotencyClaim("user-resident", "racing-key", "hash-a");
        List<TicketChange> attempts = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            attempts.add(report());
        }

        List<WriteOutcome> outcomes = race(attempts.stream()
                .map(change -> (Attempt<WriteOutcome>) () -> store.create(change, Optional.of(claim)))
                .toList());

        assertThat(outcomes)
                .extracting(outcome -> outcome.history().ticket().id())
                .containsOnly(outcomes.getFirst().history().ticket().id());
        assertThat(outcomes).filteredOn(outcome -> !outcome.replayed()).hasSize(1);
        long stored = attempts.stream()
                .filter(change -> !table.partition(
                                "TICKET#" + change.ticket().id().value())
                        .isEmpty())
                .count();
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void aTransitionStoresTheNewStateAndItsEvent() {
        TicketChange reported = report();
        store.create(reported, Optional.empty());
        TicketChange dispatched = reported.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT.plusSeconds(90));

        store.transition(dispatched, 1);

        TicketHistory found = store.find(reported.ticket().id()).orElseThrow();
        assertThat(found.ticket()).isEqualTo(dispatched.ticket());
        assertThat(found.events()).containsExactly(reported.event(), dispatched.event());
    }

    @Test
    void itemsCarryTheContractsAttributes() {
        TicketChange reported = report();
        store.create(reported, Optional.empty());
        store.transition(reported.ticket().dispatch(DEPARTMENT, DISPATCHER, REPORTED_AT.plusSeconds(60)), 1);

        var items = table.partition("TICKET#" + reported.ticket().id().value());

        assertThat(items).hasSize(3);
        var reportedItem = items.get(0);
        assertThat(reportedItem.get("entity").s()).isEqualTo("TicketEvent");
        assertThat(reportedItem.get("eventType").s()).isEqualTo("REPORTED");
        assertThat(reportedItem).doesNotContainKeys("fromStatus", "assigneeOrgId", "assigneeOrgKind", "actorOrgId");
        assertThat(reportedItem.get("occurredAt").s()).isEqualTo("2026-11-25T08:00:00.123Z");
        var dispatchedItem = items.get(1);
        assertThat(dispatchedItem.get("sk").s()).isEqualTo("EVENT#000002");
        assertThat(dispatchedItem.get("sequence").n()).isEqualTo("2");
        assertThat(dispatchedItem.get("fromStatus").s()).isEqualTo("REPORTED");
        assertThat(dispatchedItem.get("toStatus").s()).isEqualTo("DISPATCHED");
        assertThat(dispatchedItem.get("actorRole").s()).isEqualTo("TOWN_DISPATCHER");
        assertThat(dispatchedItem.get("actorOrgId").s()).isEqualTo("town-east");
        assertThat(dispatchedItem.get("assigneeOrgId").s()).isEqualTo("dept-water");
        assertThat(dispatchedItem.get("assigneeOrgKind").s()).isEqualTo("DEPARTMENT");
        assertThat(dispatchedItem.get("occurredAt").s()).isEqualTo("2026-11-25T08:01:00.123Z");
        assertThat(dispatchedItem.get("townId").s()).isEqualTo("town-east");
        var ticketItem = items.get(2);
        assertThat(ticketItem.get("entity").s()).isEqualTo("Ticket");
        assertThat(ticketItem.get("version").n()).isEqualTo("2");
        assertThat(ticketItem.get("status").s()).isEqualTo("DISPATCHED");
        assertThat(ticketItem.get("latitude").n()).isEqualTo("30.123456789");
        assertThat(ticketItem.get("priority").s()).isEqualTo("NORMAL");
        assertThat(dispatchedItem.get("priority").s()).isEqualTo("NORMAL");
        assertThat(reportedItem.get("acceptDueAt").s())
                .isEqualTo(ticketItem.get("acceptDueAt").s());
        assertThat(dispatchedItem.get("resolveDueAt").s())
                .isEqualTo(ticketItem.get("resolveDueAt").s());
    }

    @Test
    void theReportersPhoneStaysOnTheTicketItemAndOffEveryEvent() {
        TicketReport withPhone = new TicketReport(
                REPORT.category(),
                REPORT.description(),
                REPORT.location(),
                Optional.empty(),
                Priority.HIGH,
                Optional.of(new PhoneNumber("+86 138 0013 8000")));
        TicketChange reported =
                Ticket.report(new TicketId("store-ticket-phone"), withPhone, GRID, RESIDENT, REPORTED_AT, SLA);
        store.create(
                List.of(reported, reported.ticket().dispatch(GRID, Caller.system(), REPORTED_AT)), Optional.empty());

        var items = table.partition("TICKET#store-ticket-phone");

        assertThat(items).hasSize(3);
        assertThat(items)
                .filteredOn(item -> item.get("entity").s().equals("TicketEvent"))
                .hasSize(2)
                .allSatisfy(item -> assertThat(item.toString()).doesNotContain("138"));
        assertThat(items.getLast().get("reporterPhone").s()).isEqualTo("+86 138 0013 8000");
        TicketHistory found = store.find(new TicketId("store-ticket-phone")).orElseThrow();
        assertThat(found.ticket().reporterPhone()).contains(new PhoneNumber("+86 138 0013 8000"));
        assertThat(found.ticket().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(found.events())
                .extracting(event -> event.actor().role())
                .containsExactly(Role.RESIDENT, Role.SYSTEM);
        assertTraceEqualsStateHistory(found);
    }

    @Test
    void resolutionAndEvaluationRoundTrip() {
        TicketChange reported = report();
        Caller gridWorker = Caller.staff("user-grid-worker", Role.GRID_WORKER, GRID.id());
        List<TicketChange> steps = new ArrayList<>(List.of(reported.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT)));
        steps.add(steps.getLast().ticket().accept(gridWorker, REPORTED_AT.plusSeconds(60)));
        steps.add(steps.getLast()
                .ticket()
                .resolve(
                        new Resolution(
                                new Note("fixed"),
                                List.of(new PhotoKey(
                                        "attachments/" + reported.ticket().id().value() + "/a.jpg"))),
                        gridWorker,
                        REPORTED_AT.plusSeconds(120)));
        steps.add(steps.getLast()
                .ticket()
                .evaluate(new Evaluation(5, Optional.of(new Note("thanks"))), RESIDENT, REPORTED_AT.plusSeconds(180)));
        store.create(reported, Optional.empty());

        for (TicketChange step : steps) {
            store.transition(step, step.ticket().version() - 1);
        }

        TicketHistory found = store.find(reported.ticket().id()).orElseThrow();
        assertThat(found.ticket()).isEqualTo(steps.getLast().ticket());
        assertThat(found.events())
                .extracting(TicketEvent::type)
                .containsExactly(
                        TicketEventType.REPORTED,
                        TicketEventType.DISPATCHED,
                        TicketEventType.ACCEPTED,
                        TicketEventType.RESOLVED,
                        TicketEventType.EVALUATED);
        assertThat(found.events().get(3).photos())
                .containsExactly(
                        new PhotoKey("attachments/" + reported.ticket().id().value() + "/a.jpg"));
        assertThat(found.events().get(4).rating()).hasValue(5);
        assertTraceEqualsStateHistory(found);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        TicketChange reported = report();
        store.create(reported, Optional.empty());
        store.transition(reported.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT.plusSeconds(1)), 1);
        TicketChange late = reported.ticket().dispatch(DEPARTMENT, DISPATCHER, REPORTED_AT.plusSeconds(2));

        assertThatThrownBy(() -> store.transition(late, 1))
                .isInstanceOfSatisfying(
                        VersionConflictException.class,
                        conflict -> assertThat(conflict.expectedVersion()).isEqualTo(1));
        TicketHistory found = store.find(reported.ticket().id()).orElseThrow();
        assertThat(found.ticket().assignee()).contains(Assignee.of(GRID));
        assertThat(found.events()).hasSize(2);
    }

    @Test
    void fiftyConcurrentDispatchesAtOneVersionHaveExactlyOneWinner() throws Exception {
        TicketChange reported = report();
        store.create(reported, Optional.empty());
        List<Attempt<Optional<TicketChange>>> attempts = new ArrayList<>();
        for (int index = 0; index < 50; index++) {
            Organisation assignee = index % 2 == 0 ? GRID : DEPARTMENT;
            Instant at = REPORTED_AT.plusMillis(1000 + index);
            attempts.add(() -> {
                TicketChange dispatched = reported.ticket().dispatch(assignee, DISPATCHER, at);
                try {
                    store.transition(dispatched, 1);
                    return Optional.of(dispatched);
                } catch (VersionConflictException conflict) {
                    return Optional.empty();
                }
            });
        }

        List<TicketChange> winners =
                race(attempts).stream().flatMap(Optional::stream).toList();

        assertThat(winners).hasSize(1);
        TicketHistory found = store.find(reported.ticket().id()).orElseThrow();
        assertThat(found.ticket()).isEqualTo(winners.getFirst().ticket());
        assertTraceEqualsStateHistory(found);
        assertThat(found.events())
                .extracting(TicketEvent::type)
                .containsExactly(TicketEventType.REPORTED, TicketEventType.DISPATCHED);
        assertThat(found.events().getLast()).isEqualTo(winners.getFirst().event());
    }

    @Test
    void aStepWithAKeyRecordsItInItsTransactionAndARetryAnswersTheTicketAsItIsNow() {
        TicketHistory reported = created();
        IdempotencyClaim claim = new IdempotencyClaim("user-dispatcher", "step-key-1", "hash-a");
        TicketChange dispatched = reported.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT.plusSeconds(60));

        WriteOutcome first = store.transition(reported, dispatched, Optional.of(claim));
        TicketHistory afterDispatch = store.find(reported.ticket().id()).orElseThrow();
        store.transition(
                afterDispatch,
                afterDispatch.ticket().accept(GRID_WORKER, REPORTED_AT.plusSeconds(120)),
                Optional.empty());
        TicketChange retried = reported.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT.plusSeconds(180));
        WriteOutcome retry = store.transition(reported, retried, Optional.of(claim));

        assertThat(first.replayed()).isFalse();
        assertThat(first.history()).isEqualTo(afterDispatch);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.history().ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(retry.history().events())
                .extracting(TicketEvent::type)
                .containsExactly(TicketEventType.REPORTED, TicketEventType.DISPATCHED, TicketEventType.ACCEPTED);
        assertThat(store.replayStep(claim, reported.ticket().id(), TicketEventType.DISPATCHED))
                .contains(retry.history());
        assertThat(table.partition("IDEMPOTENCY#user-dispatcher#step-key-1"))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("entity").s()).isEqualTo("Idempotency");
                    assertThat(item.get("ticketId").s())
                            .isEqualTo(reported.ticket().id().value());
                    assertThat(item.get("step").s()).isEqualTo("DISPATCHED");
                    assertThat(item.get("sequence").n()).isEqualTo("2");
                    assertThat(item.get("requestHash").s()).isEqualTo("hash-a");
                    assertThat(Long.parseLong(item.get("expiresAt").n()))
                            .isEqualTo(REPORTED_AT.plus(Duration.ofHours(24)).getEpochSecond());
                });
    }

    @Test
    void aStepKeyUsedAgainForAnotherBodyTicketStepOrReportIsRefused() {
        TicketHistory mine = created();
        TicketHistory another = created();
        IdempotencyClaim claim = new IdempotencyClaim("user-dispatcher", "step-key-2", "hash-a");
        store.transition(mine, mine.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT), Optional.of(claim));
        IdempotencyClaim otherBody = new IdempotencyClaim("user-dispatcher", "step-key-2", "hash-b");
        TicketChange anotherDispatched = another.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT);

        assertThatThrownBy(() -> store.replayStep(otherBody, mine.ticket().id(), TicketEventType.DISPATCHED))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> store.replayStep(claim, mine.ticket().id(), TicketEventType.CANCELLED))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> store.replayStep(claim, another.ticket().id(), TicketEventType.DISPATCHED))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> store.transition(another, anotherDispatched, Optional.of(claim)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> store.create(report(), Optional.of(claim)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(store.find(another.ticket().id()).orElseThrow()).isEqualTo(another);
    }

    @Test
    void aReportKeyCannotBeReplayedAsAStep() {
        IdempotencyClaim claim = new IdempotencyClaim("user-resident", "report-then-step", "hash-a");
        TicketHistory reported = store.create(report(), Optional.of(claim)).history();

        assertThatThrownBy(() -> store.replayStep(claim, reported.ticket().id(), TicketEventType.REPORTED))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aRefusedStepWritesNoKey() {
        TicketHistory reported = created();
        store.transition(reported.ticket().dispatch(GRID, DISPATCHER, REPORTED_AT), 1);
        IdempotencyClaim claim = new IdempotencyClaim("user-dispatcher", "stale-step", "hash-a");

        assertThatThrownBy(() -> store.transition(
                        reported, reported.ticket().dispatch(DEPARTMENT, DISPATCHER, REPORTED_AT), Optional.of(claim)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(table.partition("IDEMPOTENCY#user-dispatcher#stale-step")).isEmpty();
        assertThat(store.find(reported.ticket().id()).orElseThrow().events()).hasSize(2);
    }

    @Test
    void twentyConcurrentStepsWithOneKeyWriteOneEventAndAnswerAlike() throws Exception {
        TicketHistory reported = created();
        IdempotencyClaim claim = new IdempotencyClaim("user-dispatcher", "racing-step", "hash-a");
        List<Attempt<WriteOutcome>> attempts = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            Instant at = REPORTED_AT.plusMillis(1000 + index);
            attempts.add(() ->
                    store.transition(reported, reported.ticket().dispatch(GRID, DISPATCHER, at), Optional.of(claim)));
        }

        List<WriteOutcome> outcomes = race(attempts);

        assertThat(outcomes).filteredOn(outcome -> !outcome.replayed()).hasSize(1);
        TicketHistory found = store.find(reported.ticket().id()).orElseThrow();
        assertThat(outcomes).extracting(WriteOutcome::history).containsOnly(found);
        assertThat(found.events())
                .extracting(TicketEvent::type)
                .containsExactly(TicketEventType.REPORTED, TicketEventType.DISPATCHED);
        assertThat(table.partition("TICKET#" + reported.ticket().id().value())).hasSize(3);
        assertThat(table.partition("IDEMPOTENCY#user-dispatcher#racing-step")).hasSize(1);
    }

    /** Replaying the events from nothing must arrive at the stored ticket: sequence, statuses, assignee. */
    private static void assertTraceEqualsStateHistory(TicketHistory history) {
        Optional<TicketStatus> status = Optional.empty();
        Optional<Assignee> assignee = Optional.empty();
        long sequence = 0;
        for (TicketEvent event : history.events()) {
            assertThat(event.sequence()).isEqualTo(sequence + 1);
            assertThat(event.from()).isEqualTo(status);
            status = Optional.of(event.to());
            assignee = event.assignee();
            sequence = event.sequence();
        }
        Ticket ticket = history.ticket();
        assertThat(status).contains(ticket.status());
        assertThat(sequence).isEqualTo(ticket.version());
        assertThat(assignee).isEqualTo(ticket.assignee());
        assertThat(history.events().getLast().occurredAt()).isEqualTo(ticket.updatedAt());
    }

    /** A reported ticket, stored, as the store reads it back. */
    private static TicketHistory created() {
        return store.create(report(), Optional.empty()).history();
    }

    private static TicketChange report() {
        TicketId id = new TicketId("store-ticket-" + ticketNumbers.incrementAndGet());
        return Ticket.report(id, REPORT, GRID, RESIDENT, REPORTED_AT, SLA);
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws Exception;
    }

    /** Starts every attempt on its own thread and releases them together, so they really overlap. */
    private static <T> List<T> race(List<Attempt<T>> attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(attempts.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Attempt<T> attempt : attempts) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return attempt.run();
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
