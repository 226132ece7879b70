package io.gridsteward.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static io.gridsteward.domain.CountyFixture.EAST_DISPATCHER;
import static io.gridsteward.domain.CountyFixture.NOW;
import static io.gridsteward.domain.CountyFixture.OTHER_RESIDENT;
import static io.gridsteward.domain.CountyFixture.RESIDENT;
import static io.gridsteward.domain.CountyFixture.WATER_DEPARTMENT;
import static io.gridsteward.domain.CountyFixture.reportedTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            "COUNTY_LEADER, county, true"})
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
        Ticket dispatched = reportedTicket().dispatch(WATER_DEPARTMENT, EAST_DISPATCHER, NOW).ticket();
        Caller waterOfficer = Caller.staff("user-water", Role.DEPARTMENT_OFFICER, WATER_DEPARTMENT.id());
        Caller otherOfficer = Caller.staff("user-roads", Role.DEPARTMENT_OFFICER, new OrganisationId("dept-roads"));

        assertThat(TicketAccess.mayRead(waterOfficer, dispatched)).isTrue();
        assertThat(TicketAccess.mayRead(otherOfficer, dispatched)).isFalse();
        assertThat(TicketAccess.mayRead(waterOfficer, reportedTicket())).isFalse();
    }

    @Test
    void anUnreadableTicketIsNotFoundRatherThanForbidden() {
        assertThatThrownBy(() -> TicketAccess.requireReadable(OTHER_RESIDENT, reportedTicket()))
                .isInstanceOfSatisfying(NotFoundException.class, exception -> assertThat(exception.id()).isEqualTo("ticket-1"));
        TicketAccess.requireReadable(RESIDENT, reportedTicket());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void onlyResidentsAndGridWorkersReport(Role role) {
        Caller caller = role == Role.RESIDENT ? RESIDENT : Caller.staff("user-staff", role, new OrganisationId("grid-river-1"));

        boolean expected = role == Role.RESIDENT || role == Role.GRID_WORKER;
        assertThat(TicketAccess.mayReport(caller, reportedTicket().placement())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} dispatches: {2}")
    @CsvSource({
            "TOWN_DISPATCHER, town-east, true",
            "TOWN_DISPATCHER, town-west, false",
            "TOWN_SUPERVISOR, town-east, false",
            "COMMUNITY_SECRETARY, community-river, false",
            "GRID_WORKER, grid-river-1, false",
            "COUNTY_LEADER, county, false",
            "DEPARTMENT_OFFICER, dept-water, false"})
    void onlyTheTownsDispatcherDispatches(Role role, String organisation, boolean expected) {
        Caller caller = Caller.staff("user-staff", role, new OrganisationId(organisation));

        assertThat(TicketAccess.mayDispatch(caller, reportedTicket())).isEqualTo(expected);
    }

    @Test
    void residentsNeverDispatch() {
        assertThat(TicketAccess.mayDispatch(RESIDENT, reportedTicket())).isFalse();
    }
}
