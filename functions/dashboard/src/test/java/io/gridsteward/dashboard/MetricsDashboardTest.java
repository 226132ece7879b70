package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/dashboards/metrics} by the county leader over the Parquet objects LakeTestResource puts in S3Proxy. */
@QuarkusTest
@WithTestResource(LakeTestResource.class)
@WithTestResource(CountyTableResource.class)
class MetricsDashboardTest {

    static final Map<String, String> COUNTY_LEADER =
            DashboardGateway.staff("user-county-leader", "COUNTY_LEADER", "county");

    private static JsonPath metrics(String query) {
        DashboardGateway.Reply reply = answer(query);
        assertThat(reply.status()).as("%s: %s", query, reply.body()).isEqualTo(200);
        assertThat(reply.header("content-type")).startsWith("application/json");
        return JsonPath.from(reply.body().toString());
    }

    private static DashboardGateway.Reply answer(String query) {
        return DashboardGateway.get(COUNTY_LEADER, "/v1/dashboards/metrics" + (query.isEmpty() ? "" : "?" + query));
    }

    private static JsonPath problem(String query, int status) {
        DashboardGateway.Reply reply = answer(query);
        assertThat(reply.status()).as("%s: %s", query, reply.body()).isEqualTo(status);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        return JsonPath.from(reply.body().toString());
    }

    @Test
    void timeToDispatchPerGridAndLocalDay() {
        JsonPath body = metrics("metric=time_to_dispatch&dimension=grid&period=day&from=2026-11-24&to=2026-11-25");

        assertThat(body.getString("metric")).isEqualTo("time_to_dispatch");
        assertThat(body.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(body.getBoolean("exact")).isTrue();
        assertThat(body.getString("from")).isEqualTo("2026-11-24");
        // 08:00 UTC is 16:00 in Asia/Shanghai: each day's dispatches stay on their day.
        assertThat(body.getList("rows", Map.class))
                .containsExactly(
                        Map.of(
                                "dimensionValue",
                                "grid-east",
                                "periodStart",
                                "2026-11-24",
                                "tickets",
                                2,
                                "medianSeconds",
                                60.0f,
                                "p90Seconds",
                                120.0f),
                        Map.of(
                                "dimensionValue",
                                "grid-west",
                                "periodStart",
                                "2026-11-24",
                                "tickets",
                                1,
                                "medianSeconds",
                                0.5f,
                                "p90Seconds",
                                0.5f),
                        Map.of(
                                "dimensionValue",
                                "grid-east",
                                "periodStart",
                                "2026-11-25",
                                "tickets",
                                1,
                                "medianSeconds",
                                600.0f,
                                "p90Seconds",
                                600.0f));
    }

    @Test
    void onTimeRatePerGridAndMonth() {
        JsonPath body = metrics("metric=on_time_rate&dimension=grid&period=month&from=2026-11-01&to=2026-11-30");

        assertThat(body.getList("rows", Map.class))
                .containsExactly(Map.of(
                        "dimensionValue",
                        "grid-east",
                        "periodStart",
                        "2026-11-01",
                        "resolvedTickets",
                        2,
                        "onTimeTickets",
                        1,
                        "onTimeRate",
                        0.5f,
                        "reopenedTickets",
                        0));
    }

    @Test
    void overdueBacklogAtTheEndOfEachDay() {
        JsonPath body = metrics("metric=overdue_backlog&dimension=grid&period=day&from=2026-11-26&to=2026-11-26");

        // At midnight local after the 26th: east-2 and east-3 open, north-1 open past its resolve-by time
        // (16:00 local on the 26th), west-1 open; east-1 resolved.
        assertThat(body.getList("rows", Map.class))
                .containsExactly(
                        Map.of(
                                "dimensionValue",
                                "grid-east",
                                "periodStart",
                                "2026-11-26",
                                "openTickets",
                                2,
                                "overdueTickets",
                                0),
                        Map.of(
                                "dimensionValue",
                                "grid-north",
                                "periodStart",
                                "2026-11-26",
                                "openTickets",
                                1,
                                "overdueTickets",
                                1),
                        Map.of(
                                "dimensionValue",
                                "grid-west",
                                "periodStart",
                                "2026-11-26",
                                "openTickets",
                                1,
                                "overdueTickets",
                                0));
    }

    @Test
    void theServerTimingHeaderSaysWhetherTheEngineRanAndHowLongTheFunctionTook() {
        // A period no other test asks for, so that the first answer is the engine's.
        String query = "metric=ratings&dimension=town&period=week&from=2026-10-05&to=2026-10-18";
        DashboardGateway.Reply computed = answer(query);
        DashboardGateway.Reply cached = answer(query);

        assertThat(computed.header("server-timing")).matches("engine;dur=\\d+\\.\\d, handler;dur=\\d+\\.\\d");
        assertThat(cached.header("server-timing")).matches("cache;desc=hit, handler;dur=\\d+\\.\\d");
        double engine =
                Double.parseDouble(computed.header("server-timing").replaceAll("engine;dur=([0-9.]+),.*", "$1"));
        double handler =
                Double.parseDouble(computed.header("server-timing").replaceAll(".*handler;dur=([0-9.]+)", "$1"));
        assertThat(engine).isPositive().isLessThanOrEqualTo(handler);
    }

    @Test
    void dispatchModesKeepHandDispatchedTimesApartAndASecondAskIsServedFromTheCache() {
        String query = "metric=dispatch_modes&dimension=grid&period=month&from=2026-11-02&to=2026-11-29";
        JsonPath first = metrics(query);
        JsonPath second = metrics(query);

        // Every test ticket was dispatched by a dispatcher: none auto-routed, every time counted.
        assertThat(first.getList("rows", Map.class))
                .containsExactly(
                        Map.of(
                                "dimensionValue",
                                "grid-east",
                                "periodStart",
                                "2026-11-01",
                                "dispatchedTickets",
                                3,
                                "autoRoutedTickets",
                                0,
                                "handDispatchedTickets",
                                3,
                                "handMedianSeconds",
                                120.0f,
                                "handP90Seconds",
                                600.0f),
                        Map.of(
                                "dimensionValue",
                                "grid-west",
                                "periodStart",
                                "2026-11-01",
                                "dispatchedTickets",
                                1,
                                "autoRoutedTickets",
                                0,
                                "handDispatchedTickets",
                                1,
                                "handMedianSeconds",
                                0.5f,
                                "handP90Seconds",
                                0.5f));
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(second.getBoolean("cached")).isTrue();
        assertThat(second.getString("computedAt")).isEqualTo(first.getString("computedAt"));
        assertThat(second.getList("rows")).isEqualTo(first.getList("rows"));
    }

    @Test
    void slaMissesPerTownAndResponsibleOrganisation() {
        JsonPath body = metrics("metric=sla_misses&dimension=town&period=day&from=2026-11-24&to=2026-11-30");

        // north-1 flagged in the town dispatcher's queue: a dispatch miss against the town, in no grid's row.
        assertThat(body.getString("metric")).isEqualTo("sla_misses");
        assertThat(body.getList("rows", Map.class))
                .containsExactly(Map.of(
                        "dimensionValue",
                        "town-1",
                        "periodStart",
                        "2026-11-24",
                        "responsibleOrgId",
                        "town-1",
                        "responsibleOrgKind",
                        "TOWN",
                        "misses",
                        1,
                        "dispatchMisses",
                        1,
                        "acceptanceMisses",
                        0,
                        "resolutionMisses",
                        0,
                        "missedTickets",
                        1));
        assertThat(metrics("metric=sla_misses&dimension=grid&period=month&from=2026-11-01&to=2026-11-30")
                        .getList("rows"))
                .isEmpty();
    }

    @Test
    void everyOtherMetricAnswersRowsOfItsOwnShape() {
        // The four dispatches and two resolutions are the department's (unit-7), charged to it, none to the town.
        assertThat(metrics("metric=ticket_rates&dimension=department&period=week&from=2026-11-23&to=2026-11-29")
                        .getList("rows", Map.class))
                .containsExactly(Map.of(
                        "dimensionValue",
                        "unit-7",
                        "periodStart",
                        "2026-11-23",
                        "receivedTickets",
                        4,
                        "returnedTickets",
                        0,
                        "escalatedTickets",
                        0,
                        "returnRate",
                        0.0f,
                        "escalationRate",
                        0.0f,
                        "resolvedTickets",
                        2,
                        "reopenedTickets",
                        0,
                        "reopenRate",
                        0.0f));
        assertThat(metrics("metric=ticket_rates&dimension=town&period=week&from=2026-11-23&to=2026-11-29")
                        .getList("rows"))
                .isEmpty();
        assertThat(metrics("metric=time_to_resolve&dimension=category&period=month&from=2026-11-01&to=2026-11-30")
                        .getList("rows", Map.class))
                .containsExactly(Map.of(
                        "dimensionValue",
                        "ROAD_DAMAGE",
                        "periodStart",
                        "2026-11-01",
                        "tickets",
                        2,
                        "medianSeconds",
                        7_200.0f,
                        "p90Seconds",
                        259_200.0f));
        assertThat(metrics("metric=ratings&dimension=grid&period=day&from=2026-11-24&to=2026-11-30")
                        .getList("rows"))
                .isEmpty();
        assertThat(metrics("metric=time_to_accept&dimension=department&period=day&from=2026-11-24&to=2026-11-30")
                        .getList("rows"))
                .isEmpty();
    }

    @Test
    void theAssessmentAnswersItsRatesCountsIntervalsAndFormula() {
        JsonPath body = metrics("metric=assessment&dimension=department&period=month&from=2026-11-01&to=2026-11-30");

        // unit-7 received four tickets (their dispatches carry no acceptance limit, so no response is judged), held the
        // four that fell due (north-1 waited in the town's queue), resolved east-1 in time and east-2 late.
        assertThat(body.getString("metric")).isEqualTo("assessment");
        assertThat(body.getList("rows.dimensionValue")).containsExactly("unit-7");
        assertThat(body.getInt("rows[0].receivedTickets")).isEqualTo(4);
        assertThat(body.getInt("rows[0].responseJudged")).isZero();
        assertThat(body.getInt("rows[0].dueTickets")).isEqualTo(4);
        assertThat(body.getInt("rows[0].resolvedTickets")).isEqualTo(2);
        assertThat(body.getInt("rows[0].onTimeClosures")).isEqualTo(1);
        assertThat(body.getFloat("rows[0].resolutionRate")).isEqualTo(0.5f);
        assertThat(body.getFloat("rows[0].resolutionRateLow")).isBetween(0.15f, 0.16f);
        assertThat(body.getFloat("rows[0].resolutionRateHigh")).isBetween(0.84f, 0.85f);
        assertThat(body.getBoolean("rows[0].ranked")).isFalse();
        assertThat(body.getList("rows.score")).containsExactly((Object) null);
        assertThat(body.getBoolean("rows[0].frozen")).isTrue();
        assertThat(body.getString("rows[0].formula"))
                .startsWith(
                        "score = 100 × (0.1 × response rate + 0.5 × resolution rate" + " + 0.4 × satisfaction rate)");
    }

    @Test
    void timeInStateIsChargedToEachHolder() {
        // east-1 and east-2 waited for acceptance at unit-7 until resolved (no ACCEPTED in the test lake): 7200 - 60 s
        // and three days less two minutes; east-3 and west-1 still wait, counted in the month of now, not November.
        assertThat(metrics("metric=time_in_state&dimension=department&period=month&from=2026-11-01&to=2026-11-30")
                        .getList("rows", Map.class))
                .containsExactly(Map.of(
                        "dimensionValue",
                        "unit-7",
                        "periodStart",
                        "2026-11-01",
                        "state",
                        "DISPATCHED",
                        "stays",
                        2,
                        "openStays",
                        0,
                        "totalSeconds",
                        266_220.0f,
                        "medianSeconds",
                        7_140.0f,
                        "p90Seconds",
                        259_080.0f));
    }

    @Test
    void thePartyMetricsAreServedOverALakeWithoutPartyEvents() {
        JsonPath service =
                metrics("metric=party_service&dimension=community&period=month&from=2026-11-01&to=2026-11-30");
        JsonPath members = metrics("metric=party_members&dimension=grid&period=week&from=2026-11-23&to=2026-11-29");

        assertThat(service.getString("metric")).isEqualTo("party_service");
        assertThat(service.getList("rows")).isEmpty();
        assertThat(members.getString("metric")).isEqualTo("party_members");
        assertThat(members.getList("rows")).isEmpty();
    }

    @Test
    void badParametersAreA400ProblemNamingEachParameterInTheApisProblemFormat() {
        JsonPath problem =
                problem("metric=speed&dimension=grid&period=year&from=2026-11-31&to=2026-11-01&scope=bad%23scope", 400);

        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("type")).isEqualTo("urn:grid-steward:problem:malformed-request");
        assertThat(problem.getString("title")).isEqualTo("Malformed request");
        assertThat(problem.getString("instance")).isEqualTo("/v1/dashboards/metrics");
        assertThat(problem.getList("errors.field", String.class)).containsExactly("metric", "period", "from", "scope");
        assertThat(problem.getString("detail"))
                .startsWith("a query parameter is not what this endpoint reads")
                .contains(
                        "metric: must be one of time_to_dispatch",
                        "not speed",
                        "period: must be one of day, week, month, not year",
                        "from: must be a date yyyy-MM-dd, not 2026-11-31");

        JsonPath reversed = problem("metric=ratings&dimension=grid&period=day&from=2026-11-02&to=2026-11-01", 400);
        assertThat(reversed.getList("errors", Map.class))
                .containsExactly(Map.of("field", "to", "message", "must not be before from (2026-11-02)"));

        JsonPath missing = problem("", 400);
        assertThat(missing.getList("errors.field", String.class))
                .isEqualTo(List.of("metric", "dimension", "period", "from", "to"));
    }

    @Test
    void aMetricAnswersOnlyTheDimensionsItGroupsBy() {
        assertThat(metrics("metric=resource_flows&dimension=provider&period=month&from=2026-11-01&to=2026-11-30")
                        .getList("rows"))
                .as("no resource events in this lake")
                .isEmpty();
        for (String query : List.of(
                "metric=ratings&dimension=provider",
                "metric=resource_flows&dimension=category",
                "metric=demands_met&dimension=provider")) {
            JsonPath refused = problem(query + "&period=day&from=2026-11-01&to=2026-11-30", 400);
            assertThat(refused.getList("errors.field", String.class)).as(query).containsExactly("dimension");
        }
    }

    @Test
    void anUnknownDashboardIsA404Problem() {
        DashboardGateway.Reply reply = DashboardGateway.get(COUNTY_LEADER, "/v1/dashboards/zzz");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body().path("type").asText()).isEqualTo("urn:grid-steward:problem:not-found");
        assertThat(reply.body().path("instance").asText()).isEqualTo("/v1/dashboards/zzz");
        assertThat(reply.body().path("errors").isArray()).isTrue();
    }
}
