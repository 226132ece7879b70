package io.gridsteward.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.party.Activity;
import io.gridsteward.domain.party.ActivityDraft;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.ActivityKind;
import io.gridsteward.domain.party.ActivityWindow;
import io.gridsteward.domain.party.Attendance;
import io.gridsteward.domain.party.AttendanceEvent;
import io.gridsteward.domain.party.AttendanceEventType;
import io.gridsteward.domain.party.AttendanceStatus;
import io.gridsteward.domain.party.CheckInTokens;
import io.gridsteward.domain.party.EnrolleeId;
import io.gridsteward.domain.party.EnrolleeKind;
import io.gridsteward.domain.party.Enrolment;
import io.gridsteward.domain.party.EnrolmentChange;
import io.gridsteward.domain.party.EnrolmentRequest;
import io.gridsteward.domain.party.Geofence;
import io.gridsteward.domain.party.PartyRules;
import io.gridsteward.domain.party.SignUp;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.junit.EmulatorClients;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.core.TableDefinition;
import io.gridsteward.store.party.PartyStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The auto check-out against the emulator: forgotten check-outs closed at the activity's end, once, with capped hours. */
class AutoCheckOutTest {

    private static final String TABLE = "grid-steward-auto-check-out-test";
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final OrganisationId TOWN = new OrganisationId("town-east");
    private static final Organisation COMMUNITY =
            Organisation.community(new OrganisationId("community-river"), "River", TOWN);
    private static final Organisation GRID =
            Organisation.grid(new OrganisationId("grid-river-1"), "River 1", COMMUNITY.id(), TOWN);
    private static final Caller LEADER = Caller.staff("leader", Role.GRID_PARTY_LEADER, GRID.id());
    private static final Caller SECRETARY = Caller.staff("secretary", Role.COMMUNITY_SECRETARY, COMMUNITY.id());
    private static final Location CENTRE = new Location(30.251, 120.161);
    private static final PartyRules RULES = PartyRules.bundled(new OrganisationId("county-qingshan"));
    private static final CheckInTokens TOKENS = new CheckInTokens(
            "a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII),
            RULES.tokenValidity(),
            () -> "nonce-" + System.nanoTime());
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static PartyStore store;

    @BeforeAll
    static void startTable() {
        emulator = DynamoDbEmulator.start(0, Optional.empty());
        client = EmulatorClients.dynamoDb(emulator.endpoint());
        client.createTable(TableDefinition.createRequest(TABLE));
        store = new PartyStore(client, TABLE, Clock.fixed(NOW, ZoneOffset.UTC), new PageCursor(PageCursor.LOCAL_KEY));
    }

    @AfterAll
    static void stopTable() {
        client.close();
        emulator.close();
    }

    @Test
    void aForgottenCheckOutIsClosedAtTheActivitysEndWithHoursCappedByTheWindow() {
        Activity activity = activity(NOW.plus(Duration.ofHours(1)));
        Attendance forgotten =
                checkIn(activity, "forgetful", activity.window().startsAt().minus(Duration.ofMinutes(10)));
        Attendance checkedOut = checkIn(activity, "tidy", activity.window().startsAt());
        Instant leftAt = activity.window().startsAt().plus(Duration.ofMinutes(90));
        store.transition(
                checkedOut.checkOut(
                        activity.fence(),
                        TOKENS,
                        TOKENS.issue(activity.id(), leftAt).value(),
                        CENTRE,
                        Caller.resident("tidy"),
                        leftAt,
                        RULES),
                1,
                Optional.empty());
        Activity later = activity(NOW.plus(Duration.ofHours(5)));
        Attendance stillRunning = checkIn(later, "forgetful", later.window().startsAt());
        AutoCheckOut autoCheckOut = new AutoCheckOut(store, RULES, 14, 500);
        Instant runAt = activity.window().endsAt().plus(Duration.ofHours(3));

        AutoCheckOut.Result first = autoCheckOut.run(runAt);
        AutoCheckOut.Result second = autoCheckOut.run(runAt.plusSeconds(300));

        Attendance closed =
                store.findAttendance(activity.id(), forgotten.enrolleeId()).orElseThrow();
        assertThat(closed.status()).isEqualTo(AttendanceStatus.AUTO_CHECKED_OUT);
        assertThat(closed.checkedOutAt()).contains(activity.window().endsAt());
        assertThat(closed.creditedMinutes())
                .as("from the start, not the early check-in, to the end, not the job's run")
                .isEqualTo(120);
        List<AttendanceEvent> events = store.attendanceEvents(activity.id(), forgotten.enrolleeId());
        assertThat(events)
                .extracting(AttendanceEvent::type)
                .containsExactly(AttendanceEventType.CHECKED_IN, AttendanceEventType.AUTO_CHECKED_OUT);
        assertThat(events.getLast().actor()).isEqualTo(Caller.system());
        assertThat(store.findAttendance(activity.id(), checkedOut.enrolleeId())
                        .orElseThrow()
                        .creditedMinutes())
                .isEqualTo(90);
        assertThat(store.findAttendance(later.id(), stillRunning.enrolleeId())
                        .orElseThrow()
                        .status())
                .isEqualTo(AttendanceStatus.CHECKED_IN);
        assertThat(first.closed()).isEqualTo(1);
        assertThat(second.found()).isZero();
        System.out.printf(
                "auto check-out: first pass closed %d (credited %d of %d minutes), second pass found %d%n",
                first.closed(), closed.creditedMinutes(), activity.window().minutes(), second.found());
    }

    @Test
    void twoPassesRunningAtOnceCloseEachAttendanceOnce() throws Exception {
        Activity activity = activity(NOW.plus(Duration.ofHours(2)));
        for (int index = 0; index < 15; index++) {
            checkIn(activity, "racer-" + index, activity.window().startsAt().plusSeconds(index));
        }
        AutoCheckOut autoCheckOut = new AutoCheckOut(store, RULES, 14, 500);
        Instant runAt = activity.window().endsAt().plusSeconds(60);

        List<AutoCheckOut.Result> results;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<AutoCheckOut.Result>> futures =
                    pool.invokeAll(List.of(() -> autoCheckOut.run(runAt), () -> autoCheckOut.run(runAt)));
            results = List.of(futures.get(0).get(), futures.get(1).get());
        }

        assertThat(results.get(0).closed() + results.get(1).closed()).isEqualTo(15);
        for (int index = 0; index < 15; index++) {
            assertThat(store.attendanceEvents(activity.id(), new EnrolleeId("racer-" + index)))
                    .hasSize(2);
        }
    }

    private static Activity activity(Instant start) {
        Activity activity = Activity.publish(
                new ActivityId("auto-" + NEXT.incrementAndGet()),
                new ActivityDraft(
                        ActivityKind.PATROL,
                        "Night patrol",
                        new ActivityWindow(start, start.plus(Duration.ofHours(2))),
                        new Geofence(CENTRE, 100),
                        50),
                GRID,
                LEADER,
                NOW);
        store.create(activity);
        return activity;
    }

    private static Attendance checkIn(Activity activity, String member, Instant at) {
        EnrolleeId id = new EnrolleeId(member);
        Caller caller = Caller.resident(member);
        Enrolment enrolment = store.findEnrolment(id)
                .map(history -> history.enrolment())
                .orElseGet(() -> {
                    EnrolmentChange reported = Enrolment.reportIn(
                            id,
                            new EnrolmentRequest(
                                    EnrolleeKind.SCATTERED_MEMBER,
                                    Optional.empty(),
                                    List.of(),
                                    List.of(),
                                    Optional.empty()),
                            COMMUNITY,
                            caller,
                            NOW);
                    store.create(reported);
                    EnrolmentChange confirmed = reported.enrolment().confirm(Optional.of(GRID), SECRETARY, NOW);
                    store.transition(confirmed, 1);
                    return confirmed.enrolment();
                });
        SignUp signUp = activity.signUp(enrolment, caller, NOW);
        store.signUp(signUp);
        return store.checkIn(
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
                        Optional.empty())
                .attendance();
    }
}
