package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.schedule.LocalScheduler;
import io.gridsteward.local.template.SamTemplate;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Party members end to end on one embedded stack (every function as its packaged zip, real tokens through the HTTP
 * front): 100 members report in to 朝阳社区 and are placed in its grid 2's party group, 100 racing sign-ups for 30
 * places, check-ins with the organiser's rotating QR token (forged, expired and replayed tokens refused, 1 m outside the
 * fence refused and 1 m inside accepted), 50 check-ins retried with one Idempotency-Key, a forgotten check-out closed by
 * the packaged auto check-out at the activity's end with capped hours, and the attendances in the lake and on the
 * dashboard's party_service metric. Everything happens in community-chaoyang, which no other end-to-end class uses for
 * party members. The figures each test measures are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartyEndToEndTest {

    private static final Path PROJECT = Path.of("../..");
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final String COMMUNITY = "community-chaoyang";
    private static final String GRID = "grid-chaoyang-2";
    private static final double LATITUDE = 30.2612;
    private static final double LONGITUDE = 120.1745;
    private static final int RADIUS_METRES = 100;
    /** The mean radius the domain's haversine uses. */
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    @TempDir
    static Path dataDirectory;

    private static LocalStack stack;
    private static S3Client s3;
    private static ApiUser countyLeader;
    private static ApiUser secretary;
    private static ApiUser partyLeader;
    private static final List<Member> members = new ArrayList<>();
    /** The patrol 100 members race to sign up for: 30 places, running now. */
    private static String patrol;

    private static final List<Member> signedUp = new ArrayList<>();
    /** A small duty running now, for the token checks and the retried check-ins. */
    private static String duty;
    /** A token the duty's screen showed at {@link #dutyTokenShownAt}; stale by the time the token test uses it. */
    private static String dutyToken;

    private static Instant dutyTokenShownAt;
    /** A two-minute meeting starting in two minutes, whose one attendee checks in early and never checks out. */
    private static String meeting;

    private static Instant meetingEnds;
    private static Member forgetful;

    /** A member of the test: their user id (the enrollee id) and their way into the API. */
    private record Member(String id, ApiUser api) {}

    @BeforeAll
    static void startTheStack() throws Exception {
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, PROJECT);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);
        System.out.println(
                "party end-to-end: the stack started in " + stack.startUp().toMillis() + " ms");
        s3 = stack.s3Client();
        countyLeader = ApiUser.of(stack, "e2e-party-county-leader", "COUNTY_LEADER", "county-qingshan");
        secretary = ApiUser.of(stack, "e2e-party-secretary", "COMMUNITY_SECRETARY", COMMUNITY);
        partyLeader = ApiUser.of(stack, "e2e-party-leader", "GRID_PARTY_LEADER", GRID);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aHundredMembersReportInAndTheSecretaryPlacesThemInTheGridsPartyGroup() throws Exception {
        List<Callable<ApiAnswer>> reports = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            // Half report in with a party member's token, half as residents: both are members reporting themselves in.
            String id = "e2e-party-member-" + index;
            Member member = new Member(
                    id,
                    index % 2 == 0
                            ? ApiUser.of(stack, id, "PARTY_MEMBER", COMMUNITY)
                            : ApiUser.of(stack, id, "RESIDENT", null));
            members.add(member);
            String kind = index % 5 == 0 ? "SCATTERED_MEMBER" : "IN_SERVICE_MEMBER";
            String workplace = kind.equals("IN_SERVICE_MEMBER") ? ",\"workplaceUnitId\":\"unit-county-hospital\"" : "";
            String body = """
                    {"kind":"%s","communityId":"%s"%s,"skills":["first aid"],"preferredKinds":["PATROL"],"contact":"1380000%04d"}""".formatted(kind, COMMUNITY, workplace, index);
            reports.add(() -> member.api().post("/v1/party/enrolments", body));
        }

        long started = System.nanoTime();
        List<ApiAnswer> reported = inParallel(reports, 8);
        List<Callable<ApiAnswer>> confirmations = new ArrayList<>();
        for (Member member : members) {
            confirmations.add(() -> secretary.post(
                    "/v1/party/enrolments/" + member.id() + "/confirm", "{\"groupId\":\"" + GRID + "\"}"));
        }
        List<ApiAnswer> confirmed = inParallel(confirmations, 8);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        assertThat(reported)
                .allSatisfy(answer ->
                        assertThat(answer.created().path("status").asText()).isEqualTo("REPORTED"));
        assertThat(confirmed)
                .allSatisfy(answer ->
                        assertThat(answer.ok().path("groupId").asText()).isEqualTo(GRID));
        assertThat(reported.getFirst()
                        .json()
                        .path("events")
                        .get(0)
                        .path("actorRole")
                        .asText())
                .isEqualTo("PARTY_MEMBER");
        assertThat(reported.get(1)
                        .json()
                        .path("events")
                        .get(0)
                        .path("actorRole")
                        .asText())
                .isEqualTo("RESIDENT");
        assertThat(everyEnrolleeOfTheGroup())
                .containsAll(members.stream().map(Member::id).toList());
        System.out.printf(
                "party end-to-end: 100 report-ins and 100 placements through the front (8 at a time) in %d ms%n",
                elapsed);

        patrol = publish(
                "PATROL",
                "Evening patrol",
                Instant.now().minus(Duration.ofMinutes(1)),
                Instant.now().plus(Duration.ofHours(2)),
                30);
        duty = publish(
                "VOLUNTEER_DUTY",
                "Help desk",
                Instant.now().minus(Duration.ofMinutes(1)),
                Instant.now().plus(Duration.ofHours(2)),
                5);
        dutyToken = partyLeader
                .get("/v1/party/activities/" + duty + "/check-in-token")
                .ok()
                .path("token")
                .asText();
        dutyTokenShownAt = Instant.now();
        meetingEnds = Instant.now().plus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.MINUTES);
        meeting = publish("MEETING", "Group meeting", meetingEnds.minus(Duration.ofMinutes(2)), meetingEnds, 5);
        forgetful = members.getLast();
        forgetful
                .api()
                .post("/v1/party/activities/" + meeting + "/sign-ups", "{}")
                .created();
        JsonNode early = forgetful
                .api()
                .post("/v1/party/activities/" + meeting + "/check-in", presence(shownToken(meeting), LATITUDE))
                .ok();
        assertThat(early.path("status").asText()).isEqualTo("CHECKED_IN");
    }

    @Test
    @Order(2)
    void aHundredConcurrentSignUpsForThirtyPlacesTakeExactlyThirty() throws Exception {
        List<Callable<ApiAnswer>> signUps = new ArrayList<>();
        for (Member member : members) {
            signUps.add(() -> member.api().post("/v1/party/activities/" + patrol + "/sign-ups", "{}"));
        }

        long started = System.nanoTime();
        List<ApiAnswer> answers = race(signUps);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        for (int index = 0; index < answers.size(); index++) {
            if (answers.get(index).status() == 201) {
                signedUp.add(members.get(index));
            }
        }
        List<ApiAnswer> refused =
                answers.stream().filter(answer -> answer.status() != 201).toList();
        System.out.printf(
                "party end-to-end: 100 concurrent sign-ups for 30 places -> %d signed up, %d refused (409 FULL) in %d ms%n",
                signedUp.size(), refused.size(), elapsed);
        assertThat(signedUp).hasSize(30);
        assertThat(refused)
                .hasSize(70)
                .allSatisfy(answer ->
                        assertThat(answer.problem(409).path("detail").asText()).contains("FULL"));
        assertThat(countyLeader
                        .get("/v1/party/activities/" + patrol)
                        .ok()
                        .path("signedUp")
                        .asInt())
                .isEqualTo(30);
    }

    @Test
    @Order(3)
    void theThirtyCheckInWithTheOrganisersRotatingTokenAndTheTimeOfACheckInIsMeasured() {
        List<Long> micros = new ArrayList<>();
        for (Member member : signedUp) {
            String body = presence(shownToken(patrol), LATITUDE);
            long started = System.nanoTime();
            ApiAnswer checkedIn = member.api().post("/v1/party/activities/" + patrol + "/check-in", body);
            micros.add((System.nanoTime() - started) / 1_000);
            assertThat(checkedIn.ok().path("status").asText()).isEqualTo("CHECKED_IN");
        }

        JsonNode attendances = partyLeader
                .get("/v1/party/activities/" + patrol + "/attendances")
                .ok();
        assertThat(attendances)
                .hasSize(30)
                .allSatisfy(attendance ->
                        assertThat(attendance.path("status").asText()).isEqualTo("CHECKED_IN"));
        members.stream()
                .filter(member -> !signedUp.contains(member))
                .findFirst()
                .orElseThrow()
                .api()
                .post("/v1/party/activities/" + patrol + "/check-in", presence(shownToken(patrol), LATITUDE))
                .problem(403);
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf(
                "party end-to-end: check-in through the HTTP front (token, signature, fence, sign-up and one transaction), %d one after "
                        + "another: median %.1f ms, 90th percentile %.1f ms, slowest %.1f ms%n",
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 9 / 10 - 1) / 1000.0,
                sorted.getLast() / 1000.0);
    }

    @Test
    @Order(4)
    void forgedExpiredAndReplayedTokensAndAPositionOneMetreOutsideAreRefused() throws Exception {
        ApiUser member = members.get(1).api();
        String path = "/v1/party/activities/" + duty;
        member.post(path + "/sign-ups", "{}").created();
        String genuine = shownToken(duty);
        String forged = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        Duration sinceShown = Duration.between(dutyTokenShownAt, Instant.now());
        if (sinceShown.compareTo(Duration.ofSeconds(32)) < 0) {
            Thread.sleep(Duration.ofSeconds(32).minus(sinceShown).toMillis());
        }

        member.post(path + "/check-in", presence(forged, LATITUDE)).problemNaming(422, "token");
        member.post(path + "/check-in", presence(dutyToken, LATITUDE)).problemNaming(422, "token");
        member.post(path + "/check-in", presence(shownToken(patrol), LATITUDE)).problemNaming(422, "token");
        member.post(path + "/check-in", presence(shownToken(duty), north(RADIUS_METRES + 1)))
                .problemNaming(422, "position");
        assertThat(partyLeader.get(path + "/attendances").ok())
                .as("nothing written by the refusals")
                .isEmpty();

        String used = shownToken(duty);
        JsonNode inside = member.post(path + "/check-in", presence(used, north(RADIUS_METRES - 1)))
                .ok();
        member.post(path + "/check-in", presence(shownToken(duty), LATITUDE)).problem(409);
        member.post(path + "/check-out", presence(used, LATITUDE)).problemNaming(422, "token");

        assertThat(inside.path("status").asText()).isEqualTo("CHECKED_IN");
        assertThat(partyLeader.get(path + "/attendances").ok()).hasSize(1);
        System.out.println("party end-to-end: forged, expired (shown "
                + Duration.between(dutyTokenShownAt, Instant.now()).toSeconds()
                + " s before) and another activity's tokens refused (422 token), 101 m out refused (422 position), 99 m in accepted, "
                + "the check-in's token replayed at check-out refused (422 token)");
    }

    @Test
    @Order(5)
    void fiftyCheckInsRetriedWithOneKeyCountOnce() throws Exception {
        Member member = members.get(3);
        String path = "/v1/party/activities/" + duty;
        member.api().post(path + "/sign-ups", "{}").created();
        String body = presence(shownToken(duty), LATITUDE);
        List<Callable<ApiAnswer>> retries = new ArrayList<>();
        for (int index = 0; index < 50; index++) {
            retries.add(() -> member.api().post(path + "/check-in", body, "e2e-check-in-once"));
        }

        long started = System.nanoTime();
        List<ApiAnswer> answers = race(retries);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        assertThat(answers).extracting(ApiAnswer::status).containsOnly(200);
        long written = answers.stream()
                .filter(answer -> "false".equals(answer.header("Idempotent-Replayed")))
                .count();
        long replayed = answers.stream()
                .filter(answer -> "true".equals(answer.header("Idempotent-Replayed")))
                .count();
        assertThat(written).isEqualTo(1);
        assertThat(replayed).isEqualTo(49);
        JsonNode attendances = partyLeader.get(path + "/attendances").ok();
        assertThat(attendances)
                .filteredOn(attendance -> attendance.path("enrolleeId").asText().equals(member.id()))
                .singleElement()
                .satisfies(attendance ->
                        assertThat(attendance.path("version").asLong()).isEqualTo(1));
        System.out.printf(
                "party end-to-end: 50 racing check-ins with one Idempotency-Key -> %d written, %d replayed in %d ms%n",
                written, replayed, elapsed);
    }

    @Test
    @Order(6)
    void aForgottenCheckOutIsClosedByTheAutoCheckOutAtTheActivitysEndWithCappedHours() throws Exception {
        Duration untilEnd = Duration.between(Instant.now(), meetingEnds.plusSeconds(2));
        if (!untilEnd.isNegative()) {
            Thread.sleep(untilEnd.toMillis());
        }
        byte[] scheduledEvent = scheduledEventOf("jobs-auto-check-out");

        InvocationResult result =
                stack.function("jobs-auto-check-out").invoke(scheduledEvent).get();

        // The stack's own schedule (every five minutes) may have closed it first; then this pass found it closed.
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        JsonNode attendance = waitFor("the meeting's attendance closed", () -> {
            JsonNode found = partyLeader
                    .get("/v1/party/activities/" + meeting + "/attendances")
                    .ok()
                    .get(0);
            return found.path("status").asText().equals("AUTO_CHECKED_OUT") ? Optional.of(found) : Optional.empty();
        });
        assertThat(Instant.parse(attendance.path("checkedOutAt").asText()))
                .as("closed at the end, not when the job ran")
                .isEqualTo(meetingEnds);
        assertThat(attendance.path("creditedMinutes").asLong())
                .as("from the start, not the early check-in, to the end")
                .isEqualTo(2);
        assertThat(attendance.path("presentMinutes").asLong()).isGreaterThanOrEqualTo(2);
        System.out.printf(
                "party end-to-end: a check-in %d s before the start never checked out -> closed at the end by the packaged auto "
                        + "check-out, credited %d of 2 minutes (%s)%n",
                Duration.between(
                                Instant.parse(attendance.path("checkedInAt").asText()),
                                meetingEnds.minus(Duration.ofMinutes(2)))
                        .toSeconds(),
                attendance.path("creditedMinutes").asLong(),
                new String(((InvocationResult.Success) result).payload(), StandardCharsets.UTF_8));
    }

    @Test
    @Order(7)
    void theAttendancesReachThePartyLakeAndTheDashboardsServiceMetric() throws Exception {
        DuckDbQueryRunner lake = new DuckDbQueryRunner(
                new LakeMirror(s3, LocalStack.LAKE_BUCKET, dataDirectory.resolve("party-lake-mirror")));
        List<Map<String, Object>> rows = waitFor("the meeting's check-in and auto check-out in the lake", () -> {
            List<Map<String, Object>> meetingRows = lake.run("views/party_events_deduplicated.sql").rows().stream()
                    .filter(row ->
                            meeting.equals(row.get("activity_id")) && "ATTENDANCE".equals(row.get("record_kind")))
                    .toList();
            return meetingRows.size() == 2 ? Optional.of(meetingRows) : Optional.empty();
        });
        assertThat(rows)
                .extracting(row -> row.get("event_type"))
                .containsExactlyInAnyOrder("CHECKED_IN", "AUTO_CHECKED_OUT");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("member_key")).as("pseudonymous").isNotEqualTo(forgetful.id());
            assertThat(row.get("grid_id")).isEqualTo(GRID);
            assertThat(row.values())
                    .as("no contact in the lake")
                    .noneSatisfy(value -> assertThat(String.valueOf(value)).startsWith("1380000"));
        });

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String query = "/v1/dashboards/metrics?metric=party_service&dimension=grid&period=day&from=%s&to=%s"
                .formatted(today.minusDays(1), today.plusDays(1));
        // This class's 33 check-ins (30 on the patrol, 2 on the duty, 1 at the meeting) and its one auto-closed
        // check-out, with
        // whatever the demo year put in the grid these days.
        JsonNode grid = waitFor("this class's check-ins on the dashboard", () -> {
            ApiAnswer answer = countyLeader.get(query);
            if (answer.status() != 200) {
                return Optional.empty();
            }
            long checkIns = 0;
            long autoClosed = 0;
            for (JsonNode row : answer.json().path("rows")) {
                if (row.path("dimensionValue").asText().equals(GRID)) {
                    checkIns += row.path("checkIns").asLong();
                    autoClosed += row.path("autoClosedCheckOuts").asLong();
                }
            }
            return checkIns >= 33 && autoClosed >= 1 ? Optional.of(answer.json()) : Optional.empty();
        });
        System.out.println("party end-to-end: party_service on the dashboard, " + GRID + ": "
                + grid.path("rows").toString());
    }

    private static String publish(String kind, String title, Instant start, Instant end, int capacity) {
        return partyLeader
                .post("/v1/party/activities", """
                {"organiserId":"%s","kind":"%s","title":"%s","startsAt":"%s","endsAt":"%s",
                 "location":{"latitude":%s,"longitude":%s},"radiusMetres":%d,"capacity":%d}""".formatted(
                                GRID, kind, title, start, end, LATITUDE, LONGITUDE, RADIUS_METRES, capacity))
                .created()
                .path("id")
                .asText();
    }

    /** The token the organiser's screen shows now. */
    private static String shownToken(String activity) {
        return partyLeader
                .get("/v1/party/activities/" + activity + "/check-in-token")
                .ok()
                .path("token")
                .asText();
    }

    private static String presence(String token, double latitude) {
        return "{\"token\":\"%s\",\"position\":{\"latitude\":%s,\"longitude\":%s}}"
                .formatted(token, latitude, LONGITUDE);
    }

    /** The latitude {@code metres} due north of the activity's centre. */
    private static double north(double metres) {
        return LATITUDE + Math.toDegrees(metres / EARTH_RADIUS_METRES);
    }

    private static List<String> everyEnrolleeOfTheGroup() {
        List<String> enrollees = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            JsonNode page = secretary
                    .page("/v1/party/groups/" + GRID + "/members", 100, cursor)
                    .ok();
            page.path("items")
                    .forEach(item -> enrollees.add(item.path("enrolleeId").asText()));
            cursor = page.hasNonNull("nextCursor")
                    ? Optional.of(page.path("nextCursor").asText())
                    : Optional.empty();
        } while (cursor.isPresent());
        return enrollees;
    }

    private static byte[] scheduledEventOf(String function) throws Exception {
        SamTemplate.ScheduleEvent schedule = SamTemplate.load(PROJECT.resolve("template.yaml")).functions().stream()
                .filter(specification -> specification.name().equals(function))
                .flatMap(specification -> specification.schedules().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml schedules no " + function));
        return LocalScheduler.event(schedule, Instant.now());
    }

    private static <T> List<T> race(List<Callable<T>> attempts) throws Exception {
        return inParallel(attempts, attempts.size());
    }

    /** Every attempt on a pool of {@code threads}, all released at once. */
    private static <T> List<T> inParallel(List<Callable<T>> attempts, int threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> attempt : attempts) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> probe() throws Exception;
    }

    private static <T> T waitFor(String what, Probe<T> probe) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Optional<T> found = probe.probe();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("gave up waiting " + PATIENCE + " for " + what);
    }
}
