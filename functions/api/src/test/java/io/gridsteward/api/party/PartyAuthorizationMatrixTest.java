package io.gridsteward.api.party;

import static io.gridsteward.api.core.Requests.COUNTY_LEADER;
import static io.gridsteward.api.core.Requests.EAST_DISPATCHER;
import static io.gridsteward.api.core.Requests.EAST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.HILL_SECRETARY;
import static io.gridsteward.api.core.Requests.OTHER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.RIVER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.WATER_OFFICER;
import static io.gridsteward.api.core.Requests.WEST_DISPATCHER;
import static io.gridsteward.api.core.Requests.WEST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.party.PartyCalls.LATITUDE;
import static io.gridsteward.api.party.PartyCalls.presence;
import static io.gridsteward.api.party.PartyCalls.presenceStep;
import static io.gridsteward.api.party.PartyCalls.runningActivity;
import static io.gridsteward.api.party.PartyCalls.signUp;
import static io.gridsteward.api.party.PartyCalls.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.RegisteredRoutes;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every party route × every caller, inside and outside the jurisdiction: allowed callers get 2xx, the others 403 or
 * 404, and nobody without claims gets past 401. Each cell gets a fresh subject: a member reported in to
 * community-river and placed in grid-river-1 ("the member"), with an activity of grid-river-1 running now where the
 * route needs one. Besides the member and a resident not yet reported in, the callers include a PARTY_MEMBER token not yet
 * reported in (it may report in like a resident) and the officer of a resident unit (UNIT_OFFICER, who reports the unit in and
 * reads its record). The routes are read from the party resource classes, so a new endpoint without a row fails
 * {@link #everyRegisteredRouteIsInTheMatrix}.
 */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
public class PartyAuthorizationMatrixTest {

    private static final String MEMBER = "the member (RESIDENT)";
    private static final String NEWCOMER = "a RESIDENT not reported in";
    private static final String PARTY_NEWCOMER = "a PARTY_MEMBER of the community not reported in";
    private static final String UNIT_OFFICER = "UNIT_OFFICER of the unit (reported in)";
    /** The resident unit whose officer is a caller: a unit of the test county, reported in to community-river by that officer. */
    private static final String UNIT = "unit-school";

    private static final Map<String, String> UNIT_OFFICER_CLAIMS =
            Requests.staff("user-matrix-school", "UNIT_OFFICER", UNIT);
    private static final String SECRETARY = "COMMUNITY_SECRETARY of the community";
    private static final String LEADER = "GRID_PARTY_LEADER of the group";
    private static final String GRID_WORKER = "GRID_WORKER of the group";
    private static final String DISPATCHER = "TOWN_DISPATCHER of the town";
    private static final String SUPERVISOR = "TOWN_SUPERVISOR of the town";
    private static final String COUNTY = "COUNTY_LEADER";
    private static final Map<String, Map<String, String>> STAFF = new LinkedHashMap<>();

    static {
        STAFF.put(GRID_WORKER, RIVER_GRID_WORKER);
        STAFF.put(LEADER, RIVER_PARTY_LEADER);
        STAFF.put("GRID_WORKER of a neighbouring grid", OTHER_GRID_WORKER);
        STAFF.put(SECRETARY, RIVER_SECRETARY);
        STAFF.put("COMMUNITY_SECRETARY of another town's community", HILL_SECRETARY);
        STAFF.put(DISPATCHER, EAST_DISPATCHER);
        STAFF.put("TOWN_DISPATCHER of another town", WEST_DISPATCHER);
        STAFF.put(SUPERVISOR, EAST_SUPERVISOR);
        STAFF.put("TOWN_SUPERVISOR of another town", WEST_SUPERVISOR);
        STAFF.put("DEPARTMENT_OFFICER", WATER_OFFICER);
        STAFF.put(COUNTY, COUNTY_LEADER);
    }

    private static final List<String> CALLERS = Stream.concat(
                    Stream.of(MEMBER, NEWCOMER, PARTY_NEWCOMER, UNIT_OFFICER), STAFF.keySet().stream())
            .toList();
    private static final Set<String> EVERYONE = Set.copyOf(CALLERS);
    private static final Set<String> COMMUNITY_READERS = Set.of(SECRETARY, DISPATCHER, SUPERVISOR, COUNTY);

    /** What a cell works on: the member's claims and, for activity routes, the activity. */
    private record Subject(Map<String, String> member, String activity) {}

    /** One row per route: how to prepare the subject, the path and body for it, and who may. */
    private record Row(
            Function<Subject, String> path, Optional<String> body, Set<String> allowed, Preparation preparation) {}

    /** Cells the state refuses (409) rather than the caller's role: the member reporting in a second time. */
    private static final Map<String, Set<String>> CONFLICTING = Map.of("POST /v1/party/enrolments", Set.of(MEMBER));

    /**
     * What a row needs: NOTHING of its own (the member is one shared, placed member), a fresh MEMBER, or a fresh member
     * and an activity running now, with the member signed up, checked in or checked out.
     */
    private enum Preparation {
        NOTHING,
        MEMBER,
        ACTIVITY,
        SIGNED_UP,
        CHECKED_IN,
        CHECKED_OUT
    }

    /** GET rows change nothing, so one subject serves all their cells. */
    private static final Map<String, Subject> READ_SUBJECTS = new ConcurrentHashMap<>();

    private static Map<String, String> sharedMember;
    private static boolean unitReported;

    private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    static {
        String enrolment = "/v1/party/enrolments/";
        String activity = "/v1/party/activities/";
        MATRIX.put(
                "POST /v1/party/enrolments",
                new Row(
                        subject -> "/v1/party/enrolments",
                        Optional.of("{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"community-river\"}"),
                        Set.of(NEWCOMER, PARTY_NEWCOMER),
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/enrolments/{id}",
                new Row(
                        subject -> enrolment + id(subject),
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(MEMBER, LEADER, GRID_WORKER)),
                        Preparation.MEMBER));
        MATRIX.put(
                "POST /v1/party/enrolments/{id}/confirm",
                new Row(
                        subject -> enrolment + reportedOnly(subject) + "/confirm",
                        Optional.of("{\"groupId\":\"grid-river-1\"}"),
                        Set.of(SECRETARY),
                        Preparation.NOTHING));
        MATRIX.put(
                "POST /v1/party/enrolments/{id}/decline",
                new Row(
                        subject -> enrolment + reportedOnly(subject) + "/decline",
                        Optional.of("{\"reason\":\"lives elsewhere\"}"),
                        Set.of(SECRETARY),
                        Preparation.NOTHING));
        MATRIX.put(
                "POST /v1/party/enrolments/{id}/move",
                new Row(
                        subject -> enrolment + id(subject) + "/move",
                        Optional.of("{\"groupId\":\"grid-river-2\",\"reason\":\"moved house\"}"),
                        Set.of(SECRETARY),
                        Preparation.MEMBER));
        MATRIX.put(
                "POST /v1/party/enrolments/{id}/renew",
                new Row(
                        subject -> enrolment + id(subject) + "/renew",
                        Optional.of("{}"),
                        Set.of(MEMBER),
                        Preparation.MEMBER));
        MATRIX.put(
                "POST /v1/party/enrolments/{id}/transfer",
                new Row(
                        subject -> enrolment + id(subject) + "/transfer",
                        Optional.of("{\"communityId\":\"community-hill\"}"),
                        Set.of(MEMBER),
                        Preparation.MEMBER));
        MATRIX.put(
                "GET /v1/party/enrolments/{id}/record",
                new Row(
                        subject -> enrolment + id(subject) + "/record",
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(MEMBER, LEADER, GRID_WORKER)),
                        Preparation.MEMBER));
        MATRIX.put(
                "GET /v1/party/enrolments/{id}/record/page",
                new Row(
                        subject -> enrolment + id(subject) + "/record/page?lang=en",
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(MEMBER, LEADER, GRID_WORKER)),
                        Preparation.MEMBER));
        MATRIX.put(
                "GET /v1/party/communities/{id}/enrolments",
                new Row(
                        subject -> "/v1/party/communities/community-river/enrolments",
                        Optional.empty(),
                        COMMUNITY_READERS,
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/communities/{id}/activities",
                new Row(
                        subject -> "/v1/party/communities/community-river/activities",
                        Optional.empty(),
                        EVERYONE,
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/communities/{id}/record",
                new Row(
                        subject -> "/v1/party/communities/community-river/record?year=2026",
                        Optional.empty(),
                        COMMUNITY_READERS,
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/communities/{id}/record/page",
                new Row(
                        subject -> "/v1/party/communities/community-river/record/page?year=2026",
                        Optional.empty(),
                        COMMUNITY_READERS,
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/units/{unitId}/record/page",
                new Row(
                        subject -> "/v1/party/units/" + unit() + "/record/page?lang=en",
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(UNIT_OFFICER)),
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/groups/{gridId}/members",
                new Row(
                        subject -> "/v1/party/groups/grid-river-1/members",
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(LEADER, GRID_WORKER)),
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/units/{unitId}/record",
                new Row(
                        subject -> "/v1/party/units/" + unit() + "/record",
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(UNIT_OFFICER)),
                        Preparation.NOTHING));
        MATRIX.put(
                "POST /v1/party/activities",
                new Row(
                        subject -> "/v1/party/activities",
                        Optional.of(publishBody()),
                        Set.of(LEADER, SECRETARY),
                        Preparation.NOTHING));
        MATRIX.put(
                "GET /v1/party/activities/{id}",
                new Row(subject -> activity + subject.activity(), Optional.empty(), EVERYONE, Preparation.ACTIVITY));
        MATRIX.put(
                "POST /v1/party/activities/{id}/sign-ups",
                new Row(
                        subject -> activity + subject.activity() + "/sign-ups",
                        Optional.of("{}"),
                        Set.of(MEMBER),
                        Preparation.ACTIVITY));
        MATRIX.put(
                "GET /v1/party/activities/{id}/check-in-token",
                new Row(
                        subject -> activity + subject.activity() + "/check-in-token",
                        Optional.empty(),
                        Set.of(LEADER, SECRETARY),
                        Preparation.ACTIVITY));
        MATRIX.put(
                "POST /v1/party/activities/{id}/check-in",
                new Row(
                        subject -> activity + subject.activity() + "/check-in",
                        Optional.empty(),
                        Set.of(MEMBER),
                        Preparation.SIGNED_UP));
        MATRIX.put(
                "POST /v1/party/activities/{id}/check-out",
                new Row(
                        subject -> activity + subject.activity() + "/check-out",
                        Optional.empty(),
                        Set.of(MEMBER),
                        Preparation.CHECKED_IN));
        MATRIX.put(
                "GET /v1/party/activities/{id}/attendances",
                new Row(
                        subject -> activity + subject.activity() + "/attendances",
                        Optional.empty(),
                        union(COMMUNITY_READERS, Set.of(LEADER)),
                        Preparation.ACTIVITY));
        MATRIX.put(
                "POST /v1/party/activities/{id}/attendances/{enrolleeId}/certify",
                new Row(
                        subject -> activity + subject.activity() + "/attendances/" + id(subject) + "/certify",
                        Optional.of("{\"minutes\":30,\"reason\":\"forgot to check out\"}"),
                        Set.of(LEADER, SECRETARY),
                        Preparation.CHECKED_OUT));
    }

    public static Stream<Arguments> cells() {
        return MATRIX.keySet().stream().flatMap(route -> CALLERS.stream().map(caller -> Arguments.of(route, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    public void eachCallerIsAllowedOrRefusedAsTheMatrixSays(String route, String caller) {
        Row row = MATRIX.get(route);
        Subject subject = route.startsWith("GET ")
                ? READ_SUBJECTS.computeIfAbsent(route, ignored -> prepare(row.preparation()))
                : prepare(row.preparation());
        Map<String, String> claims = switch (caller) {
            case MEMBER -> subject.member();
            case NEWCOMER -> PartyCalls.newMember();
            case PARTY_NEWCOMER -> PartyCalls.newPartyMember();
            case UNIT_OFFICER -> UNIT_OFFICER_CLAIMS;
            default -> STAFF.get(caller);
        };
        String method = route.substring(0, route.indexOf(' '));
        String path = row.path().apply(subject);
        Optional<String> body = row.body().or(() -> presenceBody(row.preparation(), subject));

        ApiGateway.Reply reply = ApiGateway.send(
                ApiGateway.event(method, path, Optional.of(claims), body, Map.of("content-type", "application/json")));

        if (row.allowed().contains(caller)) {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isBetween(200, 201);
        } else if (CONFLICTING.getOrDefault(route, Set.of()).contains(caller)) {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isEqualTo(409);
        } else {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isIn(403, 404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    public void nobodyWithoutClaimsGetsThrough(String route) {
        Row row = MATRIX.get(route);
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[a-zA-Z]+}", "some-id");

        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                method,
                path,
                Optional.empty(),
                row.body().or(() -> Optional.of("{}")),
                Map.of("content-type", "application/json")));

        assertThat(reply.status()).as(route).isEqualTo(401);
    }

    public static Stream<String> routes() {
        return MATRIX.keySet().stream();
    }

    @Test
    public void everyRegisteredRouteIsInTheMatrix() {
        Set<String> registered = RegisteredRoutes.ofThePackageOf(ActivityResource.class);

        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    private static Subject prepare(Preparation preparation) {
        Map<String, String> member = PartyCalls.confirmedMember();
        if (preparation == Preparation.NOTHING) {
            return new Subject(member, "");
        }
        String activity = runningActivity(10);
        if (preparation != Preparation.ACTIVITY) {
            signUp(member, activity);
        }
        if (preparation == Preparation.CHECKED_IN || preparation == Preparation.CHECKED_OUT) {
            ok(presenceStep(member, activity, "check-in", presence(token(activity), LATITUDE)));
        }
        if (preparation == Preparation.CHECKED_OUT) {
            ok(presenceStep(member, activity, "check-out", presence(token(activity), LATITUDE)));
        }
        return new Subject(member, activity);
    }

    private static Optional<String> presenceBody(Preparation preparation, Subject subject) {
        return switch (preparation) {
            case SIGNED_UP, CHECKED_IN -> Optional.of(presence(token(subject.activity()), LATITUDE));
            case NOTHING, MEMBER, ACTIVITY, CHECKED_OUT -> Optional.empty();
        };
    }

    private static synchronized Map<String, String> shared() {
        if (sharedMember == null) {
            sharedMember = PartyCalls.confirmedMember();
        }
        return sharedMember;
    }

    private static String id(Subject subject) {
        return subject.member().get("sub");
    }

    /** A second resident, reported in to community-river and not yet confirmed. */
    private static String reportedOnly(Subject subject) {
        Map<String, String> newcomer = PartyCalls.newMember();
        ApiGateway.Reply reply = Requests.post(
                newcomer,
                "/v1/party/enrolments",
                "{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"community-river\"}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return newcomer.get("sub");
    }

    /** The unit, reported in to community-river by its own officer the first time. */
    private static synchronized String unit() {
        if (!unitReported) {
            ApiGateway.Reply reply = Requests.post(
                    UNIT_OFFICER_CLAIMS,
                    "/v1/party/enrolments",
                    "{\"kind\":\"UNIT\",\"communityId\":\"community-river\",\"enrolleeId\":\"%s\",\"contact\":\"Ms Li\"}"
                            .formatted(UNIT));
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
            unitReported = true;
        }
        return UNIT;
    }

    private static String publishBody() {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        return """
                {"organiserId":"grid-river-1","kind":"SERVICE","title":"Tidy the courtyard","startsAt":"%s","endsAt":"%s",
                 "location":{"latitude":30.251,"longitude":120.161},"radiusMetres":80,"capacity":10}""".formatted(start, start.plusSeconds(7200));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}
