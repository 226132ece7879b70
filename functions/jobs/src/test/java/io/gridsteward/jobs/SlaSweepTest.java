package io.gridsteward.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.Assignee;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketEvent;
import io.gridsteward.domain.ticket.TicketEventType;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.ticket.TicketHistory;
import io.gridsteward.store.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The sweeper against the emulator: what it does to late tickets, and that racing sweeps do it once. */
class SlaSweepTest {

    private static final String TABLE = "grid-steward-jobs-test";
    private static final Instant REPORTED_AT = Instant.parse("2026-11-20T08:00:00.000Z");
    private static final OrganisationId TOWN = new OrganisationId("town-east");
    private static final OrganisationId COMMUNITY = new OrganisationId("community-river");
    private static final Organisation GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", COMMUNITY, TOWN);
    private static final Caller DISPATCHER = Caller.staff("user-dispatcher", Role.TOWN_DISPATCHER, TOWN);
    private static final SlaPolicy SLA = SlaPolicy.bundled();
    private static final AtomicInteger numbers = new AtomicInteger();

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static TicketStore store;

    @BeforeAll
    static void startTable() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        client = EmulatorClients.dynamoDb(emulator.endpoint());
        client.createTable(TableDefinition.createRequest(TABLE));
        store = new TicketStore(
                client, TABLE, Clock.fixed(REPORTED_AT, ZoneOffset.UTC), new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        client.close();
        emulator.close();
    }

    @Test
    void eachOverdueTicketIsActedOnOnceAndTheRestAreLeftAlone() {
        Ticket overdue = dispatched(REPORTED_AT);
        Ticket waitingForDispatcher = reported(REPORTED_AT).ticket();
        Instant now = overdue.deadlines().acceptBy().plusSeconds(1);
        Ticket notYetDue = dispatched(now);
        SlaSweep sweep = new SlaSweep(store, 14, 500);

        SlaSweep.SweepResult first = sweep.sweep(now);
        SlaSweep.SweepResult second = sweep.sweep(now.plusSeconds(1));

        assertThat(first.escalated()).isGreaterThanOrEqualTo(1);
        assertThat(first.flagged()).isGreaterThanOrEqualTo(1);
        TicketHistory escalated = store.find(overdue.id()).orElseThrow();
        assertThat(escalated.ticket().status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(escalated.ticket().assignee()).contains(new Assignee(COMMUNITY, OrganisationKind.COMMUNITY));
        assertThat(escalated.ticket().missedDueAt())
                .contains(overdue.deadlines().acceptBy());
        assertThat(escalated.events().getLast().actor().role()).isEqualTo(Role.SYSTEM);
        assertThat(actions(escalated)).containsExactly(TicketEventType.ESCALATED);
        TicketHistory flagged = store.find(waitingForDispatcher.id()).orElseThrow();
        assertThat(flagged.ticket().status()).isEqualTo(TicketStatus.REPORTED);
        assertThat(flagged.ticket().awaitsDispatcher()).isTrue();
        assertThat(flagged.ticket().missedDueAt())
                .contains(waitingForDispatcher.deadlines().acceptBy());
        assertThat(actions(flagged)).containsExactly(TicketEventType.FLAGGED_OVERDUE);
        assertThat(flagged.events().getLast().reason().orElseThrow()).startsWith("overdue: dispatch was due at");
        assertThat(store.find(notYetDue.id()).orElseThrow().ticket()).isEqualTo(notYetDue);
        assertThat(second.escalated()).isZero();
        assertThat(second.flagged()).isZero();
    }

    @Test
    void twoSweepsRunningAtOnceActOnEachTicketOnce() throws Exception {
        Instant reportedAt = REPORTED_AT.minus(Duration.ofDays(2));
        List<Ticket> withGrid = new ArrayList<>();
        List<Ticket> inQueue = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            withGrid.add(dispatched(reportedAt));
            if (index % 2 == 0) {
                inQueue.add(reported(reportedAt).ticket());
            }
        }
        Instant now = withGrid.getFirst().deadlines().acceptBy().plusSeconds(1);
        SlaSweep sweep = new SlaSweep(store, 14, 500);

        List<SlaSweep.SweepResult> results = race(() -> sweep.sweep(now), () -> sweep.sweep(now));

        for (Ticket ticket : withGrid) {
            TicketHistory history = store.find(ticket.id()).orElseThrow();
            assertThat(actions(history)).as(ticket.id().value()).containsExactly(TicketEventType.ESCALATED);
            assertThat(history.ticket().version()).isEqualTo(ticket.version() + 1);
        }
        for (Ticket ticket : inQueue) {
            TicketHistory history = store.find(ticket.id()).orElseThrow();
            assertThat(actions(history)).as(ticket.id().value()).containsExactly(TicketEventType.FLAGGED_OVERDUE);
            assertThat(history.ticket().version()).isEqualTo(ticket.version() + 1);
        }
        assertThat(results.get(0).escalated() + results.get(1).escalated()).isEqualTo(withGrid.size());
        assertThat(results.get(0).flagged() + results.get(1).flagged()).isEqualTo(inQueue.size());
    }

    /** The sweeper's own steps in a ticket's trace. */
    private static List<TicketEventType> actions(TicketHistory history) {
        return history.events().stream()
                .filter(event -> event.actor().role() == Role.SYSTEM)
                .map(TicketEvent::type)
                .toList();
    }

    private static TicketChange reported(Instant at) {
        TicketReport report = new TicketReport(
                new Category("noise"), new Description("loud at night"), new Location(30, 120), Optional.empty());
        TicketChange reported = Ticket.report(
                new TicketId("sweep-ticket-" + numbers.incrementAndGet()),
                report,
                GRID,
                Caller.resident("user-resident"),
                at,
                SLA);
        store.create(reported, Optional.empty());
        return reported;
    }

    private static Ticket dispatched(Instant at) {
        Ticket ticket = reported(at).ticket();
        TicketChange dispatched = ticket.dispatch(GRID, DISPATCHER, at);
        store.transition(dispatched, ticket.version());
        return dispatched.ticket();
    }

    @SafeVarargs
    private static <T> List<T> race(Callable<T>... attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(attempts.length)) {
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
