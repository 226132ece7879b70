package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.util.Optional;

/** A small county: two towns, a community and a grid in each, one department. */
final class CountyFixture {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00.123Z");

    static final Organisation COUNTY = Organisation.county(new OrganisationId("county"), "Demo County");
    static final Organisation EAST_TOWN = Organisation.town(new OrganisationId("town-east"), "East Town", COUNTY.id());
    static final Organisation WEST_TOWN = Organisation.town(new OrganisationId("town-west"), "West Town", COUNTY.id());
    static final Organisation RIVER_COMMUNITY =
            Organisation.community(new OrganisationId("community-river"), "River", EAST_TOWN.id());
    static final Organisation HILL_COMMUNITY =
            Organisation.community(new OrganisationId("community-hill"), "Hill", WEST_TOWN.id());
    static final Organisation RIVER_GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", RIVER_COMMUNITY.id(), EAST_TOWN.id());
    static final Organisation RIVER_GRID_TWO =
            Organisation.grid(new OrganisationId("grid-river-2"), "River 2", RIVER_COMMUNITY.id(), EAST_TOWN.id());
    static final Organisation HILL_GRID =
            Organisation.grid(new OrganisationId("grid-hill-1"), "Hill 1", HILL_COMMUNITY.id(), WEST_TOWN.id());
    static final Organisation WATER_DEPARTMENT =
            Organisation.department(new OrganisationId("dept-water"), "Water Bureau", COUNTY.id());
    static final Organisation SCHOOL_UNIT =
            Organisation.unit(new OrganisationId("unit-school"), "No. 1 School", COUNTY.id());

    static final SlaPolicy SLA = SlaPolicy.bundled();

    static final Caller RESIDENT = Caller.resident("user-resident");
    static final Caller OTHER_RESIDENT = Caller.resident("user-other-resident");
    static final Caller EAST_DISPATCHER = Caller.staff("user-east-dispatcher", Role.TOWN_DISPATCHER, EAST_TOWN.id());
    static final Caller WEST_DISPATCHER = Caller.staff("user-west-dispatcher", Role.TOWN_DISPATCHER, WEST_TOWN.id());

    static final TicketReport POTHOLE = new TicketReport(
            new Category("road-damage"),
            new Description("A deep pothole by the bus stop"),
            new Location(30.25, 120.16),
            Optional.empty());

    private CountyFixture() {}

    static Ticket reportedTicket() {
        return Ticket.report(new TicketId("ticket-1"), POTHOLE, RIVER_GRID, RESIDENT, NOW, SLA)
                .ticket();
    }

    /** The reported ticket put straight into a status, as if its history had led there. */
    static Ticket ticketIn(TicketStatus status) {
        Ticket reported = reportedTicket();
        return ticketIn(status, reported.assignee());
    }

    /** As {@link #ticketIn(TicketStatus)}, with an assignee. */
    static Ticket ticketIn(TicketStatus status, Optional<Assignee> assignee) {
        Ticket reported = reportedTicket();
        return new Ticket(
                reported.id(),
                status,
                reported.category(),
                reported.description(),
                reported.placement(),
                reported.location(),
                reported.reporterId(),
                reported.channel(),
                reported.reportedAt(),
                assignee,
                3,
                NOW,
                reported.priority(),
                reported.sla(),
                reported.deadlines(),
                Optional.empty(),
                reported.reporterPhone(),
                reported.resolution(),
                reported.evaluation());
    }
}
