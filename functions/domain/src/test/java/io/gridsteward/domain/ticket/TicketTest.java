package io.gridsteward.domain.ticket;

import static io.gridsteward.domain.ticket.CountyFixture.COUNTY;
import static io.gridsteward.domain.ticket.CountyFixture.EAST_DISPATCHER;
import static io.gridsteward.domain.ticket.CountyFixture.EAST_TOWN;
import static io.gridsteward.domain.ticket.CountyFixture.HILL_COMMUNITY;
import static io.gridsteward.domain.ticket.CountyFixture.HILL_GRID;
import static io.gridsteward.domain.ticket.CountyFixture.NOW;
import static io.gridsteward.domain.ticket.CountyFixture.POTHOLE;
import static io.gridsteward.domain.ticket.CountyFixture.RESIDENT;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_COMMUNITY;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_GRID;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_GRID_TWO;
import static io.gridsteward.domain.ticket.CountyFixture.SCHOOL_UNIT;
import static io.gridsteward.domain.ticket.CountyFixture.SLA;
import static io.gridsteward.domain.ticket.CountyFixture.WATER_DEPARTMENT;
import static io.gridsteward.domain.ticket.CountyFixture.WEST_DISPATCHER;
import static io.gridsteward.domain.ticket.CountyFixture.reportedTicket;
import static io.gridsteward.domain.ticket.CountyFixture.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketTest {

    private static final Instant LATER = Instant.parse("2026-11-25T08:05:00.456789Z");

    @Test
    void reportingCreatesVersionOneWithItsReportedEvent() {
        TicketChange change = Ticket.report(new TicketId("ticket-1"), POTHOLE, RIVER_GRID, RESIDENT, NOW, SLA);

        Ticket ticket = change.ticket();
        assertThat(ticket.status()).isEqualTo(TicketStatus.REPORTED);
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.placement())
                .isEqualTo(new Placement(new GridId("grid-river-1"), RIVER_COMMUNITY.id(), EAST_TOWN.id()));
        assertThat(ticket.channel()).isEqualTo(Channel.RESIDENT_APP);
        assertThat(ticket.reporterId()).isEqualTo("user-resident");
        assertThat(ticket.assignee()).isEmpty();
        TicketEvent event = change.event();
        assertThat(event.type()).isEqualTo(TicketEventType.REPORTED);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.from()).isEmpty();
        assertThat(event.to()).isEqualTo(TicketStatus.REPORTED);
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.actor()).isEqualTo(RESIDENT);
        assertThat(event.eventId()).isEqualTo(TicketEvent.idFor(ticket.id(), 1));
    }

    @Test
    void reportingInSomethingThatIsNotAGridNamesGridId() {
        assertThatThrownBy(() -> Ticket.report(new TicketId("ticket-1"), POTHOLE, RIVER_COMMUNITY, RESIDENT, NOW, SLA))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("gridId"));
    }

    @Test
    void aResidentCannotReportThroughTheHotline() {
        TicketReport hotline = new TicketReport(
                POTHOLE.category(), POTHOLE.description(), POTHOLE.location(), Optional.of(Channel.HOTLINE));

        assertThatThrownBy(() -> Ticket.report(new TicketId("ticket-1"), hotline, RIVER_GRID, RESIDENT, NOW, SLA))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("channel"));
    }

    @Test
    void aGridWorkerReportsOnPatrolInTheirOwnGridOnly() {
        Caller gridWorker = Caller.staff("user-grid-worker", Role.GRID_WORKER, RIVER_GRID.id());

        Ticket ticket = Ticket.report(new TicketId("ticket-1"), POTHOLE, RIVER_GRID, gridWorker, NOW, SLA)
                .ticket();

        assertThat(ticket.channel()).isEqualTo(Channel.GRID_PATROL);
        assertThatThrownBy(() -> Ticket.report(new TicketId("ticket-2"), POTHOLE, HILL_GRID, gridWorker, NOW, SLA))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aDispatcherEntersHotlineCallsOfTheirOwnTownOnly() {
        TicketReport hotline = new TicketReport(
                POTHOLE.category(),
                POTHOLE.description(),
                POTHOLE.location(),
                Optional.empty(),
                Priority.HIGH,
                Optional.of(new PhoneNumber("138 0013 8000")));

        Ticket ticket = Ticket.report(new TicketId("ticket-1"), hotline, RIVER_GRID, EAST_DISPATCHER, NOW, SLA)
                .ticket();

        assertThat(ticket.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(ticket.reporterPhone()).contains(new PhoneNumber("138 0013 8000"));
        assertThatThrownBy(
                        () -> Ticket.report(new TicketId("ticket-2"), hotline, RIVER_GRID, WEST_DISPATCHER, NOW, SLA))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aCommunitySecretaryCannotReport() {
        Caller secretary = Caller.staff("user-secretary", Role.COMMUNITY_SECRETARY, RIVER_COMMUNITY.id());

        assertThatThrownBy(() -> Ticket.report(new TicketId("ticket-1"), POTHOLE, RIVER_GRID, secretary, NOW, SLA))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void reportingSetsTheDueTimesOfTheCategoryAndPriority() {
        TicketReport urgentLeak = new TicketReport(
                new Category("water-leak"),
                POTHOLE.description(),
                POTHOLE.location(),
                Optional.empty(),
                Priority.URGENT,
                Optional.empty());

        TicketChange change = Ticket.report(new TicketId("ticket-1"), urgentLeak, RIVER_GRID, RESIDENT, NOW, SLA);

        assertThat(change.ticket().deadlines())
                .isEqualTo(new Deadlines(NOW.plusSeconds(15 * 60), NOW.plusSeconds(2 * 3600)));
        assertThat(change.event().deadlines()).isEqualTo(change.ticket().deadlines());
        assertThat(change.event().priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void dispatchingMovesToDispatchedWithTheNextVersionAndEvent() {
        Ticket reported = reportedTicket();

        TicketChange change = reported.dispatch(RIVER_GRID, EAST_DISPATCHER, LATER);

        assertThat(change.ticket().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(change.ticket().version()).isEqualTo(2);
        assertThat(change.ticket().assignee()).contains(Assignee.of(RIVER_GRID));
        assertThat(change.ticket().updatedAt()).isEqualTo(Instant.parse("2026-11-25T08:05:00.456Z"));
        assertThat(change.ticket().reportedAt()).isEqualTo(reported.reportedAt());
        TicketEvent event = change.event();
        assertThat(event.type()).isEqualTo(TicketEventType.DISPATCHED);
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.from()).contains(TicketStatus.REPORTED);
        assertThat(event.to()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(event.assignee()).contains(Assignee.of(RIVER_GRID));
        assertThat(event.actor()).isEqualTo(EAST_DISPATCHER);
        assertThat(event.placement()).isEqualTo(reported.placement());
        assertThat(event.eventId()).isNotEqualTo(TicketEvent.idFor(reported.id(), 1));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void dispatchIsAllowedExactlyWhereTheLifecycleAllowsIt(TicketStatus status) {
        Ticket ticket = ticketIn(status);
        boolean legal = switch (status) {
            case REPORTED, RETURNED, ESCALATED, REOPENED -> true;
            case DISPATCHED, ACCEPTED, RESOLVED, EVALUATED, CLOSED, CANCELLED -> false;
        };

        if (legal) {
            assertThat(ticket.dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, LATER)
                            .ticket()
                            .status())
                    .isEqualTo(TicketStatus.DISPATCHED);
        } else {
            assertThatThrownBy(() -> ticket.dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, LATER))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, exception -> {
                        assertThat(exception.currentState()).isEqualTo(status.name());
                        assertThat(exception.attempted()).isEqualTo(TicketEventType.DISPATCHED.name());
                        assertThat(exception.getMessage()).contains(status.name());
                    });
        }
    }

    @Test
    void dispatchGoesToAGridACommunityOfTheSameTownOrADepartment() {
        Ticket reported = reportedTicket();

        assertThat(reported.dispatch(RIVER_GRID_TWO, EAST_DISPATCHER, LATER)
                        .ticket()
                        .assignee())
                .contains(Assignee.of(RIVER_GRID_TWO));
        assertThat(reported.dispatch(RIVER_COMMUNITY, EAST_DISPATCHER, LATER)
                        .ticket()
                        .assignee())
                .contains(Assignee.of(RIVER_COMMUNITY));
        assertThat(reported.dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, LATER)
                        .ticket()
                        .assignee())
                .contains(Assignee.of(WATER_DEPARTMENT));
    }

    @Test
    void dispatchToAnOrganisationThatCannotTakeTheTicketNamesAssigneeOrgId() {
        Ticket reported = reportedTicket();

        for (Organisation unfit : new Organisation[] {HILL_GRID, HILL_COMMUNITY, EAST_TOWN, COUNTY, SCHOOL_UNIT}) {
            assertThatThrownBy(() -> reported.dispatch(unfit, EAST_DISPATCHER, LATER))
                    .as(unfit.id().value())
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            exception -> assertThat(exception.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("assigneeOrgId"));
        }
    }

    @Test
    void onlyADispatcherOfTheTicketsTownMayDispatch() {
        Ticket reported = reportedTicket();
        Caller supervisor = Caller.staff("user-supervisor", Role.TOWN_SUPERVISOR, EAST_TOWN.id());

        assertThatThrownBy(() -> reported.dispatch(RIVER_GRID, WEST_DISPATCHER, LATER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reported.dispatch(RIVER_GRID, supervisor, LATER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reported.dispatch(RIVER_GRID, RESIDENT, LATER)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void eventIdsAreDerivedFromTicketAndSequence() {
        TicketId id = new TicketId("ticket-1");

        assertThat(TicketEvent.idFor(id, 2)).isEqualTo(TicketEvent.idFor(new TicketId("ticket-1"), 2));
        assertThat(TicketEvent.idFor(id, 2)).isNotEqualTo(TicketEvent.idFor(id, 3));
        assertThat(TicketEvent.idFor(id, 2)).isNotEqualTo(TicketEvent.idFor(new TicketId("ticket-2"), 2));
    }

    @Test
    void aChangeMustDescribeTheTicketsNewState() {
        TicketChange reported = Ticket.report(new TicketId("ticket-1"), POTHOLE, RIVER_GRID, RESIDENT, NOW, SLA);
        TicketChange dispatched = reported.ticket().dispatch(RIVER_GRID, EAST_DISPATCHER, LATER);

        assertThatThrownBy(() -> new TicketChange(dispatched.ticket(), reported.event()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedIdsComeFromTheInjectedSource() {
        assertThat(TicketId.generate(() -> "fixed-id")).isEqualTo(new TicketId("fixed-id"));
    }
}
