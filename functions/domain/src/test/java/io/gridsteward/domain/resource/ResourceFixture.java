package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small county for resources: East Town with the River and Lake communities (a grid each), West Town with Hill,
 * a department, and a school that reported in to River.
 */
final class ResourceFixture {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00.123Z");
    static final Validity OPEN_MONTH = new Validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));

    static final Organisation COUNTY = Organisation.county(new OrganisationId("county"), "Demo County");
    static final Organisation EAST_TOWN = Organisation.town(new OrganisationId("town-east"), "East Town", COUNTY.id());
    static final Organisation WEST_TOWN = Organisation.town(new OrganisationId("town-west"), "West Town", COUNTY.id());
    static final Organisation RIVER =
            Organisation.community(new OrganisationId("community-river"), "River", EAST_TOWN.id());
    static final Organisation LAKE =
            Organisation.community(new OrganisationId("community-lake"), "Lake", EAST_TOWN.id());
    static final Organisation HILL =
            Organisation.community(new OrganisationId("community-hill"), "Hill", WEST_TOWN.id());
    static final Organisation RIVER_GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", RIVER.id(), EAST_TOWN.id());
    static final Organisation LAKE_GRID =
            Organisation.grid(new OrganisationId("grid-lake-1"), "Lake 1", LAKE.id(), EAST_TOWN.id());
    static final Organisation HILL_GRID =
            Organisation.grid(new OrganisationId("grid-hill-1"), "Hill 1", HILL.id(), WEST_TOWN.id());
    static final Organisation CIVIL_AFFAIRS =
            Organisation.department(new OrganisationId("dept-civil"), "Civil Affairs", COUNTY.id());
    static final Organisation SCHOOL =
            Organisation.unit(new OrganisationId("unit-school"), "No. 1 School", COUNTY.id());
    static final Organisation HOSPITAL =
            Organisation.unit(new OrganisationId("unit-hospital"), "County Hospital", COUNTY.id());

    static final Caller SCHOOL_OFFICER = Caller.staff("user-school", Role.UNIT_OFFICER, SCHOOL.id());
    static final Caller HOSPITAL_OFFICER = Caller.staff("user-hospital", Role.UNIT_OFFICER, HOSPITAL.id());
    static final Caller CIVIL_OFFICER = Caller.staff("user-civil", Role.DEPARTMENT_OFFICER, CIVIL_AFFAIRS.id());
    static final Caller RIVER_SECRETARY = Caller.staff("user-river-secretary", Role.COMMUNITY_SECRETARY, RIVER.id());
    static final Caller LAKE_SECRETARY = Caller.staff("user-lake-secretary", Role.COMMUNITY_SECRETARY, LAKE.id());
    static final Caller HILL_SECRETARY = Caller.staff("user-hill-secretary", Role.COMMUNITY_SECRETARY, HILL.id());
    static final Caller RIVER_WORKER = Caller.staff("user-river-worker", Role.GRID_WORKER, RIVER_GRID.id());
    static final Caller RIVER_PARTY_LEADER = Caller.staff("user-river-leader", Role.GRID_PARTY_LEADER, RIVER_GRID.id());
    static final Caller LAKE_PARTY_LEADER = Caller.staff("user-lake-leader", Role.GRID_PARTY_LEADER, LAKE_GRID.id());
    static final Caller HILL_PARTY_LEADER = Caller.staff("user-hill-leader", Role.GRID_PARTY_LEADER, HILL_GRID.id());
    static final Caller COUNTY_LEADER = Caller.staff("user-leader", Role.COUNTY_LEADER, COUNTY.id());
    static final Caller EAST_DISPATCHER = Caller.staff("user-east-dispatcher", Role.TOWN_DISPATCHER, EAST_TOWN.id());
    static final Caller MEMBER_ONE = member("member-1", LAKE);
    static final Caller MEMBER_TWO = member("member-2", LAKE);
    static final Caller MEMBER_THREE = member("member-3", RIVER);
    static final Caller HILL_MEMBER = member("member-hill", HILL);
    static final Caller WISHING_RESIDENT = Caller.resident("resident-wish");
    static final Caller NEIGHBOUR = Caller.resident("resident-neighbour");

    static final Provision TEN_CHAIRS = new Provision(ResourceKind.EQUIPMENT, 10, Money.ofFen(5_000));
    static final Provision ONE_VISIT = new Provision(ResourceKind.SERVICES, 1, Money.ofFen(20_000));

    private ResourceFixture() {}

    static Caller member(String userId, Organisation community) {
        return new Caller(userId, Role.PARTY_MEMBER, Optional.of(community.id()));
    }

    static Reach reach(Caller caller) {
        return new Reach(caller, caller.organisationId().map(ResourceFixture::organisation), Set.of());
    }

    /** A unit's officer with the communities the unit declared. */
    static Reach unitReach(Caller officer, Organisation... communities) {
        return new Reach(
                officer,
                officer.organisationId().map(ResourceFixture::organisation),
                Set.copyOf(java.util.Arrays.stream(communities)
                        .map(Organisation::id)
                        .toList()));
    }

    static Organisation organisation(OrganisationId id) {
        return List.of(
                        COUNTY,
                        EAST_TOWN,
                        WEST_TOWN,
                        RIVER,
                        LAKE,
                        HILL,
                        RIVER_GRID,
                        LAKE_GRID,
                        HILL_GRID,
                        CIVIL_AFFAIRS,
                        SCHOOL,
                        HOSPITAL)
                .stream()
                .filter(organisation -> organisation.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Ten chairs the school offers to East Town. */
    static Offer schoolChairs() {
        return Offer.publish(
                        new OfferId("offer-chairs"),
                        SCHOOL,
                        EAST_TOWN,
                        new Title("Folding chairs"),
                        TEN_CHAIRS,
                        OPEN_MONTH,
                        SCHOOL_OFFICER,
                        NOW)
                .state();
    }

    /** River's demand for five volunteers, published at once. */
    static Demand riverVolunteers() {
        return Demand.raise(
                        new DemandId("demand-volunteers"),
                        RIVER,
                        new Title("Volunteers for the elderly canteen"),
                        new Provision(ResourceKind.VOLUNTEERS, 5, Money.ofFen(10_000)),
                        OPEN_MONTH,
                        false,
                        List.of(),
                        RIVER_SECRETARY,
                        NOW)
                .state();
    }

    /** A resident's small wish entered in River's grid, verified by River. */
    static Demand verifiedWish() {
        Demand submitted = Demand.raise(
                        new DemandId("demand-wish"),
                        RIVER_GRID,
                        new Title("A reading lamp"),
                        ONE_VISIT,
                        OPEN_MONTH,
                        true,
                        List.of(WISHING_RESIDENT.userId()),
                        RIVER_WORKER,
                        NOW)
                .state();
        return submitted.verify(RIVER_SECRETARY, NOW).state();
    }

    static ProjectPlan plan() {
        return new ProjectPlan(
                new Title("Lamp for Mrs Wang"),
                List.of(
                        Milestone.planned(new Title("Buy the lamp"), NOW.plus(Duration.ofDays(2))),
                        Milestone.planned(new Title("Install it"), NOW.plus(Duration.ofDays(5)))),
                NOW.plus(Duration.ofDays(7)),
                Optional.empty());
    }
}
