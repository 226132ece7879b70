package io.gridsteward.demo;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.Change;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.DemandStatus;
import io.gridsteward.domain.resource.EvidenceKey;
import io.gridsteward.domain.resource.FollowUpOutcome;
import io.gridsteward.domain.resource.FundReference;
import io.gridsteward.domain.resource.Milestone;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ProjectPlan;
import io.gridsteward.domain.resource.Provision;
import io.gridsteward.domain.resource.Reach;
import io.gridsteward.domain.resource.Reason;
import io.gridsteward.domain.resource.ResourceKind;
import io.gridsteward.domain.resource.Title;
import io.gridsteward.domain.resource.UnitCommunities;
import io.gridsteward.domain.resource.Validity;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.resource.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A past year of resources moved down in the demo county, written through the domain and the store: resident units
 * (seeded here until the party context seeds units and members) and departments offer venues, equipment, volunteers,
 * services and money to the towns' pools; communities and grids raise demands and residents' small wishes, verified
 * by their community; communities claim offers, units, party groups and members (alone or three together) claim
 * demands; most claims become projects that complete with photo evidence, are rated by the residents they served
 * and visited by the community, a few are declined or left running.
 */
public final class ResourceDemo {

    private static final Duration YEAR = Duration.ofDays(365);
    private static final List<String> UNITS = List.of(
            "unit-county-hospital",
            "unit-no1-middle-school",
            "unit-power-supply",
            "unit-rural-bank",
            "unit-post-office",
            "unit-tax-bureau");
    private static final List<String> OFFER_TITLES = List.of("会议室借用", "折叠桌椅", "志愿者服务队", "义诊服务", "助学金");
    private static final List<String> DEMAND_TITLES = List.of("老年食堂场地", "电动轮椅", "周末助老志愿者", "家电维修", "困难家庭帮扶金");
    private static final List<String> WISHES = List.of("一盏护眼台灯", "一台收音机", "上门理发", "一套冬衣", "陪同就医");

    private final List<Organisation> towns;
    private final List<Organisation> communities;
    private final List<Organisation> grids;
    private final List<Organisation> departments;
    private final List<Organisation> units;
    private final Map<OrganisationId, Set<OrganisationId>> declared = new HashMap<>();

    public ResourceDemo(DemoCounty county) {
        List<Organisation> all = county.organisations();
        OrganisationId countyId = all.getFirst().id();
        this.towns = all.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.TOWN)
                .toList();
        this.communities = all.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.COMMUNITY)
                .toList();
        this.grids = all.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.GRID)
                .toList();
        this.departments = all.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.DEPARTMENT)
                .toList();
        this.units = UNITS.stream()
                .map(id -> Organisation.unit(new OrganisationId(id), id, countyId))
                .toList();
    }

    /** Seeds the units and their declared communities, then writes the year before {@code now}; returns the events written. */
    public int write(OrganisationStore organisations, ResourceStore store, Instant now, long seed) {
        Random random = new Random(seed);
        units.forEach(organisations::put);
        Instant yearAgo = now.minus(YEAR);
        for (Organisation unit : units) {
            List<Organisation> reportedIn =
                    List.of(pick(random, communities), pick(random, communities), pick(random, communities)).stream()
                            .distinct()
                            .toList();
            UnitCommunities declaration = UnitCommunities.declare(unit, reportedIn, officer(unit), yearAgo);
            store.declare(declaration);
            declared.put(unit.id(), declaration.communities());
        }
        int events = 0;
        for (int index = 0; index < 180; index++) {
            events += offer(
                    store,
                    random,
                    yearAgo.plus(Duration.ofMinutes(random.nextLong(YEAR.toMinutes() - 30 * 24 * 60))),
                    index,
                    now);
        }
        for (int index = 0; index < 260; index++) {
            events += demand(
                    store,
                    random,
                    yearAgo.plus(Duration.ofMinutes(random.nextLong(YEAR.toMinutes() - 30 * 24 * 60))),
                    index,
                    now);
        }
        return events;
    }

    private int offer(ResourceStore store, Random random, Instant at, int index, Instant now) {
        boolean byUnit = random.nextInt(3) > 0;
        Organisation town = pick(random, towns);
        Organisation provider = random.nextInt(5) == 0
                ? pick(
                        random,
                        communities.stream()
                                .filter(community -> community.town().equals(Optional.of(town.id())))
                                .toList())
                : byUnit ? pick(random, units) : pick(random, departments);
        int kind = random.nextInt(ResourceKind.values().length);
        Provision provision = kind == ResourceKind.MONEY.ordinal()
                ? Provision.money(100_000L * (5 + random.nextInt(50)))
                : new Provision(
                        ResourceKind.values()[kind],
                        2 + random.nextInt(20),
                        Money.ofFen(5_000L * (1 + random.nextInt(40))));
        Change<Offer> published = Offer.publish(
                new OfferId("demo-offer-%03d".formatted(index)),
                provider,
                town,
                new Title(OFFER_TITLES.get(kind)),
                provision,
                new Validity(at, at.plus(Duration.ofDays(60))),
                officer(provider),
                at);
        store.publish(published);
        int events = 1;
        Offer offer = published.state();
        Instant claimedAt = at;
        List<Organisation> claimers = communities.stream()
                .filter(community -> community.town().equals(Optional.of(town.id()))
                        && !community.id().equals(provider.id()))
                .toList();
        for (int claim = 0; claim < 1 + random.nextInt(3) && offer.remaining() > 0; claim++) {
            claimedAt = claimedAt.plus(Duration.ofMinutes(30 + random.nextInt(5 * 24 * 60)));
            Organisation community = pick(random, claimers);
            long quantity = offer.provision().kind() == ResourceKind.MONEY
                    ? offer.remaining() / 2 + 1
                    : 1 + random.nextInt((int) Math.min(offer.remaining(), 5));
            Change<Claim> claimed = offer.claim(
                    new ClaimId("demo-claim-o%03d-%d".formatted(index, claim)),
                    Math.min(quantity, offer.remaining()),
                    Reach.of(secretary(community), Optional.of(community)),
                    claimedAt);
            store.claim(claimed, Optional.empty());
            offer = store.findOffer(offer.id()).orElseThrow().state();
            events += 1
                    + carryOut(store, random, claimed.state(), officer(provider), secretary(community), List.of(), now);
        }
        return events;
    }

    private int demand(ResourceStore store, Random random, Instant at, int index, Instant now) {
        Organisation grid = pick(random, grids);
        Organisation community = communities.stream()
                .filter(candidate -> candidate.id().equals(grid.communityId().orElseThrow()))
                .findFirst()
                .orElseThrow();
        boolean wish = random.nextInt(3) == 0;
        int kind = random.nextInt(ResourceKind.values().length);
        List<String> beneficiaries = wish ? List.of("demo-resident-%03d".formatted(random.nextInt(400))) : List.of();
        Provision provision = wish
                ? new Provision(ResourceKind.SERVICES, 1, Money.ofFen(5_000L + random.nextInt(30_000)))
                : kind == ResourceKind.MONEY.ordinal()
                        ? Provision.money(50_000L * (2 + random.nextInt(40)))
                        : new Provision(
                                ResourceKind.values()[kind],
                                1 + random.nextInt(8),
                                Money.ofFen(10_000L * (1 + random.nextInt(20))));
        Title title = new Title(wish ? WISHES.get(random.nextInt(WISHES.size())) : DEMAND_TITLES.get(kind));
        Organisation place = wish || random.nextBoolean() ? grid : community;
        Caller raiser = wish
                ? staff("demo-grid-worker-" + grid.id().value(), Role.GRID_WORKER, grid)
                : place == community || random.nextBoolean()
                        ? secretary(community)
                        : staff("demo-party-leader-" + grid.id().value(), Role.GRID_PARTY_LEADER, grid);
        Change<Demand> raised = Demand.raise(
                new DemandId("demo-demand-%03d".formatted(index)),
                place,
                title,
                provision,
                new Validity(at, at.plus(Duration.ofDays(45))),
                wish,
                beneficiaries,
                raiser,
                at);
        store.raise(raised);
        int events = 1;
        Demand demand = raised.state();
        Instant published = at;
        if (wish) {
            published = at.plus(Duration.ofMinutes(20 + random.nextInt(2 * 24 * 60)));
            Change<Demand> verified = random.nextInt(10) == 0
                    ? demand.reject(new Reason("核实后不符合条件"), secretary(community), published)
                    : demand.verify(secretary(community), published);
            store.transition(demand, verified);
            events++;
            demand = verified.state();
        }
        Instant claimedAt = published;
        int claims = demand.status() == DemandStatus.PUBLISHED ? 1 + random.nextInt(3) : 0;
        for (int claim = 0; claim < claims && demand.remaining() > 0; claim++) {
            claimedAt = claimedAt.plus(
                    wish
                            ? Duration.ofMinutes(2 + random.nextInt(240))
                            : Duration.ofMinutes(60 + random.nextInt(6 * 24 * 60)));
            if (!demand.validity().contains(claimedAt)) {
                break;
            }
            Change<Claim> claimed;
            Caller claimer;
            try {
                int who = random.nextInt(4);
                long quantity = 1 + random.nextInt((int) Math.min(demand.remaining(), 4));
                ClaimId id = new ClaimId("demo-claim-d%03d-%d".formatted(index, claim));
                List<Organisation> reportedIn = units.stream()
                        .filter(unit -> declared.get(unit.id()).contains(community.id()))
                        .toList();
                if (who == 0 && !reportedIn.isEmpty()) {
                    Organisation unit = pick(random, reportedIn);
                    claimer = officer(unit);
                    claimed = demand.claim(
                            id,
                            quantity,
                            new Reach(claimer, Optional.of(unit), declared.get(unit.id())),
                            Optional.empty(),
                            List.of(),
                            claimedAt);
                } else if (who <= 1) {
                    claimer = staff("demo-party-leader-" + grid.id().value(), Role.GRID_PARTY_LEADER, grid);
                    claimed = demand.claim(
                            id,
                            quantity,
                            Reach.of(claimer, Optional.of(grid)),
                            Optional.of("party-group-" + grid.id().value()),
                            List.of(),
                            claimedAt);
                } else {
                    claimer = new Caller(
                            "demo-member-%03d".formatted(random.nextInt(300)),
                            Role.PARTY_MEMBER,
                            Optional.of(community.id()));
                    List<String> together = who == 3
                            ? List.of(
                                    "demo-member-%03d".formatted(300 + random.nextInt(100)),
                                    "demo-member-%03d".formatted(400 + random.nextInt(100)))
                            : List.of();
                    claimed = demand.claim(
                            id,
                            quantity,
                            Reach.of(claimer, Optional.of(community)),
                            Optional.empty(),
                            together,
                            claimedAt);
                }
            } catch (IllegalTransitionException closed) {
                break;
            }
            store.claim(claimed, Optional.empty());
            demand = store.findDemand(demand.id()).orElseThrow().state();
            events += 1 + carryOut(store, random, claimed.state(), secretary(community), claimer, beneficiaries, now);
        }
        return events;
    }

    /** Decides a claim and carries its project as far as the year allows: declined, running, or completed, rated and visited. */
    private int carryOut(
            ResourceStore store,
            Random random,
            Claim claim,
            Caller decider,
            Caller owner,
            List<String> served,
            Instant now) {
        Instant decidedAt = claim.claimedAt().plus(Duration.ofMinutes(10 + random.nextInt(24 * 60)));
        if (random.nextInt(12) == 0) {
            store.decline(claim, claim.decline(new Reason("资源已另行安排"), decider, decidedAt));
            return 1;
        }
        Instant dueAt = decidedAt.plus(Duration.ofDays(7 + random.nextInt(30)));
        Optional<FundReference> funding = claim.item().kind() == ResourceKind.MONEY
                ? Optional.of(new FundReference(
                        random.nextBoolean() ? FundReference.Kind.FUND_ACCOUNT : FundReference.Kind.DELEGATED_TASK,
                        "demo-fund-" + claim.community().value()))
                : Optional.empty();
        Claim.Accepted accepted = claim.accept(
                new ProjectPlan(
                        new Title("项目：" + claim.item().kind()),
                        List.of(
                                Milestone.planned(new Title("准备"), decidedAt.plus(Duration.ofDays(2))),
                                Milestone.planned(new Title("实施"), dueAt)),
                        dueAt,
                        funding),
                decider,
                decidedAt);
        store.accept(claim, accepted);
        int events = 2;
        Project project = accepted.project().state();
        Instant completedAt = decidedAt.plus(Duration.ofHours(6 + random.nextInt(20 * 24)));
        if (completedAt.isAfter(now) || random.nextInt(10) == 0) {
            return events;
        }
        EvidenceKey photo = new EvidenceKey("resources/projects/" + project.id().value() + "/demo.jpg");
        project = apply(
                store,
                project,
                project.completeMilestone(0, Optional.empty(), owner, decidedAt.plus(Duration.ofHours(3))));
        project = apply(store, project, project.issueEvidence(photo, owner, completedAt.minus(Duration.ofMinutes(30))));
        List<String> residents = served.isEmpty()
                ? List.of(
                        "demo-resident-%03d".formatted(random.nextInt(400)),
                        "demo-resident-%03d".formatted(400 + random.nextInt(400)))
                : List.of();
        project = apply(
                store,
                project,
                project.complete(new Reason("已完成"), List.of(photo), Set.of(photo), residents, owner, completedAt));
        events += 3;
        for (String resident : project.servedResidentIds()) {
            Instant ratedAt = completedAt.plus(Duration.ofHours(2 + random.nextInt(72)));
            if (random.nextInt(4) > 0 && ratedAt.isBefore(now)) {
                int rating = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 4 + random.nextInt(2);
                project = apply(
                        store, project, project.rate(rating, Optional.empty(), Caller.resident(resident), ratedAt));
                events++;
            }
        }
        if (random.nextBoolean() && completedAt.plus(Duration.ofDays(5)).isBefore(now)) {
            FollowUpOutcome outcome = random.nextInt(15) == 0 ? FollowUpOutcome.TOKEN : FollowUpOutcome.CONFIRMED;
            Caller secretary = secretary(communities.stream()
                    .filter(community -> community.id().equals(claim.community()))
                    .findFirst()
                    .orElseThrow());
            project = apply(
                    store,
                    project,
                    project.followUp(outcome, new Reason("回访"), secretary, completedAt.plus(Duration.ofDays(5))));
            events++;
        }
        return events;
    }

    private static Project apply(ResourceStore store, Project current, Change<Project> change) {
        store.transition(current, change);
        return change.state();
    }

    private static Caller officer(Organisation provider) {
        Role role = switch (provider.kind()) {
            case UNIT -> Role.UNIT_OFFICER;
            case DEPARTMENT -> Role.DEPARTMENT_OFFICER;
            case COMMUNITY -> Role.COMMUNITY_SECRETARY;
            case COUNTY, TOWN, GRID -> throw new IllegalArgumentException(provider.kind() + " provides nothing");
        };
        return staff("demo-officer-" + provider.id().value(), role, provider);
    }

    private static Caller secretary(Organisation community) {
        return staff("demo-secretary-" + community.id().value(), Role.COMMUNITY_SECRETARY, community);
    }

    private static Caller staff(String userId, Role role, Organisation organisation) {
        return Caller.staff(userId, role, organisation.id());
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
