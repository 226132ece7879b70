package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A small county for fund rules: two towns, a community and a grid in each, one department, and their people. */
final class FundFixture {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00.123Z");
    static final FiscalYear YEAR = new FiscalYear(2026);
    static final FundRules RULES = FundRules.bundled();

    static final Organisation COUNTY = Organisation.county(new OrganisationId("county"), "Demo County");
    static final Organisation EAST_TOWN = Organisation.town(new OrganisationId("town-east"), "East Town", COUNTY.id());
    static final Organisation WEST_TOWN = Organisation.town(new OrganisationId("town-west"), "West Town", COUNTY.id());
    static final Organisation RIVER =
            Organisation.community(new OrganisationId("community-river"), "River", EAST_TOWN.id());
    static final Organisation HILL =
            Organisation.community(new OrganisationId("community-hill"), "Hill", WEST_TOWN.id());
    static final Organisation RIVER_GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", RIVER.id(), EAST_TOWN.id());
    static final Organisation HILL_GRID =
            Organisation.grid(new OrganisationId("grid-hill-1"), "Hill 1", HILL.id(), WEST_TOWN.id());
    static final Organisation CIVIL_AFFAIRS =
            Organisation.department(new OrganisationId("dept-civil-affairs"), "Civil Affairs Bureau", COUNTY.id());

    static final Caller COUNTY_LEADER = Caller.staff("user-county-leader", Role.COUNTY_LEADER, COUNTY.id());
    static final Caller EAST_SUPERVISOR = Caller.staff("user-east-supervisor", Role.TOWN_SUPERVISOR, EAST_TOWN.id());
    static final Caller WEST_SUPERVISOR = Caller.staff("user-west-supervisor", Role.TOWN_SUPERVISOR, WEST_TOWN.id());
    static final Caller RIVER_SECRETARY = Caller.staff("user-river-secretary", Role.COMMUNITY_SECRETARY, RIVER.id());
    static final Caller HILL_SECRETARY = Caller.staff("user-hill-secretary", Role.COMMUNITY_SECRETARY, HILL.id());
    static final Caller RIVER_PARTY_LEADER =
            Caller.staff("user-river-party-leader", Role.GRID_PARTY_LEADER, RIVER_GRID.id());
    static final Caller RIVER_GRID_WORKER = Caller.staff("user-river-grid-worker", Role.GRID_WORKER, RIVER_GRID.id());
    static final Caller CIVIL_AFFAIRS_OFFICER =
            Caller.staff("user-civil-affairs", Role.DEPARTMENT_OFFICER, CIVIL_AFFAIRS.id());

    private FundFixture() {}

    static Money yuan(long yuan) {
        return Money.ofFen(yuan * 100);
    }

    /** The River grid party group's activity fund with {@code funded} allocated. */
    static Account gridFund(Money funded) {
        Account opened = Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, YEAR, RIVER_GRID, EAST_SUPERVISOR);
        return Ledger.allocate(opened, funded, "allocation-1", EAST_SUPERVISOR, NOW, Optional.empty())
                .accounts()
                .getFirst();
    }

    static Account serviceFund(Money funded) {
        Account opened = Account.open(FundKind.SERVICE_THE_MASSES, YEAR, RIVER, COUNTY_LEADER);
        return Ledger.allocate(opened, funded, "allocation-2", COUNTY_LEADER, NOW, Optional.empty())
                .accounts()
                .getFirst();
    }

    static ClaimRequest activityClaim(Money amount) {
        return new ClaimRequest(
                amount,
                new Purpose("party-activity"),
                new ServedWork(ServedWork.Kind.ACTIVITY, "activity-42"),
                List.of());
    }

    static ClaimChange submitted(Account account, Money amount) {
        return Claim.submit(new ClaimId("claim-1"), account, activityClaim(amount), RIVER_PARTY_LEADER, NOW, RULES);
    }
}
