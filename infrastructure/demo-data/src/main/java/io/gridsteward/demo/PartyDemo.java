package io.gridsteward.demo;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityDraft;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.ActivityWindow;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceChange;
import io.gridsteward.domain.party.CheckInTokens;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentChange;
import io.gridsteward.domain.party.EnrolmentRequest;
import io.gridsteward.domain.party.EnrolmentStatus;
import io.gridsteward.domain.party.Geofence;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.SignUp;
import io.gridsteward.store.party.PartyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The year behind the party dashboards (双报到, 一人一档): in every community of the demo county, in-service and scattered
 * members, a sunk cadre and two resident units report in and are placed in grid party groups (some moved later, most
 * renewing every half-year); the community and its groups publish about two activities a month, members sign up and
 * check in and out with the QR token and their position (some forget to check out and the auto check-out closes them,
 * some leave early, some get their hours certified). Written through the domain and the store as the API and the job
 * write them, so everything reaches the lake by the table's stream. Seeded: the same seed gives the same year.
 */
public final class PartyDemo {

    private static final ZoneId COUNTY_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MEMBERS_PER_COMMUNITY = 10;
    private static final int ACTIVITIES_PER_COMMUNITY = 24;
    private static final String[] TITLES = {"楼道清洁志愿服务", "夜间平安巡逻", "党小组学习会", "文明交通志愿岗", "关爱独居老人上门服务", "垃圾分类宣传"};

    private final List<Organisation> communities;
    private final Map<OrganisationId, List<Organisation>> gridsOf;
    private final Map<OrganisationId, DemoCounty.Grid> gridPlaces;
    private final PartyRules rules;

    public PartyDemo(DemoCounty county) {
        List<Organisation> organisations = county.organisations();
        this.communities = organisations.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.COMMUNITY)
                .toList();
        this.gridsOf = organisations.stream()
                .filter(organisation -> organisation.kind() == OrganisationKind.GRID)
                .collect(Collectors.groupingBy(grid -> grid.communityId().orElseThrow()));
        this.gridPlaces = county.towns().stream()
                .flatMap(town -> town.communities().stream())
                .flatMap(community -> community.grids().stream())
                .collect(Collectors.toMap(grid -> new OrganisationId(grid.id()), Function.identity()));
        this.rules = PartyRules.bundled(new OrganisationId(county.county().id()));
    }

    /** What the year wrote. */
    public record Written(int enrolments, int activities, int signUps, int attendances) {}

    /** Writes a year of report-ins, activities and check-ins ending before {@code now}, and this month's activities ahead. */
    public Written write(PartyStore store, Instant now, long seed) {
        Random random = new Random(seed);
        AtomicLong nonces = new AtomicLong();
        byte[] key = new byte[32];
        random.nextBytes(key);
        CheckInTokens tokens = new CheckInTokens(key, rules.tokenValidity(), () -> "demo-" + nonces.incrementAndGet());
        Instant yearStart = now.minus(Duration.ofDays(365));
        int enrolments = 0;
        int activities = 0;
        int signUps = 0;
        int attendances = 0;
        for (Organisation community : communities) {
            List<Organisation> grids = gridsOf.get(community.id());
            Caller secretary =
                    Caller.staff("demo-secretary-" + community.id().value(), Role.COMMUNITY_SECRETARY, community.id());
            List<Enrolment> people = new ArrayList<>();
            for (int index = 0; index < MEMBERS_PER_COMMUNITY + 3; index++) {
                Instant reported = yearStart.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
                Enrolment enrolment = enrol(store, community, grids, secretary, index, reported, now, random);
                enrolments++;
                if (enrolment.kind().isPerson()) {
                    people.add(enrolment);
                }
            }
            for (int index = 0; index < ACTIVITIES_PER_COMMUNITY; index++) {
                Organisation organiser = index % 3 == 0 ? community : grids.get(random.nextInt(grids.size()));
                LocalDate day = LocalDate.ofInstant(
                        yearStart.plus(Duration.ofDays(70 + random.nextInt(300))), COUNTY_TIME_ZONE);
                // Mostly daytime; now and then an evening patrol that runs past midnight.
                int hour = random.nextInt(8) == 0 ? 22 : 8 + random.nextInt(10);
                Instant start = day.atTime(hour, random.nextBoolean() ? 0 : 30)
                        .atZone(COUNTY_TIME_ZONE)
                        .toInstant();
                ActivityWindow window =
                        new ActivityWindow(start, start.plus(Duration.ofMinutes(90 + 30L * random.nextInt(4))));
                DemoCounty.Grid place = gridPlaces.get(
                        organiser.kind() == OrganisationKind.GRID
                                ? organiser.id()
                                : grids.getFirst().id());
                Caller publisher = organiser.kind() == OrganisationKind.GRID
                        ? Caller.staff("demo-leader-" + organiser.id().value(), Role.GRID_PARTY_LEADER, organiser.id())
                        : secretary;
                Activity activity = Activity.publish(
                        new ActivityId(
                                "demo-activity-%s-%02d".formatted(community.id().value(), index)),
                        new ActivityDraft(
                                ActivityKind.values()[random.nextInt(ActivityKind.values().length)],
                                TITLES[random.nextInt(TITLES.length)],
                                window,
                                new Geofence(new Location(place.latitude(), place.longitude()), 150),
                                8 + random.nextInt(8)),
                        organiser,
                        publisher,
                        start.minus(Duration.ofDays(7)));
                store.create(activity);
                activities++;
                List<Enrolment> takers = new ArrayList<>(people.stream()
                        .filter(person -> person.status() == EnrolmentStatus.CONFIRMED
                                && person.firstReportedAt().isBefore(start.minus(Duration.ofDays(2))))
                        .toList());
                Collections.shuffle(takers, random);
                for (Enrolment person : takers.subList(
                        0, Math.min(takers.size(), Math.min(activity.capacity(), 3 + random.nextInt(6))))) {
                    Caller member = caller(person);
                    SignUp signUp = activity.signUp(person, member, start.minus(Duration.ofDays(1)));
                    store.signUp(signUp);
                    signUps++;
                    if (!window.endsAt().isBefore(now) || random.nextInt(10) == 0) {
                        continue;
                    }
                    attend(store, tokens, activity, signUp, member, publisher, random);
                    attendances++;
                }
            }
        }
        return new Written(enrolments, activities, signUps, attendances);
    }

    private void attend(
            PartyStore store,
            CheckInTokens tokens,
            Activity activity,
            SignUp signUp,
            Caller member,
            Caller organiser,
            Random random) {
        ActivityWindow window = activity.window();
        Instant in = window.startsAt().plus(Duration.ofMinutes(random.nextInt(25) - 10));
        Location position = near(activity.fence().centre(), random);
        AttendanceChange checkIn = Attendance.checkIn(
                activity,
                Optional.of(signUp),
                Optional.empty(),
                tokens,
                tokens.issue(activity.id(), in).value(),
                position,
                member,
                in,
                rules);
        store.checkIn(checkIn, Optional.empty());
        Attendance current = checkIn.attendance();
        AttendanceChange closed;
        if (random.nextInt(6) == 0) {
            closed = current.autoCheckOut(window.endsAt().plus(Duration.ofMinutes(5)), rules);
        } else {
            long early = random.nextInt(4) == 0 ? random.nextInt((int) window.minutes()) : random.nextInt(10);
            Instant leaving = window.endsAt().minus(Duration.ofMinutes(early));
            Instant out = leaving.isAfter(in) ? leaving : in.plus(Duration.ofMinutes(1));
            closed = current.checkOut(
                    activity.fence(), tokens, tokens.issue(activity.id(), out).value(), position, member, out, rules);
        }
        store.transition(closed, current.version(), Optional.empty());
        current = closed.attendance();
        if (random.nextInt(12) == 0) {
            long minutes = Math.min(window.minutes(), current.presentMinutes() + 30);
            AttendanceChange certified = current.certify(
                    minutes, "到场后手机没电，组织者核实补记", organiser, window.endsAt().plus(Duration.ofDays(1)));
            store.transition(certified, current.version(), Optional.empty());
        }
    }

    /** Reports one person (or, for the last two, a unit) in and has the secretary place them; returns the enrolment as it ends up. */
    private Enrolment enrol(
            PartyStore store,
            Organisation community,
            List<Organisation> grids,
            Caller secretary,
            int index,
            Instant reported,
            Instant now,
            Random random) {
        String name = community.id().value().replace("community-", "");
        OrganisationId unit = new OrganisationId("unit-demo-%s-%d".formatted(name, index % 2 + 1));
        EnrolleeKind kind = index >= MEMBERS_PER_COMMUNITY + 1
                ? EnrolleeKind.UNIT
                : index == MEMBERS_PER_COMMUNITY
                        ? EnrolleeKind.SUNK_STAFF
                        : index % 4 == 3 ? EnrolleeKind.SCATTERED_MEMBER : EnrolleeKind.IN_SERVICE_MEMBER;
        EnrolleeId id = new EnrolleeId(
                switch (kind) {
                    case UNIT -> unit.value();
                    case SUNK_STAFF -> "demo-cadre-" + name;
                    case IN_SERVICE_MEMBER, SCATTERED_MEMBER ->
                        index == 0 && name.equals("hebin")
                                ? "demo-resident-wang"
                                : "demo-member-%s-%02d".formatted(name, index);
                });
        Caller reporter = switch (kind) {
            case UNIT -> secretary;
            case SUNK_STAFF ->
                Caller.staff(id.value(), Role.DEPARTMENT_OFFICER, new OrganisationId("dept-civil-affairs"));
            case IN_SERVICE_MEMBER, SCATTERED_MEMBER -> Caller.resident(id.value());
        };
        EnrolmentRequest request = new EnrolmentRequest(
                kind,
                kind == EnrolleeKind.IN_SERVICE_MEMBER ? Optional.of(unit) : Optional.empty(),
                List.of(),
                List.of(ActivityKind.SERVICE),
                kind == EnrolleeKind.UNIT ? Optional.of("办公室") : Optional.empty());
        EnrolmentChange change = Enrolment.reportIn(id, request, community, reporter, reported);
        store.create(change);
        Instant at = reported.plus(Duration.ofHours(2 + random.nextInt(70)));
        Optional<Organisation> group =
                kind.isPlacedInGroup() ? Optional.of(grids.get(random.nextInt(grids.size()))) : Optional.empty();
        change = step(store, change, change.enrolment().confirm(group, secretary, at));
        if (kind.isPlacedInGroup() && grids.size() > 1 && random.nextInt(5) == 0) {
            at = at.plus(Duration.ofDays(30 + random.nextInt(150)));
            Organisation other = grids.stream()
                    .filter(grid -> !group.map(Organisation::id).orElseThrow().equals(grid.id()))
                    .findFirst()
                    .orElseThrow();
            change = step(store, change, change.enrolment().move(other, "搬到本社区另一网格居住", secretary, at));
        }
        // The half-yearly report again, missed now and then.
        for (Instant renewal = reported.plus(Duration.ofDays(180));
                renewal.isBefore(now);
                renewal = renewal.plus(Duration.ofDays(180))) {
            if (random.nextInt(5) > 0 && renewal.isAfter(at)) {
                change = step(store, change, change.enrolment().renew(reporter, renewal));
            }
        }
        return change.enrolment();
    }

    private static EnrolmentChange step(PartyStore store, EnrolmentChange current, EnrolmentChange next) {
        store.transition(next, current.enrolment().version());
        return next;
    }

    private static Caller caller(Enrolment person) {
        return person.kind() == EnrolleeKind.SUNK_STAFF
                ? Caller.staff(person.id().value(), Role.DEPARTMENT_OFFICER, new OrganisationId("dept-civil-affairs"))
                : Caller.resident(person.id().value());
    }

    /** A phone's position within some 60 m of the centre. */
    private static Location near(Location centre, Random random) {
        double metres = random.nextDouble() * 60;
        double bearing = random.nextDouble() * 2 * Math.PI;
        double latitude = centre.latitude() + Math.toDegrees(metres * Math.cos(bearing) / Geofence.EARTH_RADIUS_METRES);
        double longitude = centre.longitude()
                + Math.toDegrees(metres
                        * Math.sin(bearing)
                        / (Geofence.EARTH_RADIUS_METRES * Math.cos(Math.toRadians(centre.latitude()))));
        return new Location(latitude, longitude);
    }
}
