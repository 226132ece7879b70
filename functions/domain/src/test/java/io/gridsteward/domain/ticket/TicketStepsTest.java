package io.gridsteward.domain.ticket;

import static io.gridsteward.domain.ticket.CountyFixture.EAST_DISPATCHER;
import static io.gridsteward.domain.ticket.CountyFixture.EAST_TOWN;
import static io.gridsteward.domain.ticket.CountyFixture.NOW;
import static io.gridsteward.domain.ticket.CountyFixture.OTHER_RESIDENT;
import static io.gridsteward.domain.ticket.CountyFixture.RESIDENT;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_COMMUNITY;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_GRID;
import static io.gridsteward.domain.ticket.CountyFixture.WATER_DEPARTMENT;
import static io.gridsteward.domain.ticket.CountyFixture.WEST_TOWN;
import static io.gridsteward.domain.ticket.CountyFixture.reportedTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The steps after dispatch, each with who may take it and what it leaves on the ticket and its event. */
class TicketStepsTest {

    private static final Caller RIVER_GRID_WORKER = Caller.staff("user-grid-worker", Role.GRID_WORKER, RIVER_GRID.id());
    private static final Caller RIVER_SECRETARY =
            Caller.staff("user-secretary", Role.COMMUNITY_SECRETARY, RIVER_COMMUNITY.id());
    private static final Caller EAST_SUPERVISOR =
            Caller.staff("user-east-supervisor", Role.TOWN_SUPERVISOR, EAST_TOWN.id());
    private static final Caller WEST_SUPERVISOR =
            Caller.staff("user-west-supervisor", Role.TOWN_SUPERVISOR, WEST_TOWN.id());
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    private static final Note REASON = new Note("not ours: the pipe belongs to the water bureau");

    private static Ticket dispatchedToRiverGrid() {
        return reportedTicket().dispatch(RIVER_GRID, EAST_DISPATCHER, NOW).ticket();
    }

    @Test
    void theWholeWayFromAcceptanceToClosing() {
        Ticket accepted =
                dispatchedToRiverGrid().accept(RIVER_GRID_WORKER, LATER).ticket();
        Resolution resolution =
                new Resolution(new Note("filled and rolled"), List.of(new PhotoKey("attachments/ticket-1/after.jpg")));
        TicketChange resolved = accepted.resolve(resolution, RIVER_GRID_WORKER, LATER);
        TicketChange evaluated =
                resolved.ticket().evaluate(new Evaluation(4, Optional.of(new Note("quick"))), RESIDENT, LATER);
        TicketChange closed = evaluated.ticket().close(Optional.empty(), EAST_DISPATCHER, LATER);

        assertThat(accepted.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(resolved.ticket().resolution()).contains(resolution);
        assertThat(resolved.event().photos()).containsExactly(new PhotoKey("attachments/ticket-1/after.jpg"));
        assertThat(resolved.event().reason()).contains("filled and rolled");
        assertThat(evaluated.event().rating()).hasValue(4);
        assertThat(evaluated.event().reason()).contains("quick");
        assertThat(closed.ticket().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.ticket().version()).isEqualTo(6);
    }

    @Test
    void aResolutionCitesOnlyThisTicketsPhotos() {
        Ticket accepted =
                dispatchedToRiverGrid().accept(RIVER_GRID_WORKER, LATER).ticket();
        Resolution foreign = new Resolution(
                new Note("done"),
                List.of(new PhotoKey("attachments/ticket-1/a.jpg"), new PhotoKey("attachments/ticket-10/b.jpg")));

        assertThatThrownBy(() -> accepted.resolve(foreign, RIVER_GRID_WORKER, LATER))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("photoKeys[1]"));
        assertThat(PhotoKey.newFor(accepted.id(), () -> "photo-1", "jpg"))
                .isEqualTo(new PhotoKey("attachments/ticket-1/photo-1.jpg"));
        assertThat(TicketAccess.mayAttach(RIVER_GRID_WORKER, accepted)).isTrue();
        assertThat(TicketAccess.mayAttach(RESIDENT, accepted)).isTrue();
        assertThat(TicketAccess.mayAttach(EAST_SUPERVISOR, accepted)).isFalse();
    }

    @Test
    void aReturnGoesBackToTheDispatcherWithoutAnAssignee() {
        TicketChange returned = dispatchedToRiverGrid().giveBack(REASON, RIVER_GRID_WORKER, LATER);

        assertThat(returned.ticket().status()).isEqualTo(TicketStatus.RETURNED);
        assertThat(returned.ticket().assignee()).isEmpty();
        assertThat(returned.ticket().awaitsDispatcher()).isTrue();
        assertThat(returned.event().reason()).contains(REASON.text());
        assertThat(returned.event().assignee()).isEmpty();
    }

    @Test
    void escalationClimbsGridCommunityTownThenNeedsADepartment() {
        Ticket atCommunity = dispatchedToRiverGrid()
                .escalate(Optional.empty(), REASON, RIVER_GRID_WORKER, LATER)
                .ticket();
        Ticket atTown = atCommunity
                .escalate(Optional.empty(), REASON, RIVER_SECRETARY, LATER)
                .ticket();

        assertThat(atCommunity.assignee()).contains(Assignee.of(RIVER_COMMUNITY));
        assertThat(atCommunity.deadlines().acceptBy())
                .isEqualTo(LATER.plus(atCommunity.sla().acceptWithin()));
        assertThat(atTown.assignee()).contains(new Assignee(EAST_TOWN.id(), OrganisationKind.TOWN));
        assertThat(atTown.awaitsDispatcher()).isTrue();
        assertThat(atTown.derivedEscalationTarget()).isEmpty();
        assertThatThrownBy(() -> atTown.escalate(Optional.empty(), REASON, EAST_DISPATCHER, LATER))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        exception -> assertThat(exception.errors())
                                .extracting(FieldError::field)
                                .containsExactly("targetOrgId"));
        assertThat(atTown.escalate(Optional.of(WATER_DEPARTMENT), REASON, EAST_DISPATCHER, LATER)
                        .ticket()
                        .assignee())
                .contains(new Assignee(WATER_DEPARTMENT.id(), OrganisationKind.DEPARTMENT));
    }

    @Test
    void onlyTheReporterEvaluatesAndReopens() {
        Ticket resolved = dispatchedToRiverGrid()
                .accept(RIVER_GRID_WORKER, LATER)
                .ticket()
                .resolve(new Resolution(new Note("done"), List.of()), RIVER_GRID_WORKER, LATER)
                .ticket();
        Instant reopenedAt = LATER.plus(Duration.ofDays(1));

        TicketChange reopened = resolved.reopen(new Note("still broken"), RESIDENT, reopenedAt);

        assertThatThrownBy(() -> resolved.evaluate(new Evaluation(1, Optional.empty()), OTHER_RESIDENT, LATER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resolved.reopen(REASON, RIVER_GRID_WORKER, LATER))
                .isInstanceOf(ForbiddenException.class);
        assertThat(reopened.ticket().status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.ticket().resolution()).isEmpty();
        assertThat(reopened.ticket().deadlines())
                .isEqualTo(new Deadlines(
                        reopenedAt.plus(resolved.sla().acceptWithin()),
                        reopenedAt.plus(resolved.sla().resolveWithin())));
        assertThat(reopened.ticket().assignee()).contains(Assignee.of(RIVER_GRID));
    }

    @Test
    void supervisionLeavesTheStatusAndAddsAnEvent() {
        Ticket dispatched = dispatchedToRiverGrid();

        TicketChange supervised = dispatched.supervise(new Note("please hurry, school run"), EAST_SUPERVISOR, LATER);

        assertThat(supervised.ticket().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(supervised.ticket().version()).isEqualTo(dispatched.version() + 1);
        assertThat(supervised.event().type()).isEqualTo(TicketEventType.SUPERVISED);
        assertThatThrownBy(() -> dispatched.supervise(REASON, WEST_SUPERVISOR, LATER))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void permissionIsCheckedBeforeTheStateAndTheStateBeforeTheValues() {
        Ticket accepted =
                dispatchedToRiverGrid().accept(RIVER_GRID_WORKER, LATER).ticket();

        assertThatThrownBy(() -> accepted.accept(RIVER_GRID_WORKER, LATER))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo(TicketStatus.ACCEPTED.name()));
        assertThatThrownBy(() -> accepted.accept(RIVER_SECRETARY, LATER)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> accepted.cancel(REASON, RIVER_GRID_WORKER, LATER))
                .isInstanceOf(ForbiddenException.class);
        assertThat(accepted.cancel(REASON, EAST_DISPATCHER, LATER).ticket().status())
                .isEqualTo(TicketStatus.CANCELLED);
    }

    @Test
    void aRedispatchRestartsTheAcceptanceClockButNotTheResolutionClock() {
        Ticket returned = dispatchedToRiverGrid()
                .giveBack(REASON, RIVER_GRID_WORKER, LATER)
                .ticket();
        Instant again = LATER.plus(Duration.ofHours(1));

        Ticket redispatched =
                returned.dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, again).ticket();

        assertThat(redispatched.deadlines().acceptBy())
                .isEqualTo(again.plus(returned.sla().acceptWithin()));
        assertThat(redispatched.deadlines().resolveBy())
                .isEqualTo(returned.deadlines().resolveBy());
        assertThat(redispatched.overdueCheckAt())
                .contains(redispatched.deadlines().acceptBy());
    }
}
