package io.gridsteward.demo;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.AccountChange;
import io.gridsteward.domain.fund.AccountId;
import io.gridsteward.domain.fund.Claim;
import io.gridsteward.domain.fund.ClaimChange;
import io.gridsteward.domain.fund.ClaimId;
import io.gridsteward.domain.fund.ClaimRequest;
import io.gridsteward.domain.fund.ClaimStatus;
import io.gridsteward.domain.fund.DelegatedTask;
import io.gridsteward.domain.fund.DelegatedTaskId;
import io.gridsteward.domain.fund.FiscalYear;
import io.gridsteward.domain.fund.FundKind;
import io.gridsteward.domain.fund.FundRules;
import io.gridsteward.domain.fund.Ledger;
import io.gridsteward.domain.fund.Purpose;
import io.gridsteward.domain.fund.ServedWork;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.fund.ClaimHistory;
import io.gridsteward.store.fund.FundStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The fiscal year behind the fund dashboards, written through the domain and the store exactly as the API writes:
 * the county's and towns' party-building funds, every community's work fund and service-the-masses fund (¥200,000 a
 * year, as Suzhou gives), every grid party group's activity fund, allocated in the first week of January; transfers
 * from the towns down to their grids in spring; admitted tasks delegated by two departments with their money; and
 * claims through the year (reviewed, approved in full or in part, paid, published; some returned and resubmitted,
 * rejected, withdrawn or reversed), each step stopping short of now. Seeded: the same seed gives the same year.
 */
public final class FundYear {
    private static final ZoneId COUNTY_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    private static final FundRules RULES = FundRules.bundled();
    private static final List<String> GRID_PURPOSES =
            List.of("party-activity", "study-materials", "visiting-members-in-need", "volunteer-service");
    private static final List<String> SERVICE_PURPOSES = List.of(
            "residents-small-wishes",
            "public-facilities-repair",
            "elderly-and-children-care",
            "environment-improvement");
    private static final List<String> TASKS = List.of(
            "elderly-care-visits", "flood-prevention-patrol", "garbage-sorting-guidance", "anti-fraud-outreach");

    private final List<Organisation> organisations;
    private final Caller countyLeader;

    public FundYear(DemoCounty county) {
        this.organisations = county.organisations();
        this.countyLeader = Caller.staff(
                "demo-county-leader",
                Role.COUNTY_LEADER,
                only(OrganisationKind.COUNTY).getFirst().id());
    }

    /** Writes the current fiscal year up to {@code now}; returns how many claims were submitted. */
    public int write(FundStore store, Instant now, long seed) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.ofInstant(now, COUNTY_TIME_ZONE);
        FiscalYear year = new FiscalYear(today.getYear());
        Instant opening = today.withDayOfYear(1)
                .plusDays(5)
                .atTime(9, 0)
                .atZone(COUNTY_TIME_ZONE)
                .toInstant();
        if (!opening.isBefore(now)) {
            return 0;
        }
        Organisation county = only(OrganisationKind.COUNTY).getFirst();
        Caller leader = countyLeader;
        allocate(
                store,
                Account.open(FundKind.COUNTY_PARTY_BUILDING, year, county, leader),
                Money.ofFen(200_000_000),
                leader,
                opening);
        int claims = 0;
        for (Organisation town : only(OrganisationKind.TOWN)) {
            Account townFund = allocate(
                    store,
                    Account.open(FundKind.TOWN_PARTY_BUILDING, year, town, leader),
                    Money.ofFen(50_000_000),
                    leader,
                    opening);
            Caller supervisor = Caller.staff("demo-supervisor-" + town.id().value(), Role.TOWN_SUPERVISOR, town.id());
            for (Organisation community : organisations.stream()
                    .filter(organisation -> organisation.kind() == OrganisationKind.COMMUNITY
                            && organisation.town().equals(Optional.of(town.id())))
                    .toList()) {
                allocate(
                        store,
                        Account.open(FundKind.COMMUNITY_WORK, year, community, leader),
                        Money.ofFen(8_000_000),
                        leader,
                        opening);
                Account service = allocate(
                        store,
                        Account.open(FundKind.SERVICE_THE_MASSES, year, community, leader),
                        Money.ofFen(20_000_000),
                        leader,
                        opening);
                Caller secretary = Caller.staff(
                        "demo-secretary-" + community.id().value(), Role.COMMUNITY_SECRETARY, community.id());
                Caller deputy =
                        Caller.staff("demo-deputy-" + community.id().value(), Role.COMMUNITY_SECRETARY, community.id());
                for (int index = 0; index < 8; index++) {
                    claims += claim(
                            store,
                            service.id().value(),
                            secretary,
                            deputy,
                            supervisor,
                            purpose(random, SERVICE_PURPOSES),
                            new ServedWork(
                                    ServedWork.Kind.PROJECT,
                                    "demo-project-" + community.id().value() + "-" + index),
                            50_000,
                            6_000_000,
                            random,
                            opening,
                            now);
                }
                for (Organisation grid : organisations.stream()
                        .filter(organisation -> organisation.kind() == OrganisationKind.GRID
                                && organisation.communityId().equals(Optional.of(community.id())))
                        .toList()) {
                    Account gridFund = allocate(
                            store,
                            Account.open(FundKind.GRID_PARTY_GROUP_ACTIVITY, year, grid, supervisor),
                            Money.ofFen(500_000),
                            supervisor,
                            opening);
                    Instant spring = opening.plus(Duration.ofDays(80));
                    if (spring.isBefore(now)) {
                        store.move(Ledger.transfer(
                                current(store, townFund),
                                current(store, gridFund),
                                Money.ofFen(300_000),
                                "demo-transfer:" + grid.id().value(),
                                supervisor,
                                spring,
                                Optional.of("spring activities")));
                    }
                    Caller partyLeader =
                            Caller.staff("demo-party-leader-" + grid.id().value(), Role.GRID_PARTY_LEADER, grid.id());
                    for (int index = 0; index < 6; index++) {
                        claims += claim(
                                store,
                                gridFund.id().value(),
                                partyLeader,
                                secretary,
                                supervisor,
                                purpose(random, GRID_PURPOSES),
                                new ServedWork(
                                        ServedWork.Kind.ACTIVITY,
                                        "demo-activity-" + grid.id().value() + "-" + index),
                                5_000,
                                120_000,
                                random,
                                opening,
                                now);
                    }
                }
                List<Organisation> departments = only(OrganisationKind.DEPARTMENT);
                for (int task = 0; task < 2 && !departments.isEmpty(); task++) {
                    Instant delegatedAt = opening.plus(Duration.ofDays(20 + random.nextInt(60)));
                    if (!delegatedAt.isBefore(now)) {
                        continue;
                    }
                    Organisation department = departments.get(random.nextInt(Math.min(2, departments.size())));
                    Caller officer = Caller.staff(
                            "demo-officer-" + department.id().value(), Role.DEPARTMENT_OFFICER, department.id());
                    DelegatedTaskId taskId =
                            new DelegatedTaskId("demo-task-" + community.id().value() + "-" + task);
                    AccountChange delegation = DelegatedTask.delegate(
                            taskId,
                            TASKS.get(random.nextInt(TASKS.size())),
                            year,
                            community,
                            Money.ofFen(2_000_000 + 100_000L * random.nextInt(30)),
                            officer,
                            delegatedAt,
                            RULES);
                    store.delegate(delegation);
                    for (int index = 0; index < 3; index++) {
                        claims += claim(
                                store,
                                delegation.accounts().getFirst().id().value(),
                                secretary,
                                deputy,
                                supervisor,
                                new Purpose("delegated-task-work"),
                                new ServedWork(ServedWork.Kind.DELEGATED_TASK, taskId.value()),
                                100_000,
                                800_000,
                                random,
                                delegatedAt,
                                now);
                    }
                }
            }
        }
        return claims;
    }

    /**
     * One claim from {@code accountId} submitted some day after {@code from} and taken as far as it gets before now: 1 if it
     * was submitted, 0 when its day lies ahead or the account could not cover it.
     */
    private int claim(
            FundStore store,
            String accountId,
            Caller claimant,
            Caller reviewer,
            Caller town,
            Purpose purpose,
            ServedWork served,
            long minimumFen,
            long maximumFen,
            Random random,
            Instant from,
            Instant now) {
        Instant at = from.plus(Duration.ofMinutes(60L * 24 * random.nextInt(330) + random.nextInt(9 * 60)));
        if (!at.isBefore(now)) {
            return 0;
        }
        Account account = current(store, new AccountId(accountId));
        Money amount = Money.ofFen(minimumFen + random.nextLong(maximumFen - minimumFen) / 100 * 100);
        ClaimChange submitted;
        try {
            submitted = Claim.submit(
                    new ClaimId("demo-claim-" + accountId.replace(':', '-') + "-"
                            + Long.toHexString(random.nextLong() >>> 16)),
                    account,
                    new ClaimRequest(amount, purpose, served, List.of()),
                    claimant,
                    at,
                    RULES);
        } catch (ValidationException spent) {
            return 0;
        }
        ClaimHistory history = store.submit(submitted, Optional.empty()).history();
        int fate = random.nextInt(20);
        List<Step> steps = List.of(
                claim -> fate == 0
                        ? claim.withdraw(
                                Optional.of("done without money"),
                                claimant,
                                claim.updatedAt().plus(days(random, 1, 3)))
                        : fate == 1
                                ? claim.reject(
                                        "not an allowed use",
                                        reviewer,
                                        claim.updatedAt().plus(days(random, 1, 4)))
                                : claim.review(
                                        Optional.empty(),
                                        reviewer,
                                        claim.updatedAt().plus(days(random, 1, 4))),
                claim -> fate == 2
                        ? claim.giveBack(
                                "the invoice is missing",
                                town,
                                claim.updatedAt().plus(days(random, 1, 5)))
                        : approve(claim, random, town, claim.updatedAt().plus(days(random, 1, 6))),
                claim -> claim.status() == ClaimStatus.RETURNED
                        ? claim.resubmit(
                                Optional.empty(),
                                List.of(),
                                claimant,
                                claim.updatedAt().plus(days(random, 1, 5)))
                        : claim.status() == ClaimStatus.TOWN_APPROVED
                                ? claim.approve(
                                        claim.amount(),
                                        Optional.empty(),
                                        countyLeader,
                                        claim.updatedAt().plus(days(random, 1, 7)),
                                        RULES)
                                : claim.pay(
                                        Optional.empty(),
                                        town,
                                        claim.updatedAt().plus(days(random, 2, 12))),
                claim -> claim.status() == ClaimStatus.PAID
                        ? claim.publish(reviewer, claim.updatedAt().plus(days(random, 1, 3)))
                        : claim.status() == ClaimStatus.APPROVED
                                ? claim.pay(
                                        Optional.empty(),
                                        town,
                                        claim.updatedAt().plus(days(random, 2, 12)))
                                : claim.status() == ClaimStatus.SUBMITTED
                                        ? claim.review(
                                                Optional.empty(),
                                                reviewer,
                                                claim.updatedAt().plus(days(random, 1, 4)))
                                        : null,
                claim -> claim.status() == ClaimStatus.PUBLISHED && fate == 3
                        ? claim.reverse(
                                Money.ofFen(claim.amount().fen() / 4),
                                "part of the money was not spent",
                                town,
                                claim.updatedAt().plus(days(random, 5, 20)))
                        : null);
        for (Step step : steps) {
            if (!history.claim().status().holdsReservation()
                    && history.claim().status() != ClaimStatus.PAID
                    && history.claim().status() != ClaimStatus.PUBLISHED) {
                break;
            }
            ClaimChange change = step.take(history.claim());
            if (change == null || !change.event().at().isBefore(now)) {
                break;
            }
            history = store.step(history, change, Optional.empty()).history();
        }
        return 1;
    }

    private static ClaimChange approve(Claim claim, Random random, Caller town, Instant at) {
        Money sanctioned = random.nextInt(4) == 0 ? Money.ofFen(claim.amount().fen() * 8 / 10) : claim.amount();
        return claim.approve(sanctioned, Optional.empty(), town, at, RULES);
    }

    private List<Organisation> only(OrganisationKind kind) {
        return organisations.stream()
                .filter(organisation -> organisation.kind() == kind)
                .toList();
    }

    private static Account allocate(FundStore store, Account opened, Money amount, Caller by, Instant at) {
        Account account = store.open(opened);
        store.move(Ledger.allocate(
                account, amount, "demo-allocation:" + account.id().value(), by, at, Optional.of("annual budget")));
        return current(store, account);
    }

    private static Account current(FundStore store, Account account) {
        return current(store, account.id());
    }

    private static Account current(FundStore store, AccountId id) {
        return store.findAccount(id).orElseThrow();
    }

    private static Purpose purpose(Random random, List<String> codes) {
        return new Purpose(codes.get(random.nextInt(codes.size())));
    }

    private static Duration days(Random random, int minimum, int maximum) {
        return Duration.ofMinutes(
                60L * 24 * (minimum + random.nextInt(maximum - minimum + 1)) + random.nextInt(8 * 60));
    }

    @FunctionalInterface
    private interface Step {
        ClaimChange take(Claim claim);
    }
}
