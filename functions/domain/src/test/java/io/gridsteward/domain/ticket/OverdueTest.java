package io.gridsteward.domain.ticket;

import static io.gridsteward.domain.ticket.CountyFixture.EAST_DISPATCHER;
import static io.gridsteward.domain.ticket.CountyFixture.EAST_TOWN;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_COMMUNITY;
import static io.gridsteward.domain.ticket.CountyFixture.RIVER_GRID;
import static io.gridsteward.domain.ticket.CountyFixture.WATER_DEPARTMENT;
import static io.gridsteward.domain.ticket.CountyFixture.reportedTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the SLA sweeper does with a late ticket: whoever holds it has a current due time; past it, a holder with a
 * level above is escalated, and the town's dispatcher — with no level to derive — is flagged in place. Each missed
 * due time is acted on once.
 */
class OverdueTest {

    private static final Caller RIVER_GRID_WORKER = Caller.staff("user-grid-worker", Role.GRID_WORKER, RIVER_GRID.id());
    private static final Note REASON = new Note("not ours");

    @Test
    void aGridThatMissesAcceptanceIsEscalatedToItsCommunity() {
        Ticket dispatched = reportedTicket()
                .dispatch(RIVER_GRID, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket();
        Instant due = dispatched.overdueCheckAt().orElseThrow();

        TicketChange escalated = dispatched.flagIfOverdue(due.plusMillis(1)).orElseThrow();

        assertThat(due).isEqualTo(dispatched.deadlines().acceptBy());
        assertThat(dispatched.flagIfOverdue(due)).isEmpty();
        assertThat(escalated.event().type()).isEqualTo(TicketEventType.ESCALATED);
        assertThat(escalated.event().actor()).isEqualTo(Caller.system());
        assertThat(escalated.event().reason().orElseThrow()).isEqualTo("overdue: acceptance was due at " + due);
        assertThat(escalated.event().assignee())
                .contains(new Assignee(RIVER_COMMUNITY.id(), OrganisationKind.COMMUNITY));
        assertThat(escalated.ticket().assignee()).contains(Assignee.of(RIVER_COMMUNITY));
        assertThat(escalated.ticket().missedDueAt()).contains(due);
        assertThat(escalated.ticket().overdue()).isTrue();
        assertThat(escalated.ticket().overdueCheckAt())
                .contains(escalated.ticket().deadlines().acceptBy());
    }

    @Test
    void anAcceptedTicketIsLateAgainstItsResolutionDueTime() {
        Ticket accepted = reportedTicket()
                .dispatch(RIVER_GRID, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket()
                .accept(RIVER_GRID_WORKER, CountyFixture.NOW.plusSeconds(60))
                .ticket();
        Instant resolveBy = accepted.deadlines().resolveBy();

        TicketChange escalated =
                accepted.flagIfOverdue(resolveBy.plusSeconds(1)).orElseThrow();

        assertThat(accepted.overdueCheckAt()).contains(resolveBy);
        assertThat(escalated.event().reason().orElseThrow()).startsWith("overdue: resolution");
        assertThat(escalated.ticket().status()).isEqualTo(TicketStatus.ESCALATED);
    }

    @Test
    void aResolutionAlreadyFoundLateIsNotActedOnAgainByTheNextHolder() {
        Ticket accepted = reportedTicket()
                .dispatch(RIVER_GRID, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket()
                .accept(RIVER_GRID_WORKER, CountyFixture.NOW.plusSeconds(60))
                .ticket();
        Instant resolveBy = accepted.deadlines().resolveBy();
        Ticket atCommunity =
                accepted.flagIfOverdue(resolveBy.plusSeconds(1)).orElseThrow().ticket();
        Caller secretary = Caller.staff("user-secretary", Role.COMMUNITY_SECRETARY, RIVER_COMMUNITY.id());

        Ticket acceptedByCommunity =
                atCommunity.accept(secretary, resolveBy.plusSeconds(600)).ticket();

        assertThat(atCommunity.overdueCheckAt())
                .contains(atCommunity.deadlines().acceptBy());
        assertThat(acceptedByCommunity.currentDueAt()).contains(resolveBy);
        assertThat(acceptedByCommunity.overdueCheckAt()).isEmpty();
        assertThat(acceptedByCommunity.flagIfOverdue(resolveBy.plus(Duration.ofDays(5))))
                .isEmpty();
    }

    @Test
    void aReportLeftInTheDispatchersQueueIsFlaggedOnceAndStaysInTheQueue() {
        Ticket reported = reportedTicket();
        Instant due = reported.deadlines().acceptBy();
        Instant late = due.plus(Duration.ofMinutes(5));

        TicketChange flagged = reported.flagIfOverdue(late).orElseThrow();

        assertThat(reported.overdueCheckAt()).contains(due);
        assertThat(flagged.event().type()).isEqualTo(TicketEventType.FLAGGED_OVERDUE);
        assertThat(flagged.event().from()).contains(TicketStatus.REPORTED);
        assertThat(flagged.event().to()).isEqualTo(TicketStatus.REPORTED);
        assertThat(flagged.event().actor()).isEqualTo(Caller.system());
        assertThat(flagged.event().sequence()).isEqualTo(reported.version() + 1);
        assertThat(flagged.event().reason().orElseThrow()).isEqualTo("overdue: dispatch was due at " + due);
        assertThat(flagged.ticket().status()).isEqualTo(TicketStatus.REPORTED);
        assertThat(flagged.ticket().awaitsDispatcher()).isTrue();
        assertThat(flagged.ticket().missedDueAt()).contains(due);
        assertThat(flagged.ticket().overdueCheckAt()).isEmpty();
        assertThat(flagged.ticket().flagIfOverdue(late.plus(Duration.ofDays(1))))
                .isEmpty();
    }

    @Test
    void aTicketEscalatedUpToItsTownIsFlaggedNotEscalatedWhenTheTownIsLate() {
        Ticket atCommunity = reportedTicket()
                .dispatch(RIVER_COMMUNITY, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket();
        Ticket atTown = atCommunity
                .flagIfOverdue(atCommunity.deadlines().acceptBy().plusMillis(1))
                .orElseThrow()
                .ticket();
        Instant townDue = atTown.deadlines().acceptBy();

        TicketChange flagged = atTown.flagIfOverdue(townDue.plusMillis(1)).orElseThrow();

        assertThat(atTown.assignee()).contains(new Assignee(EAST_TOWN.id(), OrganisationKind.TOWN));
        assertThat(atTown.awaitsDispatcher()).isTrue();
        assertThat(atTown.overdueCheckAt()).contains(townDue);
        assertThat(flagged.event().type()).isEqualTo(TicketEventType.FLAGGED_OVERDUE);
        assertThat(flagged.ticket().status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(flagged.ticket().assignee()).isEqualTo(atTown.assignee());
        assertThat(flagged.ticket().missedDueAt()).contains(townDue);
        assertThat(flagged.ticket().overdueCheckAt()).isEmpty();
    }

    @Test
    void aTownThatTookATicketOnIsFlaggedWhenItResolvesLate() {
        Ticket atTown = reportedTicket()
                .dispatch(RIVER_COMMUNITY, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket()
                .escalate(
                        Optional.empty(),
                        REASON,
                        Caller.staff("user-secretary", Role.COMMUNITY_SECRETARY, RIVER_COMMUNITY.id()),
                        CountyFixture.NOW.plusSeconds(60))
                .ticket();
        Ticket accepted = atTown.accept(EAST_DISPATCHER, CountyFixture.NOW.plusSeconds(120))
                .ticket();

        TicketChange flagged = accepted.flagIfOverdue(
                        accepted.deadlines().resolveBy().plusMillis(1))
                .orElseThrow();

        assertThat(accepted.openWithAssignee()).isTrue();
        assertThat(accepted.currentDueAt()).contains(accepted.deadlines().resolveBy());
        assertThat(flagged.event().type()).isEqualTo(TicketEventType.FLAGGED_OVERDUE);
        assertThat(flagged.ticket().status()).isEqualTo(TicketStatus.ACCEPTED);
    }

    @Test
    void aLateDispatchGivesTheAssigneeItsOwnTimeToAccept() {
        Ticket reported = reportedTicket();
        Instant onTime = reported.deadlines().acceptBy().minusSeconds(60);
        Instant late = reported.deadlines().acceptBy().plusSeconds(60);
        Ticket flagged = reported.flagIfOverdue(late).orElseThrow().ticket();

        Ticket dispatchedOnTime =
                reported.dispatch(RIVER_GRID, EAST_DISPATCHER, onTime).ticket();
        Ticket dispatchedLate =
                flagged.dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, late).ticket();

        assertThat(dispatchedOnTime.deadlines()).isEqualTo(reported.deadlines());
        assertThat(dispatchedLate.deadlines().acceptBy())
                .isEqualTo(late.plus(reported.sla().acceptWithin()));
        assertThat(dispatchedLate.deadlines().resolveBy())
                .isEqualTo(reported.deadlines().resolveBy());
        assertThat(dispatchedLate.assignee())
                .contains(new Assignee(WATER_DEPARTMENT.id(), OrganisationKind.DEPARTMENT));
        assertThat(dispatchedLate.overdueCheckAt())
                .contains(dispatchedLate.deadlines().acceptBy());
    }

    @Test
    void aReturnGivesTheDispatcherItsOwnTimeToDispatchAgain() {
        Instant returnedAt = CountyFixture.NOW.plus(Duration.ofDays(2));
        Ticket returned = reportedTicket()
                .dispatch(RIVER_GRID, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket()
                .giveBack(REASON, RIVER_GRID_WORKER, returnedAt)
                .ticket();

        assertThat(returned.overdueCheckAt())
                .contains(returnedAt.plus(returned.sla().acceptWithin()));
        assertThat(returned.flagIfOverdue(returnedAt.plusSeconds(1))).isEmpty();
    }

    @Test
    void aResolvedTicketHasNothingDue() {
        Ticket resolved = reportedTicket()
                .dispatch(RIVER_GRID, EAST_DISPATCHER, CountyFixture.NOW)
                .ticket()
                .accept(RIVER_GRID_WORKER, CountyFixture.NOW)
                .ticket()
                .resolve(new Resolution(new Note("done"), List.of()), RIVER_GRID_WORKER, CountyFixture.NOW)
                .ticket();

        assertThat(resolved.currentDueAt()).isEmpty();
        assertThat(resolved.flagIfOverdue(resolved.deadlines().resolveBy().plus(Duration.ofDays(30))))
                .isEmpty();
    }

    @Test
    void onlyThePlatformFlagsATicket() {
        Ticket reported = reportedTicket();

        assertThat(TicketAccess.mayTake(Caller.system(), TicketEventType.FLAGGED_OVERDUE, reported))
                .isTrue();
        assertThat(TicketAccess.mayTake(EAST_DISPATCHER, TicketEventType.FLAGGED_OVERDUE, reported))
                .isFalse();
        assertThat(TicketLifecycle.allows(TicketStatus.RESOLVED, TicketEventType.FLAGGED_OVERDUE))
                .isFalse();
    }

    @Test
    void onlyOrganisationsThatHoldTicketsCanBeAssignees() {
        assertThatThrownBy(() -> Assignee.of(CountyFixture.SCHOOL_UNIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Assignee.of(CountyFixture.COUNTY)).isInstanceOf(IllegalArgumentException.class);
    }
}
