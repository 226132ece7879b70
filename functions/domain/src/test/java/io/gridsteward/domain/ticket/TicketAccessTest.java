package io.gridsteward.domain.ticket;

import static io.gridsteward.domain.ticket.CountyFixture.EAST_DISPATCHER;
import static io.gridsteward.domain.ticket.CountyFixture.NOW;
import static io.gridsteward.domain.ticket.CountyFixture.OTHER_RESIDENT;
import static io.gridsteward.domain.ticket.CountyFixture.RESIDENT;
import static io.gridsteward.domain.ticket.CountyFixture.WATER_DEPARTMENT;
import static io.gridsteward.domain.ticket.CountyFixture.reportedTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ticket is reported by RESIDENT in grid-river-1 (community-river, town-east). */
class TicketAccessTest {

    @ParameterizedTest(name = "{0} of {1} reads: {2}")
    @CsvSource({
        "GRID_WORKER, grid-river-1, true",
        "GRID_WORKER, grid-river-2, false",
        "GRID_PARTY_LEADER, grid-river-1, true",
        "GRID_PARTY_LEADER, grid-hill-1, false",
        "COMMUNITY_SECRETARY, community-river, true",
        "COMMUNITY_SECRETARY, community-hill, false",
        "TOWN_DISPATCHER, town-east, true",
        "TOWN_DISPATCHER, town-west, false",
        "TOWN_SUPERVISOR, town-east, true",
        "TOWN_SUPERVISOR, town-west, false",
        "DEPARTMENT_OFFICER, dept-water, false",
        "COUNTY_LEADER, county, true"
    })
    void staffReadWithinTheirJurisdiction(Role role, String organisation, boolean expected) {
        Caller caller = Caller.staff("user-staff", role, new OrganisationId(organisation));

        assertThat(TicketAccess.mayRead(caller, reportedTicket())).isEqualTo(expected);
    }

    @Test
    void residentsReadOnlyTheirOwnReports() {
        assertThat(TicketAccess.mayRead(RESIDENT, reportedTicket())).isTrue();
        assertThat(TicketAccess.mayRead(OTHER_RESIDENT, reportedTicket())).isFalse();
    }

    @Test
    void theAssigneeReadsWhatIsAssignedToIt() {
        Ticket dispatched = reportedTicket()
                .dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, NOW)
                .ticket();
        Caller waterOfficer = Caller.staff("user-water", Role.DEPARTMENT_OFFICER, WATER_DEPARTMENT.id());
        Caller otherOfficer = Caller.staff("user-roads", Role.DEPARTMENT_OFFICER, new OrganisationId("dept-roads"));

        assertThat(TicketAccess.mayRead(waterOfficer, dispatched)).isTrue();
        assertThat(TicketAccess.mayRead(otherOfficer, dispatched)).isFalse();
        assertThat(TicketAccess.mayRead(waterOfficer, reportedTicket())).isFalse();
    }

    @Test
    void anUnreadableTicketIsNotFoundRatherThanForbidden() {
        assertThatThrownBy(() -> TicketAccess.requireReadable(OTHER_RESIDENT, reportedTicket()))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        exception -> assertThat(exception.id()).isEqualTo("ticket-1"));
        TicketAccess.requireReadable(RESIDENT, reportedTicket());
    }

    @ParameterizedTest(name = "{0} of {1} reports: {2}")
    @CsvSource({
        "GRID_WORKER, grid-river-1, true",
        "GRID_WORKER, grid-hill-1, false",
        "GRID_PARTY_LEADER, grid-river-1, false",
        "COMMUNITY_SECRETARY, community-river, false",
        "TOWN_DISPATCHER, town-east, true",
        "TOWN_DISPATCHER, town-west, false",
        "TOWN_SUPERVISOR, town-east, true",
        "TOWN_SUPERVISOR, town-west, false",
        "DEPARTMENT_OFFICER, dept-water, false",
        "COUNTY_LEADER, county, false"
    })
    void staffReportWithinTheirJurisdictionThroughTheirChannels(Role role, String organisation, boolean expected) {
        Caller caller = Caller.staff("user-staff", role, new OrganisationId(organisation));

        assertThat(TicketAccess.mayReport(caller, reportedTicket().placement())).isEqualTo(expected);
    }

    @Test
    void residentsReportAnywhereAndTheSystemNever() {
        assertThat(TicketAccess.mayReport(RESIDENT, reportedTicket().placement()))
                .isTrue();
        assertThat(TicketAccess.mayReport(Caller.system(), reportedTicket().placement()))
                .isFalse();
    }

    /** Every caller against every step on a ticket reported by RESIDENT and dispatched to grid-river-1. */
    @ParameterizedTest(name = "{0} of {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RESIDENT | user-resident | EVALUATED REOPENED",
                "RESIDENT | user-other-resident | ",
                "GRID_WORKER | grid-river-1 | ACCEPTED RETURNED ESCALATED RESOLVED",
                "GRID_PARTY_LEADER | grid-river-1 | ACCEPTED RETURNED ESCALATED RESOLVED",
                "GRID_WORKER | grid-river-2 | ",
                "COMMUNITY_SECRETARY | community-river | ",
                "TOWN_DISPATCHER | town-east | DISPATCHED ESCALATED CLOSED CANCELLED",
                "TOWN_DISPATCHER | town-west | ",
                "TOWN_SUPERVISOR | town-east | SUPERVISED",
                "TOWN_SUPERVISOR | town-west | ",
                "DEPARTMENT_OFFICER | dept-water | ",
                "COUNTY_LEADER | county | ",
                "UNIT_OFFICER | unit-school | ",
                "PARTY_MEMBER | community-river | ",
                "SYSTEM | system | DISPATCHED ESCALATED FLAGGED_OVERDUE"
            })
    void theStepsEachCallerMayTake(Role role, String organisationOrUser, String allowed) {
        Caller caller = switch (role) {
            case RESIDENT -> Caller.resident(organisationOrUser);
            case PARTY_MEMBER -> new Caller("user-member", role, Optional.of(new OrganisationId(organisationOrUser)));
            case SYSTEM -> Caller.system();
            case GRID_WORKER,
                    GRID_PARTY_LEADER,
                    COMMUNITY_SECRETARY,
                    TOWN_DISPATCHER,
                    TOWN_SUPERVISOR,
                    DEPARTMENT_OFFICER,
                    COUNTY_LEADER,
                    UNIT_OFFICER -> Caller.staff("user-staff", role, new OrganisationId(organisationOrUser));
        };
        Ticket dispatched = reportedTicket()
                .dispatch(CountyFixture.RIVER_GRID, EAST_DISPATCHER, NOW)
                .ticket();
        java.util.Set<TicketEventType> expected = allowed == null
                ? Set.of()
                : Arrays.stream(allowed.split(" "))
                        .map(TicketEventType::valueOf)
                        .collect(Collectors.toSet());

        java.util.Set<TicketEventType> actual = Arrays.stream(TicketEventType.values())
                .filter(step -> TicketAccess.mayTake(caller, step, dispatched))
                .collect(Collectors.toSet());

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(
            name = "{0} of {1} lists the queue of town-east: {2}, grid-river-1: {3}, grid-river-1's open tickets: {4}")
    @CsvSource({
        "GRID_WORKER, grid-river-1, false, true, true",
        "GRID_WORKER, grid-river-2, false, false, false",
        "COMMUNITY_SECRETARY, community-river, false, true, false",
        "TOWN_DISPATCHER, town-east, true, true, true",
        "TOWN_DISPATCHER, town-west, false, false, false",
        "TOWN_SUPERVISOR, town-east, true, true, true",
        "DEPARTMENT_OFFICER, dept-water, false, false, false",
        "COUNTY_LEADER, county, true, true, true"
    })
    void listsFollowTheJurisdiction(Role role, String organisation, boolean queue, boolean grid, boolean assigned) {
        Caller caller = Caller.staff("user-staff", role, new OrganisationId(organisation));

        assertThat(TicketAccess.mayListQueue(caller, CountyFixture.EAST_TOWN.id()))
                .isEqualTo(queue);
        assertThat(TicketAccess.mayListGrid(caller, reportedTicket().placement()))
                .isEqualTo(grid);
        assertThat(TicketAccess.mayListAssigned(caller, CountyFixture.RIVER_GRID))
                .isEqualTo(assigned);
        assertThat(TicketAccess.mayListQueue(RESIDENT, CountyFixture.EAST_TOWN.id()))
                .isFalse();
    }

    @Test
    void theContactIsForTheHandlingChainOnly() {
        Ticket dispatched = reportedTicket()
                .dispatch(CountyFixture.RIVER_GRID, EAST_DISPATCHER, NOW)
                .ticket();

        assertThat(TicketAccess.maySeeContact(RESIDENT, dispatched)).isTrue();
        assertThat(TicketAccess.maySeeContact(EAST_DISPATCHER, dispatched)).isTrue();
        assertThat(TicketAccess.maySeeContact(
                        Caller.staff("user-grid", Role.GRID_WORKER, new OrganisationId("grid-river-1")), dispatched))
                .isTrue();
        assertThat(TicketAccess.maySeeContact(
                        Caller.staff("user-supervisor", Role.TOWN_SUPERVISOR, new OrganisationId("town-east")),
                        dispatched))
                .isFalse();
        assertThat(TicketAccess.maySeeContact(
                        Caller.staff("user-leader", Role.COUNTY_LEADER, new OrganisationId("county")), dispatched))
                .isFalse();
        assertThat(TicketAccess.maySeeContact(
                        Caller.staff("user-secretary", Role.COMMUNITY_SECRETARY, new OrganisationId("community-river")),
                        dispatched))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} of {1} dispatches: {2}")
    @CsvSource({
        "TOWN_DISPATCHER, town-east, true",
        "TOWN_DISPATCHER, town-west, false",
        "TOWN_SUPERVISOR, town-east, false",
        "COMMUNITY_SECRETARY, community-river, false",
        "GRID_WORKER, grid-river-1, false",
        "COUNTY_LEADER, county, false",
        "DEPARTMENT_OFFICER, dept-water, false"
    })
    void onlyTheTownsDispatcherDispatches(Role role, String organisation, boolean expected) {
        Caller caller = Caller.staff("user-staff", role, new OrganisationId(organisation));

        assertThat(TicketAccess.mayDispatch(caller, reportedTicket())).isEqualTo(expected);
    }

    @Test
    void residentsNeverDispatch() {
        assertThat(TicketAccess.mayDispatch(RESIDENT, reportedTicket())).isFalse();
    }
}
