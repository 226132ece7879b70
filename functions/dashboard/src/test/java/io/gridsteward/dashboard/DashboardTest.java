package io.gridsteward.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LakeTestResource.class)
class DashboardTest {

    @Test
    void responseTimesAreTheMetricRowsOfTheLake() {
        Instant before = Instant.now();

        JsonPath body = given()
                .accept("application/json")
                .when()
                .get("/v1/dashboards/response-times")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract().jsonPath();

        assertThat(body.getString("metric")).isEqualTo("time_to_dispatch");
        assertThat(body.getList("rows", Map.class)).containsExactly(
                Map.of("gridId", "grid-east", "tickets", 3, "medianSeconds", 120.0f, "p90Seconds", 600.0f),
                Map.of("gridId", "grid-west", "tickets", 1, "medianSeconds", 0.5f, "p90Seconds", 0.5f));
        assertThat(Instant.parse(body.getString("computedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
    }

    @Test
    void thePageShowsTheTablesWithBilingualLabelsAndFetchesTheJson() {
        String page = given()
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract().asString();

        assertThat(page).contains("网格响应时间", "Grid response times", "/v1/dashboards/response-times");
        assertThat(List.of("中位数", "Median", "第 90 百分位", "90th percentile")).allMatch(page::contains);
        assertThat(page).contains("按时办结率", "On-time rate", "超期积压", "Overdue backlog", "超时责任单位", "SLA misses",
                "/v1/dashboards/metrics?", "\"metric=on_time_rate&dimension=grid\"",
                "\"metric=overdue_backlog&dimension=grid\"", "\"metric=sla_misses&dimension=town\"", "row.responsibleOrgKind");
    }
}
