package io.gridsteward.api.core;

import static io.gridsteward.api.core.Requests.COUNTY_LEADER;
import static io.gridsteward.api.core.Requests.EAST_DISPATCHER;
import static io.gridsteward.api.core.Requests.EAST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.HILL_SECRETARY;
import static io.gridsteward.api.core.Requests.OTHER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.OTHER_RESIDENT;
import static io.gridsteward.api.core.Requests.RESIDENT;
import static io.gridsteward.api.core.Requests.RIVER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.WATER_OFFICER;
import static io.gridsteward.api.core.Requests.WEST_DISPATCHER;
import static io.gridsteward.api.core.Requests.WEST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.api.fund.FundAuthorizationMatrixTest;
import io.gridsteward.api.resource.OffersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every route × every caller, inside and outside the ticket's jurisdiction: allowed callers get 2xx, the others
 * 403 or 404 and change nothing (not even the Idempotency-Key sent with every request), and nobody without claims
 * gets past 401. The routes are read from the resource classes themselves, so a new endpoint without a row here
 * fails {@link #everyRegisteredRouteIsInTheMatrix}.
 *
 * <p>The ticket is reported by RESIDENT in grid-river-1 (community-river, town-east) and, where the route needs
 * it, dispatched to grid-river-1.
 */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
public class AuthorizationMatrixTest {

    private static final Map<String, Map<String, String>> CALLERS = new LinkedHashMap<>();

    @Inject
    public DynamoDbClient dynamoDb;

    static {
        CALLERS.put("reporter (RESIDENT)", RESIDENT);
        CALLERS.put("another RESIDENT", OTHER_RESIDENT);
        CALLERS.put("GRID_WORKER of the grid (assignee)", RIVER_GRID_WORKER);
        CALLERS.put("GRID_PARTY_LEADER of the grid (assignee)", RIVER_PARTY_LEADER);
        CALLERS.put("GRID_WORKER of a neighbouring grid", OTHER_GRID_WORKER);
        CALLERS.put("COMMUNITY_SECRETARY of the community", RIVER_SECRETARY);
        CALLERS.put("COMMUNITY_SECRETARY of another town's community", HILL_SECRETARY);
        CALLERS.put("TOWN_DISPATCHER of the town", EAST_DISPATCHER);
        CALLERS.put("TOWN_DISPATCHER of another town", WEST_DISPATCHER);
        CALLERS.put("TOWN_SUPERVISOR of the town", EAST_SUPERVISOR);
        CALLERS.put("TOWN_SUPERVISOR of another town", WEST_SUPERVISOR);
        CALLERS.put("DEPARTMENT_OFFICER not assigned", WATER_OFFICER);
        CALLERS.put("COUNTY_LEADER", COUNTY_LEADER);
    }

    private static final Set<String> EVERYONE = CALLERS.keySet();
    private static final Set<String> ASSIGNEE =
            Set.of("GRID_WORKER of the grid (assignee)", "GRID_PARTY_LEADER of the grid (assignee)");
    private static final String DISPATCHER = "TOWN_DISPATCHER of the town";
    private static final String SUPERVISOR = "TOWN_SUPERVISOR of the town";
    private static final String REPORTER = "reporter (RESIDENT)";
    private static final String LEADER = "COUNTY_LEADER";

    /** One row per route: how to make the ticket the route needs, what to send, and who may. */
    private record Row(Supplier<String> ticket, String path, Optional<String> body, Set<String> allowed) {}

    private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put(
                "POST /v1/tickets",
                new Row(
                        () -> "",
                        "/v1/tickets",
                        Optional.of(Requests.POTHOLE),
                        Set.of(
                                REPORTER,
                                "another RESIDENT",
                                "GRID_WORKER of the grid (assignee)",
                                DISPATCHER,
                                SUPERVISOR)));
        MATRIX.put(
                "GET /v1/tickets/{id}",
                new Row(
                        Requests::dispatched,
                        "/v1/tickets/{id}",
                        Optional.empty(),
                        union(
                                ASSIGNEE,
                                Set.of(
                                        REPORTER,
                                        "COMMUNITY_SECRETARY of the community",
                                        DISPATCHER,
                                        SUPERVISOR,
                                        LEADER))));
        MATRIX.put(
                "POST /v1/tickets/{id}/dispatch",
                new Row(
                        Requests::reported,
                        "/v1/tickets/{id}/dispatch",
                        Optional.of("{\"assigneeOrgId\":\"grid-river-1\"}"),
                        Set.of(DISPATCHER)));
        MATRIX.put(
                "POST /v1/tickets/{id}/accept",
                new Row(Requests::dispatched, "/v1/tickets/{id}/accept", Optional.of("{}"), ASSIGNEE));
        MATRIX.put(
                "POST /v1/tickets/{id}/return",
                new Row(
                        Requests::dispatched,
                        "/v1/tickets/{id}/return",
                        Optional.of("{\"reason\":\"wrong grid\"}"),
                        ASSIGNEE));
        MATRIX.put(
                "POST /v1/tickets/{id}/escalate",
                new Row(
                        Requests::dispatched,
                        "/v1/tickets/{id}/escalate",
                        Optional.of("{\"reason\":\"too big for us\"}"),
                        union(ASSIGNEE, Set.of(DISPATCHER))));
        MATRIX.put(
                "POST /v1/tickets/{id}/resolve",
                new Row(
                        Requests::accepted,
                        "/v1/tickets/{id}/resolve",
                        Optional.of("{\"note\":\"filled\"}"),
                        ASSIGNEE));
        MATRIX.put(
                "POST /v1/tickets/{id}/evaluate",
                new Row(
                        Requests::resolved,
                        "/v1/tickets/{id}/evaluate",
                        Optional.of("{\"rating\":5}"),
                        Set.of(REPORTER)));
        MATRIX.put(
                "POST /v1/tickets/{id}/reopen",
                new Row(
                        Requests::resolved,
                        "/v1/tickets/{id}/reopen",
                        Optional.of("{\"reason\":\"still there\"}"),
                        Set.of(REPORTER)));
        MATRIX.put(
                "POST /v1/tickets/{id}/close",
                new Row(Requests::resolved, "/v1/tickets/{id}/close", Optional.of("{}"), Set.of(DISPATCHER)));
        MATRIX.put(
                "POST /v1/tickets/{id}/cancel",
                new Row(
                        Requests::dispatched,
                        "/v1/tickets/{id}/cancel",
                        Optional.of("{\"reason\":\"duplicate\"}"),
                        Set.of(DISPATCHER)));
        MATRIX.put(
                "POST /v1/tickets/{id}/supervise",
                new Row(
                        Requests::dispatched,
                        "/v1/tickets/{id}/supervise",
                        Optional.of("{\"note\":\"hurry\"}"),
                        Set.of(SUPERVISOR)));
        MATRIX.put(
                "POST /v1/tickets/{id}/attachments",
                new Row(
                        Requests::dispatched,
                        "/v1/tickets/{id}/attachments",
                        Optional.of("{\"contentType\":\"image/jpeg\"}"),
                        union(ASSIGNEE, Set.of(REPORTER))));
        MATRIX.put(
                "GET /v1/towns/{townId}/queue",
                new Row(
                        () -> "",
                        "/v1/towns/town-east/queue",
                        Optional.empty(),
                        Set.of(DISPATCHER, SUPERVISOR, LEADER)));
        MATRIX.put(
                "GET /v1/orgs/{id}/tickets",
                new Row(
                        () -> "",
                        "/v1/orgs/grid-river-1/tickets",
                        Optional.empty(),
                        union(ASSIGNEE, Set.of(DISPATCHER, SUPERVISOR, LEADER))));
        MATRIX.put(
                "GET /v1/grids/{gridId}/tickets",
                new Row(
                        () -> "",
                        "/v1/grids/grid-river-1/tickets",
                        Optional.empty(),
                        union(
                                ASSIGNEE,
                                Set.of("COMMUNITY_SECRETARY of the community", DISPATCHER, SUPERVISOR, LEADER))));
        MATRIX.put("GET /v1/me/tickets", new Row(() -> "", "/v1/me/tickets", Optional.empty(), EVERYONE));
        MATRIX.put("GET /v1/orgs/{id}", new Row(() -> "", "/v1/orgs/grid-river-1", Optional.empty(), EVERYONE));
        MATRIX.put(
                "GET /v1/orgs/{id}/children",
                new Row(() -> "", "/v1/orgs/community-river/children", Optional.empty(), EVERYONE));
        MATRIX.put(
                "GET /v1/me/organisations",
                new Row(
                        () -> "",
                        "/v1/me/organisations",
                        Optional.empty(),
                        EVERYONE.stream()
                                .filter(caller -> !caller.contains("RESIDENT"))
                                .collect(Collectors.toSet())));
    }

    public static Stream<Arguments> cells() {
        return MATRIX.keySet().stream()
                .flatMap(route -> CALLERS.keySet().stream().map(caller -> Arguments.of(route, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    public void eachCallerIsAllowedOrRefusedAsTheMatrixSays(String route, String caller) {
        Row row = MATRIX.get(route);
        String ticketId = row.ticket().get();
        String method = route.substring(0, route.indexOf(' '));
        String path = row.path().replace("{id}", ticketId);
        long versionBefore = ticketId.isEmpty() ? 0 : version(ticketId);
        String idempotencyKey = "matrix-" + UUID.randomUUID();

        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                method,
                path,
                Optional.of(CALLERS.get(caller)),
                row.body(),
                Map.of("content-type", "application/json", "Idempotency-Key", idempotencyKey)));

        if (row.allowed().contains(caller)) {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isBetween(200, 201);
        } else {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isIn(403, 404);
            if (!ticketId.isEmpty()) {
                assertThat(version(ticketId))
                        .as("a refused %s changes nothing", route)
                        .isEqualTo(versionBefore);
            }
            assertThat(Requests.partition(
                            dynamoDb, "IDEMPOTENCY#" + CALLERS.get(caller).get("sub") + "#" + idempotencyKey))
                    .as("a refused %s keeps no Idempotency-Key", route)
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    public void nobodyWithoutClaimsGetsThrough(String route) {
        Row row = MATRIX.get(route);
        String method = route.substring(0, route.indexOf(' '));

        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                method,
                row.path().replace("{id}", "some-ticket"),
                Optional.empty(),
                row.body(),
                Map.of("content-type", "application/json")));

        assertThat(reply.status()).as(route).isEqualTo(401);
    }

    public static Stream<String> routes() {
        return MATRIX.keySet().stream();
    }

    @Test
    public void everyRegisteredRouteIsInTheMatrix() throws Exception {
        Set<String> registered = RegisteredRoutes.ofTheApi();
        // The resource context's routes have a matrix of their own: ResourceAuthorizationMatrixTest.
        registered.removeAll(RegisteredRoutes.ofThePackageOf(OffersResource.class));
        // The party context's routes need a fresh member, activity or attendance per cell: PartyAuthorizationMatrixTest
        // holds every one of them (and fails on a party route it lacks).
        registered.removeIf(route -> route.contains(" /v1/party/"));

        // The fund context's routes have a matrix of their own, around its accounts and claims, held complete there.
        Set<String> fundRoutes = FundAuthorizationMatrixTest.routes().collect(java.util.stream.Collectors.toSet());

        assertThat(registered).isNotEmpty();
        assertThat(union(MATRIX.keySet(), fundRoutes)).containsExactlyInAnyOrderElementsOf(registered);
    }

    private static long version(String ticketId) {
        return Requests.ok(get(RESIDENT, "/v1/tickets/" + ticketId))
                .path("version")
                .asLong();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}
