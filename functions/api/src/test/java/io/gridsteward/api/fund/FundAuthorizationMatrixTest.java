package io.gridsteward.api.fund;

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
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.RegisteredRoutes;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every fund route × every caller, inside and outside the jurisdiction of grid-river-1's party-group fund (community-river,
 * town-east): allowed callers get 2xx, the others 403 or 404 and change nothing (not the claim's version, not the account's
 * sums, no Idempotency-Key record), and nobody without claims gets past 401. The routes are read from this package's
 * resource classes, so a new fund endpoint without a row fails {@link #everyFundRouteIsInTheMatrix}. A resident unit's officer and a
 * party member hold no fund role: they are refused everywhere.
 */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
public class FundAuthorizationMatrixTest {

    private static final Map<String, Map<String, String>> CALLERS = new LinkedHashMap<>();
    /** A resident unit of the test county: its officer's token names it. */
    private static final String UNIT = "unit-school";

    @Inject
    public DynamoDbClient dynamoDb;

    static {
        CALLERS.put("RESIDENT", RESIDENT);
        CALLERS.put("another RESIDENT", OTHER_RESIDENT);
        CALLERS.put("GRID_WORKER of the grid", RIVER_GRID_WORKER);
        CALLERS.put("GRID_PARTY_LEADER of the grid (claimant)", RIVER_PARTY_LEADER);
        CALLERS.put("GRID_WORKER of a neighbouring grid", OTHER_GRID_WORKER);
        CALLERS.put("COMMUNITY_SECRETARY of the community", RIVER_SECRETARY);
        CALLERS.put("COMMUNITY_SECRETARY of another town's community", HILL_SECRETARY);
        CALLERS.put("TOWN_DISPATCHER of the town", EAST_DISPATCHER);
        CALLERS.put("TOWN_DISPATCHER of another town", WEST_DISPATCHER);
        CALLERS.put("TOWN_SUPERVISOR of the town", EAST_SUPERVISOR);
        CALLERS.put("TOWN_SUPERVISOR of another town", WEST_SUPERVISOR);
        CALLERS.put("DEPARTMENT_OFFICER", WATER_OFFICER);
        CALLERS.put("COUNTY_LEADER", COUNTY_LEADER);
        CALLERS.put("UNIT_OFFICER of a resident unit", Requests.staff("user-fund-matrix-unit", "UNIT_OFFICER", UNIT));
        CALLERS.put(
                "PARTY_MEMBER of the community",
                Requests.staff("user-fund-matrix-member", "PARTY_MEMBER", "community-river"));
    }

    private static final Set<String> EVERYONE = CALLERS.keySet();
    private static final String CLAIMANT = "GRID_PARTY_LEADER of the grid (claimant)";
    private static final String SECRETARY = "COMMUNITY_SECRETARY of the community";
    private static final String SUPERVISOR = "TOWN_SUPERVISOR of the town";
    private static final String LEADER = "COUNTY_LEADER";
    private static final Set<String> MANAGERS = Set.of(SUPERVISOR, LEADER);
    private static final Set<String> ACCOUNT_READERS =
            Set.of(CLAIMANT, SECRETARY, "TOWN_DISPATCHER of the town", SUPERVISOR, LEADER);

    /** One row per route: how to make the account or claim the route needs ({id}), what to send, and who may. */
    private record Row(Supplier<String> subject, String path, Optional<String> body, Set<String> allowed) {}

    private static final Map<String, Row> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put(
                "POST /v1/fund-accounts",
                new Row(
                        () -> "",
                        "/v1/fund-accounts",
                        Optional.of(
                                "{\"kind\":\"GRID_PARTY_GROUP_ACTIVITY\",\"fiscalYear\":2026,\"holderOrgId\":\"grid-river-1\"}"),
                        MANAGERS));
        MATRIX.put(
                "GET /v1/fund-accounts/{id}",
                new Row(FundRequests::gridAccount, "/v1/fund-accounts/{id}", Optional.empty(), ACCOUNT_READERS));
        MATRIX.put(
                "GET /v1/fund-accounts/{id}/ledger",
                new Row(FundRequests::gridAccount, "/v1/fund-accounts/{id}/ledger", Optional.empty(), ACCOUNT_READERS));
        MATRIX.put(
                "GET /v1/fund-accounts/{id}/claims",
                new Row(FundRequests::gridAccount, "/v1/fund-accounts/{id}/claims", Optional.empty(), ACCOUNT_READERS));
        MATRIX.put(
                "POST /v1/fund-accounts/{id}/allocations",
                new Row(
                        FundRequests::gridAccount,
                        "/v1/fund-accounts/{id}/allocations",
                        Optional.of("{\"amountFen\":100}"),
                        MANAGERS));
        MATRIX.put(
                "POST /v1/fund-accounts/{id}/transfers",
                new Row(
                        FundRequests::gridAccount,
                        "/v1/fund-accounts/{id}/transfers",
                        Optional.of("{\"toAccountId\":\"" + "2026:grid-activity:grid-river-2" + "\",\"amountFen\":1}"),
                        MANAGERS));
        MATRIX.put(
                "POST /v1/fund-accounts/{id}/carry-over",
                new Row(
                        FundAuthorizationMatrixTest::yearWithNext,
                        "/v1/fund-accounts/{id}/carry-over",
                        Optional.of("{\"toAccountId\":\"{next}\"}"),
                        MANAGERS));
        MATRIX.put(
                "POST /v1/delegated-tasks",
                new Row(
                        () -> "",
                        "/v1/delegated-tasks",
                        Optional.of(
                                "{\"taskCode\":\"elderly-care-visits\",\"communityId\":\"community-river\",\"fiscalYear\":2026,\"fundingFen\":500000}"),
                        Set.of("DEPARTMENT_OFFICER")));
        MATRIX.put(
                "POST /v1/fund-receipts",
                new Row(
                        () -> "",
                        "/v1/fund-receipts",
                        Optional.of("{\"contentType\":\"image/jpeg\"}"),
                        Set.of(CLAIMANT, SECRETARY, "COMMUNITY_SECRETARY of another town's community")));
        MATRIX.put(
                "POST /v1/fund-claims",
                new Row(
                        () -> "",
                        "/v1/fund-claims",
                        Optional.of(FundRequests.claimBody(FundRequests.GRID_ACCOUNT, 100)),
                        Set.of(CLAIMANT)));
        MATRIX.put(
                "GET /v1/fund-claims/{id}",
                new Row(FundRequests::submitted, "/v1/fund-claims/{id}", Optional.empty(), ACCOUNT_READERS));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/review",
                new Row(FundRequests::submitted, "/v1/fund-claims/{id}/review", Optional.of("{}"), Set.of(SECRETARY)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/approve",
                new Row(
                        FundRequests::reviewed,
                        "/v1/fund-claims/{id}/approve",
                        Optional.of("{\"approvedAmountFen\":90}"),
                        Set.of(SUPERVISOR)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/return",
                new Row(
                        FundRequests::submitted,
                        "/v1/fund-claims/{id}/return",
                        Optional.of("{\"reason\":\"which activity?\"}"),
                        Set.of(SECRETARY)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/resubmit",
                new Row(FundRequests::returned, "/v1/fund-claims/{id}/resubmit", Optional.of("{}"), Set.of(CLAIMANT)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/reject",
                new Row(
                        FundRequests::submitted,
                        "/v1/fund-claims/{id}/reject",
                        Optional.of("{\"reason\":\"not an activity of the group\"}"),
                        Set.of(SECRETARY)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/withdraw",
                new Row(FundRequests::submitted, "/v1/fund-claims/{id}/withdraw", Optional.of("{}"), Set.of(CLAIMANT)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/pay",
                new Row(FundRequests::approved, "/v1/fund-claims/{id}/pay", Optional.of("{}"), Set.of(SUPERVISOR)));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/publish",
                new Row(FundRequests::paid, "/v1/fund-claims/{id}/publish", Optional.of("{}"), Set.of(SECRETARY)));
        MATRIX.put(
                "GET /v1/fund-communities/{communityId}/published-claims",
                new Row(
                        () -> "community-river",
                        "/v1/fund-communities/{id}/published-claims",
                        Optional.empty(),
                        EVERYONE));
        MATRIX.put(
                "POST /v1/fund-claims/{id}/reverse",
                new Row(
                        FundRequests::paid,
                        "/v1/fund-claims/{id}/reverse",
                        Optional.of("{\"amountFen\":40,\"reason\":\"unspent\"}"),
                        Set.of(SUPERVISOR)));
    }

    /** A fresh community-work account of community-river with money and the next year's account; "{id}|{next}". */
    private static String yearWithNext() {
        int year = FundRequests.freshYear();
        FundRequests.freshYear();
        String from = FundRequests.created(Requests.post(
                        COUNTY_LEADER,
                        "/v1/fund-accounts",
                        "{\"kind\":\"COMMUNITY_WORK\",\"fiscalYear\":%d,\"holderOrgId\":\"community-river\"}"
                                .formatted(year)))
                .path("id")
                .asText();
        String to = FundRequests.created(Requests.post(
                        COUNTY_LEADER,
                        "/v1/fund-accounts",
                        "{\"kind\":\"COMMUNITY_WORK\",\"fiscalYear\":%d,\"holderOrgId\":\"community-river\"}"
                                .formatted(year + 1)))
                .path("id")
                .asText();
        Requests.ok(Requests.post(COUNTY_LEADER, "/v1/fund-accounts/" + from + "/allocations", "{\"amountFen\":1000}"));
        return from + "|" + to;
    }

    public static Stream<Arguments> cells() {
        return MATRIX.keySet().stream()
                .flatMap(route -> CALLERS.keySet().stream().map(caller -> Arguments.of(route, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    public void eachCallerIsAllowedOrRefusedAsTheMatrixSays(String route, String caller) {
        ensureTransferTarget();
        Row row = MATRIX.get(route);
        String[] subject = row.subject().get().split("\\|");
        String id = subject[0];
        String method = route.substring(0, route.indexOf(' '));
        String path = row.path().replace("{id}", id);
        Optional<String> body = row.body().map(text -> subject.length > 1 ? text.replace("{next}", subject[1]) : text);
        String before = state(route, id);
        String idempotencyKey = "fund-matrix-" + UUID.randomUUID();

        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                method,
                path,
                Optional.of(CALLERS.get(caller)),
                body,
                Map.of("content-type", "application/json", "Idempotency-Key", idempotencyKey)));

        if (row.allowed().contains(caller)) {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isBetween(200, 201);
        } else {
            assertThat(reply.status())
                    .as("%s by %s: %s", route, caller, reply.body())
                    .isIn(403, 404);
            assertThat(state(route, id))
                    .as("a refused %s changes nothing", route)
                    .isEqualTo(before);
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
                row.path().replace("{id}", "some-id"),
                Optional.empty(),
                row.body(),
                Map.of("content-type", "application/json")));

        assertThat(reply.status()).as(route).isEqualTo(401);
    }

    public static Stream<String> routes() {
        return MATRIX.keySet().stream();
    }

    @Test
    public void everyFundRouteIsInTheMatrix() {
        Set<String> registered = RegisteredRoutes.ofThePackageOf(FundAccountResource.class);

        assertThat(MATRIX.keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    /** What a refused request must leave as it was: the claim's version, the account's sums and ledger length, or the public list. */
    private static String state(String route, String id) {
        if (id.isEmpty()) {
            return Requests.ok(Requests.get(COUNTY_LEADER, "/v1/fund-accounts/" + FundRequests.gridAccount()))
                    .toString();
        }
        if (route.contains("/published-claims")) {
            return Requests.ok(Requests.get(COUNTY_LEADER, "/v1/fund-communities/" + id + "/published-claims"))
                    .toString();
        }
        if (route.contains("/v1/fund-claims/")) {
            return Requests.ok(Requests.get(COUNTY_LEADER, "/v1/fund-claims/" + id))
                    .path("version")
                    .asText();
        }
        return Requests.ok(Requests.get(COUNTY_LEADER, "/v1/fund-accounts/" + id + "/ledger"))
                .toString();
    }

    /** The transfers' target, grid-river-2's party-group fund. */
    private static void ensureTransferTarget() {
        Requests.post(
                COUNTY_LEADER,
                "/v1/fund-accounts",
                "{\"kind\":\"GRID_PARTY_GROUP_ACTIVITY\",\"fiscalYear\":2026,\"holderOrgId\":\"grid-river-2\"}");
    }
}
