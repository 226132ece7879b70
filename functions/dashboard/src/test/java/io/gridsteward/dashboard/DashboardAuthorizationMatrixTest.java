package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.domain.organisation.Organisation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dashboard route × every kind of caller, over a generated lake holding tickets of two towns: refused callers get
 * exactly 401 or 403 problem+json; allowed callers get exactly the county leader's rows about the organisations in their
 * jurisdiction (worked out here from the county's structure, not by the function), a scope out of their sight is a 404,
 * and only the whole county groups by category. The routes are read from the resource classes, so a new dashboard route
 * without a row here fails {@link #everyDashboardRouteIsInTheMatrix}.
 */
@QuarkusTest
@WithTestResource(TwoTownLakeResource.class)
@WithTestResource(CountyTableResource.class)
class DashboardAuthorizationMatrixTest {

    private static final String FROM_TO = "period=month&from=2026-11-01&to=2026-11-30";

    /** Who calls: their claims (empty: no authorizer at all), and either the organisation they see or the refusal's status. */
    private record Caller(Optional<Map<String, String>> claims, Optional<String> jurisdiction, int refusal) {

        static Caller sees(Map<String, String> claims, String organisation) {
            return new Caller(Optional.of(claims), Optional.of(organisation), 0);
        }

        static Caller refused(Optional<Map<String, String>> claims, int status) {
            return new Caller(claims, Optional.empty(), status);
        }

        static Caller refused(Map<String, String> claims, int status) {
            return refused(Optional.of(claims), status);
        }
    }

    private static final Map<String, Caller> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put(
                "COUNTY_LEADER",
                Caller.sees(DashboardGateway.staff("user-leader", "COUNTY_LEADER", "county"), "county"));
        CALLERS.put(
                "TOWN_DISPATCHER of town-east",
                Caller.sees(
                        DashboardGateway.staff("user-east-dispatcher", "TOWN_DISPATCHER", "town-east"), "town-east"));
        CALLERS.put(
                "TOWN_SUPERVISOR of town-east",
                Caller.sees(
                        DashboardGateway.staff("user-east-supervisor", "TOWN_SUPERVISOR", "town-east"), "town-east"));
        CALLERS.put(
                "TOWN_DISPATCHER of town-west",
                Caller.sees(
                        DashboardGateway.staff("user-west-dispatcher", "TOWN_DISPATCHER", "town-west"), "town-west"));
        CALLERS.put(
                "COMMUNITY_SECRETARY of community-east-1",
                Caller.sees(
                        DashboardGateway.staff("user-east-secretary", "COMMUNITY_SECRETARY", "community-east-1"),
                        "community-east-1"));
        CALLERS.put(
                "COMMUNITY_SECRETARY of community-west-1",
                Caller.sees(
                        DashboardGateway.staff("user-west-secretary", "COMMUNITY_SECRETARY", "community-west-1"),
                        "community-west-1"));
        CALLERS.put(
                "GRID_WORKER of grid-east-1a",
                Caller.sees(DashboardGateway.staff("user-grid-worker", "GRID_WORKER", "grid-east-1a"), "grid-east-1a"));
        CALLERS.put(
                "GRID_PARTY_LEADER of grid-west-1b",
                Caller.sees(
                        DashboardGateway.staff("user-grid-party-leader", "GRID_PARTY_LEADER", "grid-west-1b"),
                        "grid-west-1b"));
        CALLERS.put(
                "DEPARTMENT_OFFICER of dept-water",
                Caller.sees(
                        DashboardGateway.staff("user-water-officer", "DEPARTMENT_OFFICER", "dept-water"),
                        "dept-water"));
        CALLERS.put("RESIDENT", Caller.refused(Map.of("sub", "user-resident", "custom:role", "RESIDENT"), 403));
        CALLERS.put(
                "PARTY_MEMBER of community-east-1",
                Caller.refused(DashboardGateway.staff("user-member", "PARTY_MEMBER", "community-east-1"), 403));
        CALLERS.put(
                "UNIT_OFFICER of unit-school",
                Caller.refused(DashboardGateway.staff("user-unit-officer", "UNIT_OFFICER", "unit-school"), 403));
        CALLERS.put("SYSTEM", Caller.refused(Map.of("sub", "system", "custom:role", "SYSTEM"), 401));
        CALLERS.put("no role", Caller.refused(Map.of("sub", "user-nobody", "custom:org_id", "county"), 401));
        CALLERS.put(
                "lower-case county_leader",
                Caller.refused(DashboardGateway.staff("user-lower", "county_leader", "county"), 401));
        CALLERS.put("unknown role MAYOR", Caller.refused(DashboardGateway.staff("user-mayor", "MAYOR", "county"), 401));
        CALLERS.put(
                "COUNTY_LEADER without organisation",
                Caller.refused(Map.of("sub", "user-orgless", "custom:role", "COUNTY_LEADER"), 401));
        CALLERS.put(
                "TOWN_DISPATCHER without organisation",
                Caller.refused(Map.of("sub", "user-orgless-dispatcher", "custom:role", "TOWN_DISPATCHER"), 401));
        CALLERS.put(
                "DEPARTMENT_OFFICER of a grid",
                Caller.refused(DashboardGateway.staff("user-odd-officer", "DEPARTMENT_OFFICER", "grid-east-1a"), 403));
        CALLERS.put(
                "GRID_WORKER of a town",
                Caller.refused(DashboardGateway.staff("user-odd-worker", "GRID_WORKER", "town-east"), 403));
        CALLERS.put(
                "COUNTY_LEADER of a town",
                Caller.refused(DashboardGateway.staff("user-odd-leader", "COUNTY_LEADER", "town-west"), 403));
        CALLERS.put(
                "TOWN_DISPATCHER of no town of the county",
                Caller.refused(DashboardGateway.staff("user-stranger", "TOWN_DISPATCHER", "town-elsewhere"), 403));
        CALLERS.put("no claims", Caller.refused(Optional.empty(), 401));
    }

    /** Per route, the requests every caller makes: each answer is held to the leader's rows in the caller's jurisdiction. */
    private static final Map<String, List<String>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put(
                "GET /v1/dashboards/metrics",
                List.of(
                        "/v1/dashboards/metrics?metric=ticket_rates&dimension=grid&" + FROM_TO,
                        "/v1/dashboards/metrics?metric=ticket_rates&dimension=community&" + FROM_TO,
                        "/v1/dashboards/metrics?metric=ticket_rates&dimension=town&" + FROM_TO,
                        "/v1/dashboards/metrics?metric=ticket_rates&dimension=department&" + FROM_TO,
                        "/v1/dashboards/metrics?metric=sla_misses&dimension=town&" + FROM_TO,
                        "/v1/dashboards/metrics?metric=sla_misses&dimension=grid&" + FROM_TO));
    }

    /** The routes outside the authorizer: the page and its scripts, which carry no data. */
    private static final Set<String> PUBLIC_ROUTES = Set.of("GET /", "GET /dashboard-assets/{name}");

    static Stream<Arguments> cells() {
        return MATRIX.keySet().stream()
                .flatMap(route -> CALLERS.keySet().stream().map(caller -> Arguments.of(route, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void eachCallerSeesExactlyTheirJurisdictionOrIsRefused(String route, String callerName) {
        Caller caller = CALLERS.get(callerName);
        for (String request : MATRIX.get(route)) {
            DashboardGateway.Reply reply = DashboardGateway.get(caller.claims(), request);
            if (caller.jurisdiction().isEmpty()) {
                assertThat(reply.status())
                        .as("%s by %s: %s", request, callerName, reply.body())
                        .isEqualTo(caller.refusal());
                assertProblem(reply, caller.refusal(), request);
                assertThat(reply.body().has("rows")).isFalse();
                continue;
            }
            assertThat(reply.status())
                    .as("%s by %s: %s", request, callerName, reply.body())
                    .isEqualTo(200);
            Set<String> inSight = below(caller.jurisdiction().get());
            List<JsonNode> expected = rows(leader(request)).stream()
                    .filter(row -> isAbout(row, inSight))
                    .toList();
            assertThat(rows(reply)).as("%s by %s", request, callerName).containsExactlyElementsOf(expected);
            assertThat(reply.body().path("scope").asText())
                    .isEqualTo(caller.jurisdiction().get());
        }
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void aScopeOutOfSightIsA404AndOnlyTheWholeCountyGroupsByCategory(String route, String callerName) {
        Caller caller = CALLERS.get(callerName);
        if (caller.jurisdiction().isEmpty()) {
            return;
        }
        String own = caller.jurisdiction().get();
        String outside =
                own.equals("county") ? "town-elsewhere" : below("town-east").contains(own) ? "town-west" : "town-east";
        String request = MATRIX.get(route).getFirst();
        DashboardGateway.Reply outOfSight = DashboardGateway.get(
                caller.claims(), request + (request.contains("?") ? "&" : "?") + "scope=" + outside);
        assertThat(outOfSight.status())
                .as("scope %s by %s: %s", outside, callerName, outOfSight.body())
                .isEqualTo(404);
        assertProblem(outOfSight, 404, request);
        assertThat(outOfSight.body().path("errors").path(0).path("field").asText())
                .isEqualTo("scope");

        if (route.equals("GET /v1/dashboards/metrics")) {
            DashboardGateway.Reply categories = DashboardGateway.get(
                    caller.claims(), "/v1/dashboards/metrics?metric=ticket_rates&dimension=category&" + FROM_TO);
            assertThat(categories.status())
                    .as("categories by %s: %s", callerName, categories.body())
                    .isEqualTo(own.equals("county") ? 200 : 403);
            if (own.equals("county")) {
                assertThat(rows(categories))
                        .extracting(row -> row.path("dimensionValue").asText())
                        .containsExactlyInAnyOrder("ROAD_DAMAGE", "STREETLIGHT", "WATER_LEAK");
            } else {
                assertProblem(categories, 403, "/v1/dashboards/metrics");
                assertThat(categories
                                .body()
                                .path("errors")
                                .path(0)
                                .path("field")
                                .asText())
                        .isEqualTo("dimension");
            }
        }
    }

    @Test
    void theLakeHasRowsOfBothTownsAndEveryAllowedCallerSeesSomeOfTheirOwn() {
        assertThat(rows(leader("/v1/dashboards/metrics?metric=ticket_rates&dimension=town&" + FROM_TO)))
                .extracting(row -> row.path("dimensionValue").asText())
                .containsExactlyInAnyOrder("town-east", "town-west");
        assertThat(rows(leader("/v1/dashboards/metrics?metric=sla_misses&dimension=town&" + FROM_TO)))
                .extracting(row -> row.path("responsibleOrgKind").asText())
                .contains("TOWN", "GRID");
        CALLERS.forEach((name, caller) -> caller.jurisdiction().ifPresent(organisation -> {
            long seen = MATRIX.values().stream()
                    .flatMap(List::stream)
                    .mapToLong(request ->
                            rows(DashboardGateway.get(caller.claims(), request)).size())
                    .sum();
            assertThat(seen).as("rows seen by %s", name).isPositive();
        }));
    }

    @Test
    void aNarrowerScopeAnswersTheRowsOfThatOrganisationAsItsOwnStaffSeeThem() {
        String request = "/v1/dashboards/metrics?metric=ticket_rates&dimension=grid&" + FROM_TO;
        DashboardGateway.Reply leaderInTown =
                DashboardGateway.get(CALLERS.get("COUNTY_LEADER").claims(), request + "&scope=town-east");
        DashboardGateway.Reply dispatcher =
                DashboardGateway.get(CALLERS.get("TOWN_DISPATCHER of town-east").claims(), request);
        DashboardGateway.Reply dispatcherInCommunity = DashboardGateway.get(
                CALLERS.get("TOWN_DISPATCHER of town-east").claims(), request + "&scope=community-east-2");

        assertThat(leaderInTown.body().path("scope").asText()).isEqualTo("town-east");
        assertThat(rows(leaderInTown)).isNotEmpty().isEqualTo(rows(dispatcher));
        assertThat(rows(dispatcherInCommunity))
                .extracting(row -> row.path("dimensionValue").asText())
                .containsOnly("grid-east-2a");
    }

    @Test
    void everyDashboardRouteIsInTheMatrix() throws Exception {
        Set<String> registered = registeredRoutes();

        assertThat(registered.stream()
                        .filter(route -> !PUBLIC_ROUTES.contains(route))
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
        assertThat(registered).containsAll(PUBLIC_ROUTES);
    }

    private static void assertProblem(DashboardGateway.Reply reply, int status, String request) {
        String path = request.contains("?") ? request.substring(0, request.indexOf('?')) : request;
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("type").asText()).startsWith("urn:grid-steward:problem:");
        assertThat(reply.body().path("instance").asText()).isEqualTo(path);
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }

    private static DashboardGateway.Reply leader(String request) {
        DashboardGateway.Reply reply =
                DashboardGateway.get(CALLERS.get("COUNTY_LEADER").claims(), request);
        assertThat(reply.status())
                .as("%s by the county leader: %s", request, reply.body())
                .isEqualTo(200);
        return reply;
    }

    private static List<JsonNode> rows(DashboardGateway.Reply reply) {
        return StreamSupport.stream(reply.body().path("rows").spliterator(), false)
                .toList();
    }

    /** Whether a row's figures are about an organisation in sight: its dimension value or responsible organisation. */
    private static boolean isAbout(JsonNode row, Set<String> inSight) {
        return Stream.of("dimensionValue", "responsibleOrgId")
                .map(column -> row.path(column).asText(null))
                .anyMatch(value -> value != null && inSight.contains(value));
    }

    /** {@code root} and every organisation whose chain of parents reaches it, from the county's structure. */
    private static Set<String> below(String root) {
        Map<String, String> parents = CountyTableResource.ORGANISATIONS.stream()
                .filter(organisation -> organisation.parentId().isPresent())
                .collect(Collectors.toMap(
                        organisation -> organisation.id().value(),
                        organisation -> organisation.parentId().orElseThrow().value()));
        Set<String> below = new TreeSet<>();
        for (Organisation organisation : CountyTableResource.ORGANISATIONS) {
            for (String id = organisation.id().value(); id != null; id = parents.get(id)) {
                if (id.equals(root)) {
                    below.add(organisation.id().value());
                    break;
                }
            }
        }
        return below;
    }

    /** {@code METHOD /path} of every resource method of every {@code @Path} class of the dashboard function. */
    private static Set<String> registeredRoutes() throws Exception {
        java.nio.file.Path root = Paths.get(MetricsResource.class
                        .getResource(MetricsResource.class.getSimpleName() + ".class")
                        .toURI())
                .getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(root)) {
            for (java.nio.file.Path file : files.filter(
                            file -> file.getFileName().toString().endsWith(".class"))
                    .toList()) {
                String name = file.getFileName().toString();
                classes.add(Class.forName(
                        MetricsResource.class.getPackageName() + "."
                                + name.substring(0, name.length() - ".class".length()),
                        false,
                        MetricsResource.class.getClassLoader()));
            }
        }
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : classes) {
            Path path = type.getAnnotation(Path.class);
            if (path == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(verb + " " + join(path.value(), sub == null ? "" : sub.value()));
                });
            }
        }
        return routes;
    }

    private static String join(String root, String sub) {
        if (sub.isEmpty()) {
            return root;
        }
        return (root.endsWith("/") ? root : root + "/") + (sub.startsWith("/") ? sub.substring(1) : sub);
    }

    private static Optional<String> httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return Optional.of("GET");
        }
        if (method.isAnnotationPresent(POST.class)) {
            return Optional.of("POST");
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return Optional.of("PUT");
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return Optional.of("DELETE");
        }
        return method.isAnnotationPresent(PATCH.class) ? Optional.of("PATCH") : Optional.empty();
    }
}
