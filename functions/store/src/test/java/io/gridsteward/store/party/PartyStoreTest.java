package io.gridsteward.store.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityDraft;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.ActivityWindow;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceChange;
import io.gridsteward.domain.party.AttendanceEventType;
import io.gridsteward.domain.party.AttendanceStatus;
import io.gridsteward.domain.party.CheckInTokens;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentChange;
import io.gridsteward.domain.party.EnrolmentEventType;
import io.gridsteward.domain.party.EnrolmentRequest;
import io.gridsteward.domain.party.Geofence;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.SignUp;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.LocalTable;
import io.gridsteward.store.core.MutableClock;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartyStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    private static final OrganisationId COUNTY = new OrganisationId("county-qingshan");
    private static final Organisation RIVER =
            Organisation.community(new OrganisationId("community-river"), "River", new OrganisationId("town-east"));
    private static final Organisation RIVER_ONE = Organisation.grid(
            new OrganisationId("grid-river-1"), "River 1", RIVER.id(), new OrganisationId("town-east"));
    private static final Organisation RIVER_TWO = Organisation.grid(
            new OrganisationId("grid-river-2"), "River 2", RIVER.id(), new OrganisationId("town-east"));
    private static final Caller SECRETARY = Caller.staff("secretary-river", Role.COMMUNITY_SECRETARY, RIVER.id());
    private static final Caller LEADER = Caller.staff("leader-river-1", Role.GRID_PARTY_LEADER, RIVER_ONE.id());
    private static final Location CENTRE = new Location(30.251, 120.161);
    private static final PartyRules RULES = PartyRules.bundled(COUNTY);
    private static final CheckInTokens TOKENS = new CheckInTokens(
            "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII),
            RULES.tokenValidity(),
            () -> "nonce-" + System.nanoTime());

    private static LocalTable table;
    private static MutableClock clock;
    private static PartyStore store;
    private static final AtomicInteger NEXT = new AtomicInteger();

    @BeforeAll
    static void startTable() {
        table = LocalTable.start();
        clock = new MutableClock(NOW);
        store = new PartyStore(table.client(), LocalTable.NAME, clock, new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        table.close();
    }

    @Test
    void anEnrolmentKeepsItsHistoryAndTheListsFollowItsMoves() {
        Enrolment moved = confirmedMember("member-history", RIVER_ONE);
        Enrolment current = store.findEnrolment(moved.id()).orElseThrow().enrolment();
        EnrolmentChange move = current.move(RIVER_TWO, "moved to block 7", SECRETARY, NOW.plusSeconds(300));
        store.transition(move, current.version());

        EnrolmentHistory history = store.findEnrolment(moved.id()).orElseThrow();
        assertThat(history.enrolment()).isEqualTo(move.enrolment());
        assertThat(history.events())
                .extracting(event -> event.type())
                .containsExactly(
                        EnrolmentEventType.REPORTED_IN, EnrolmentEventType.CONFIRMED, EnrolmentEventType.MOVED);
        assertThat(history.events().getLast().previousGroup()).contains(new GridId("grid-river-1"));
        assertThat(ids(store.groupMembers(new GridId("grid-river-2"), new PageRequest(100, Optional.empty()))
                        .items()))
                .contains("member-history");
        assertThat(ids(store.groupMembers(new GridId("grid-river-1"), new PageRequest(100, Optional.empty()))
                        .items()))
                .doesNotContain("member-history");
        assertThat(ids(store.unitMembers(new OrganisationId("unit-school")))).contains("member-history");
        assertThat(table.partition("ENROLMENT#member-history"))
                .filteredOn(item -> item.get("entity").s().equals("EnrolmentEvent"))
                .allSatisfy(item -> assertThat(item).doesNotContainKey("contact"));

        assertThatThrownBy(() -> store.transition(move, current.version()))
                .isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.create(
                        Enrolment.reportIn(moved.id(), inService(), RIVER, Caller.resident("member-history"), NOW)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aCommunitysEnrolmentsArePagedAndFilteredByKind() {
        for (int index = 0; index < 3; index++) {
            confirmedMember("member-page-" + index, RIVER_ONE);
        }
        EnrolleeId unit = new EnrolleeId("unit-bank");
        store.create(Enrolment.reportIn(
                unit,
                new EnrolmentRequest(EnrolleeKind.UNIT, Optional.empty(), List.of(), List.of(), Optional.of("Mr Wang")),
                RIVER,
                SECRETARY,
                NOW));

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            PartyPage<Enrolment> page = store.enrolmentsOf(RIVER.id(), Optional.empty(), new PageRequest(2, cursor));
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            seen.addAll(ids(page.items()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(seen)
                .contains("member-page-0", "member-page-1", "member-page-2", "unit-bank")
                .doesNotHaveDuplicates();
        assertThat(ids(store.enrolmentsOf(
                                RIVER.id(), Optional.of(EnrolleeKind.UNIT), new PageRequest(100, Optional.empty()))
                        .items()))
                .containsExactly("unit-bank");
    }

    @Test
    void hundredRacingSignUpsForThirtyPlacesTakeExactlyThirty() throws Exception {
        Activity activity = publish(30);
        List<Enrolment> members = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            members.add(confirmedMember("racer-" + index, RIVER_ONE));
        }
        List<Callable<String>> attempts = members.stream()
                .<Callable<String>>map(member -> () -> {
                    try {
                        store.signUp(activity.signUp(
                                member, Caller.resident(member.id().value()), NOW));
                        return "signed up";
                    } catch (IllegalTransitionException refused) {
                        return refused.currentState();
                    }
                })
                .toList();

        List<String> outcomes = race(attempts, 100);

        assertThat(outcomes).filteredOn("signed up"::equals).hasSize(30);
        assertThat(outcomes).filteredOn("FULL"::equals).hasSize(70);
        assertThat(store.findActivity(activity.id()).orElseThrow().signedUp()).isEqualTo(30);
        assertThat(store.countSignUps(activity.id())).isEqualTo(30);
        System.out.printf(
                "sign-up race: 100 racing sign-ups for 30 places -> %d signed up, %d refused as full; counter %d, sign-up items %d%n",
                outcomes.stream().filter("signed up"::equals).count(),
                outcomes.stream().filter("FULL"::equals).count(),
                store.findActivity(activity.id()).orElseThrow().signedUp(),
                store.countSignUps(activity.id()));
    }

    @Test
    void aSecondSignUpOfOnePersonIsRefusedAndTakesNoPlace() {
        Activity activity = publish(5);
        Enrolment member = confirmedMember("twice", RIVER_ONE);
        SignUp signUp = activity.signUp(member, Caller.resident("twice"), NOW);
        store.signUp(signUp);

        assertThatThrownBy(() -> store.signUp(signUp))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("SIGNED_UP"));
        assertThat(store.findActivity(activity.id()).orElseThrow().signedUp()).isEqualTo(1);
        assertThat(store.findSignUp(activity.id(), member.id())).contains(signUp);
    }

    @Test
    void fiftyRetriedCheckInsWithOneKeyMakeOneCheckIn() throws Exception {
        Activity activity = publish(10);
        Enrolment member = confirmedMember("retrier", RIVER_ONE);
        Caller caller = Caller.resident("retrier");
        SignUp signUp = activity.signUp(member, caller, NOW);
        store.signUp(signUp);
        Instant at = activity.window().startsAt();
        String token = TOKENS.issue(activity.id(), at).value();
        IdempotencyClaim claim = new IdempotencyClaim("retrier", "check-in-once", "hash-1");

        List<Callable<AttendanceOutcome>> retries = new ArrayList<>();
        for (int index = 0; index < 50; index++) {
            retries.add(() -> store.replay(claim, activity.id(), AttendanceEventType.CHECKED_IN)
                    .map(found -> new AttendanceOutcome(found, true))
                    .orElseGet(() -> store.checkIn(
                            Attendance.checkIn(
                                    activity,
                                    Optional.of(signUp),
                                    Optional.empty(),
                                    TOKENS,
                                    token,
                                    CENTRE,
                                    caller,
                                    at,
                                    RULES),
                            Optional.of(claim))));
        }
        List<AttendanceOutcome> outcomes = race(retries, 50);

        assertThat(outcomes).filteredOn(outcome -> !outcome.replayed()).hasSize(1);
        assertThat(outcomes)
                .extracting(AttendanceOutcome::attendance)
                .containsOnly(outcomes.getFirst().attendance());
        assertThat(store.attendanceEvents(activity.id(), member.id())).hasSize(1);
        assertThat(store.attendancesOf(activity.id())).hasSize(1);
        System.out.printf(
                "check-in retries: 50 racing check-ins with one Idempotency-Key -> %d written, %d replayed, %d attendance events%n",
                outcomes.stream().filter(outcome -> !outcome.replayed()).count(),
                outcomes.stream().filter(AttendanceOutcome::replayed).count(),
                store.attendanceEvents(activity.id(), member.id()).size());

        assertThatThrownBy(() -> store.checkIn(
                        Attendance.checkIn(
                                activity,
                                Optional.of(signUp),
                                Optional.empty(),
                                TOKENS,
                                token,
                                CENTRE,
                                caller,
                                at,
                                RULES),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        exception -> assertThat(exception.currentState()).isEqualTo("CHECKED_IN"));
        assertThatThrownBy(() -> store.replay(
                        new IdempotencyClaim("retrier", "check-in-once", "another body"),
                        activity.id(),
                        AttendanceEventType.CHECKED_IN))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void theCheckOutIndexHoldsOpenAttendancesUntilTheyAreClosed() {
        Activity activity = publish(10);
        Enrolment member = confirmedMember("forgetful", RIVER_ONE);
        Caller caller = Caller.resident("forgetful");
        SignUp signUp = activity.signUp(member, caller, NOW);
        store.signUp(signUp);
        Instant at = activity.window().startsAt().plusSeconds(60);
        store.checkIn(
                Attendance.checkIn(
                        activity,
                        Optional.of(signUp),
                        Optional.empty(),
                        TOKENS,
                        TOKENS.issue(activity.id(), at).value(),
                        CENTRE,
                        caller,
                        at,
                        RULES),
                Optional.empty());
        Instant end = activity.window().endsAt();

        assertThat(store.openAttendancesEndedBefore(end, 2, 100))
                .noneMatch(found -> found.activityId().equals(activity.id()));
        List<Attendance> due = store.openAttendancesEndedBefore(end.plusSeconds(1), 2, 100);
        Attendance open = due.stream()
                .filter(found -> found.activityId().equals(activity.id()))
                .findFirst()
                .orElseThrow();

        AttendanceChange closed = open.autoCheckOut(end.plusSeconds(1), RULES);
        store.transition(closed, open.version(), Optional.empty());

        assertThat(store.openAttendancesEndedBefore(end.plusSeconds(1), 2, 100))
                .noneMatch(found -> found.activityId().equals(activity.id()));
        assertThat(store.findAttendance(activity.id(), member.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(AttendanceStatus.AUTO_CHECKED_OUT);
        assertThat(store.attendancesOf(
                        member.id(),
                        activity.window().startsAt(),
                        activity.window().startsAt().plusSeconds(1)))
                .hasSize(1);
        assertThat(store.attendancesOf(
                        member.id(),
                        activity.window().endsAt(),
                        activity.window().endsAt().plusSeconds(86_400)))
                .isEmpty();
        assertThatThrownBy(() -> store.transition(closed, open.version(), Optional.empty()))
                .isInstanceOf(VersionConflictException.class);
    }

    private static <T> List<T> race(List<Callable<T>> attempts, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = pool.invokeAll(attempts);
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }

    private static Activity publish(int capacity) {
        Instant start = NOW.plus(Duration.ofDays(5));
        Activity activity = Activity.publish(
                new ActivityId("activity-" + NEXT.incrementAndGet()),
                new ActivityDraft(
                        ActivityKind.SERVICE,
                        "Tidy the courtyard",
                        new ActivityWindow(start, start.plus(Duration.ofHours(2))),
                        new Geofence(CENTRE, 100),
                        capacity),
                RIVER_ONE,
                LEADER,
                NOW);
        store.create(activity);
        assertThat(store.findActivity(activity.id())).contains(activity);
        return activity;
    }

    private static Enrolment confirmedMember(String id, Organisation group) {
        EnrolmentChange reported = Enrolment.reportIn(new EnrolleeId(id), inService(), RIVER, Caller.resident(id), NOW);
        store.create(reported);
        EnrolmentChange confirmed = reported.enrolment().confirm(Optional.of(group), SECRETARY, NOW.plusSeconds(60));
        store.transition(confirmed, 1);
        return confirmed.enrolment();
    }

    private static EnrolmentRequest inService() {
        return new EnrolmentRequest(
                EnrolleeKind.IN_SERVICE_MEMBER,
                Optional.of(new OrganisationId("unit-school")),
                List.of("first aid"),
                List.of(ActivityKind.SERVICE),
                Optional.of("13800000000"));
    }

    private static List<String> ids(List<Enrolment> enrolments) {
        return enrolments.stream().map(enrolment -> enrolment.id().value()).toList();
    }
}
