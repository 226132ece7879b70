package io.gridsteward.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.Note;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.domain.ticket.TicketStatus;
import io.gridsteward.store.core.InvalidCursorException;
import io.gridsteward.store.core.LocalTable;
import io.gridsteward.store.core.MutableClock;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lists of the README's access patterns, each read from its index, paged with a cursor. */
class TicketListsTest {

    private static final Instant START = Instant.parse("2026-11-20T08:00:00.000Z");
    private static final OrganisationId COUNTY = new OrganisationId("county");
    private static final OrganisationId TOWN = new OrganisationId("town-lists");
    private static final OrganisationId COMMUNITY = new OrganisationId("community-lists");
    private static final Organisation GRID_ONE =
            Organisation.grid(new OrganisationId("grid-lists-1"), "Lists 1", COMMUNITY, TOWN);
    private static final Organisation GRID_TWO =
            Organisation.grid(new OrganisationId("grid-lists-2"), "Lists 2", COMMUNITY, TOWN);
    private static final Organisation DEPARTMENT =
            Organisation.department(new OrganisationId("dept-lists"), "Lists Bureau", COUNTY);
    private static final Caller DISPATCHER = Caller.staff("user-dispatcher", Role.TOWN_DISPATCHER, TOWN);
    private static final SlaPolicy SLA = SlaPolicy.bundled();

    private static LocalTable table;
    private static TicketStore store;
    private static final AtomicInteger numbers = new AtomicInteger();

    @BeforeAll
    static void startTable() {
        table = LocalTable.start();
        store = new TicketStore(
                table.client(), LocalTable.NAME, new MutableClock(START), new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        table.close();
    }

    @Test
    void aReportersTicketsComePageByPageNewestFirstWithoutRepeats() {
        Caller reporter = Caller.resident("user-pages");
        List<TicketId> reported = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            reported.add(create(reporter, GRID_ONE, "streetlight", START.plusSeconds(index))
                    .ticket()
                    .id());
        }

        List<TicketId> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            TicketPage page = store.list(
                    new TicketList.ReportedBy("user-pages"), TicketFilter.none(), new PageRequest(2, cursor));
            page.tickets().forEach(ticket -> listed.add(ticket.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(listed).containsExactlyElementsOf(reported.reversed());
        assertThat(pages).isBetween(3, 4);
    }

    @Test
    void theTownQueueHoldsWhatWaitsForTheDispatcherMostUrgentFirst() {
        Caller reporter = Caller.resident("user-queue");
        Ticket waiting = create(reporter, GRID_TWO, "noise", START).ticket();
        Ticket dispatched = dispatch(
                create(reporter, GRID_TWO, "noise", START.plusSeconds(1)).ticket(), GRID_TWO);
        Caller gridWorker = Caller.staff("user-grid-worker", Role.GRID_WORKER, GRID_TWO.id());
        Ticket returned = dispatch(
                create(reporter, GRID_TWO, "noise", START.minusSeconds(60)).ticket(), GRID_TWO);
        TicketChange giveBack = returned.giveBack(new Note("wrong grid"), gridWorker, START.plusSeconds(5));
        store.transition(giveBack, returned.version());

        List<Ticket> queue = store.list(
                        new TicketList.TownQueue(TOWN), TicketFilter.none(), new PageRequest(50, Optional.empty()))
                .tickets();
        List<Ticket> assigned = store.list(
                        new TicketList.AssignedTo(GRID_TWO.id()),
                        TicketFilter.none(),
                        new PageRequest(50, Optional.empty()))
                .tickets();
        List<Ticket> returnedOnly = store.list(
                        new TicketList.TownQueue(TOWN),
                        new TicketFilter(
                                Optional.of(TicketStatus.RETURNED),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        new PageRequest(50, Optional.empty()))
                .tickets();

        assertThat(queue)
                .extracting(Ticket::id)
                .contains(waiting.id(), returned.id())
                .doesNotContain(dispatched.id());
        assertThat(queue).extracting(ticket -> ticket.deadlines().acceptBy()).isSorted();
        assertThat(assigned)
                .extracting(Ticket::id)
                .contains(dispatched.id())
                .doesNotContain(waiting.id(), returned.id());
        assertThat(returnedOnly).extracting(Ticket::id).containsExactly(returned.id());
    }

    @Test
    void aGridsTicketsByStatusCategoryAndDate() {
        Caller reporter = Caller.resident("user-grid-list");
        Organisation grid = Organisation.grid(new OrganisationId("grid-lists-3"), "Lists 3", COMMUNITY, TOWN);
        Ticket early = create(reporter, grid, "garbage", START).ticket();
        Ticket late = create(reporter, grid, "garbage", START.plus(Duration.ofDays(2)))
                .ticket();
        Ticket otherCategory =
                create(reporter, grid, "noise", START.plus(Duration.ofDays(2))).ticket();
        Ticket dispatched = dispatch(create(reporter, grid, "garbage", START).ticket(), DEPARTMENT);

        TicketList list = new TicketList.InGrid(new GridId("grid-lists-3"));
        PageRequest page = new PageRequest(50, Optional.empty());
        List<Ticket> reported = store.list(
                        list,
                        new TicketFilter(
                                Optional.of(TicketStatus.REPORTED),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        page)
                .tickets();
        List<Ticket> garbageSinceDayTwo = store.list(
                        list,
                        new TicketFilter(
                                Optional.empty(),
                                Optional.of(new Category("garbage")),
                                Optional.of(START.plus(Duration.ofDays(1))),
                                Optional.empty()),
                        page)
                .tickets();

        assertThat(reported)
                .extracting(Ticket::id)
                .containsExactlyInAnyOrder(early.id(), late.id(), otherCategory.id());
        assertThat(garbageSinceDayTwo).extracting(Ticket::id).containsExactly(late.id());
        assertThat(store.list(list, TicketFilter.none(), page).tickets())
                .extracting(Ticket::id)
                .contains(dispatched.id());
    }

    @Test
    void aTamperedOrForeignCursorIsRefused() {
        Caller reporter = Caller.resident("user-cursor");
        for (int index = 0; index < 3; index++) {
            create(reporter, GRID_ONE, "streetlight", START.plusSeconds(index));
        }
        String cursor = store.list(
                        new TicketList.ReportedBy("user-cursor"),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.empty()))
                .nextCursor()
                .orElseThrow();
        String keys = cursor.substring(0, cursor.indexOf('.'));
        String decoded = new String(Base64.getUrlDecoder().decode(keys));
        String bent = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(decoded.replace("REPORTER#user-cursor", "REPORTER#user-pages")
                                .getBytes())
                + cursor.substring(cursor.indexOf('.'));

        assertThatThrownBy(() -> store.list(
                        new TicketList.ReportedBy("user-cursor"),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.of("not*base64"))))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.list(
                        new TicketList.ReportedBy("user-cursor"),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.of(bent))))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.list(
                        new TicketList.ReportedBy("user-pages"),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.of(cursor))))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.list(
                        new TicketList.InGrid(new GridId("grid-lists-1")),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.of(cursor))))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.list(
                        new TicketList.ReportedBy("user-cursor"),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.of(cursor + "AA"))))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.list(
                        new TicketList.ReportedBy("user-cursor"),
                        TicketFilter.none(),
                        new PageRequest(1, Optional.of(keys))))
                .isInstanceOf(InvalidCursorException.class);
        assertThat(store.list(
                                new TicketList.ReportedBy("user-cursor"),
                                TicketFilter.none(),
                                new PageRequest(1, Optional.of(cursor)))
                        .tickets())
                .hasSize(1);
    }

    @Test
    void overdueTicketsAreFoundThroughTheDueIndexOnlyUntilTheirLatenessIsRecorded() {
        Caller reporter = Caller.resident("user-due");
        Instant reportedAt = START.minus(Duration.ofDays(3));
        Ticket overdue =
                dispatch(create(reporter, GRID_ONE, "noise", reportedAt).ticket(), GRID_ONE);
        Ticket waitingInQueue = create(reporter, GRID_ONE, "noise", reportedAt).ticket();
        Instant now = overdue.deadlines().acceptBy().plusSeconds(1);
        Ticket notYetDue = dispatch(create(reporter, GRID_ONE, "noise", now).ticket(), GRID_ONE);

        List<Ticket> found = store.overdue(now, 7, 100);
        TicketChange flagged = waitingInQueue.flagIfOverdue(now).orElseThrow();
        store.transition(flagged, waitingInQueue.version());

        assertThat(found)
                .extracting(Ticket::id)
                .contains(overdue.id(), waitingInQueue.id())
                .doesNotContain(notYetDue.id());
        assertThat(store.overdue(now, 7, 1)).hasSize(1);
        assertThat(store.overdue(now, 7, 100))
                .extracting(Ticket::id)
                .contains(overdue.id())
                .doesNotContain(waitingInQueue.id());
        assertThat(store.find(waitingInQueue.id()).orElseThrow().ticket()).isEqualTo(flagged.ticket());
    }

    private static TicketChange create(Caller reporter, Organisation grid, String category, Instant at) {
        TicketReport report = new TicketReport(
                new Category(category), new Description("a problem"), new Location(30, 120), Optional.empty());
        TicketChange reported = Ticket.report(
                new TicketId("list-ticket-" + numbers.incrementAndGet()), report, grid, reporter, at, SLA);
        store.create(reported, Optional.empty());
        return reported;
    }

    private static Ticket dispatch(Ticket ticket, Organisation to) {
        TicketChange dispatched =
                ticket.dispatch(to, DISPATCHER, ticket.reportedAt().plusSeconds(1));
        store.transition(dispatched, ticket.version());
        return dispatched.ticket();
    }
}
