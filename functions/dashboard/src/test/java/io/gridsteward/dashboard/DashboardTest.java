package io.gridsteward.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LakeTestResource.class)
@WithTestResource(CountyTableResource.class)
class DashboardTest {

    @Test
    void thePageIsRevalidatedOnEveryLoadAndNamesItsScriptsByTheirContent() {
        Response page = given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .header("Cache-Control", "no-cache")
                .extract()
                .response();
        String html = page.asString();
        Matcher scripts = Pattern.compile("src=\"(/dashboard-assets/(echarts|dashboard)\\.[0-9a-f]{16}\\.js)\"")
                .matcher(html);
        List<String> paths = scripts.results().map(match -> match.group(1)).toList();

        assertThat(paths).hasSize(2);
        assertThat(html).contains("lang=\"zh-CN\"").doesNotContain("{{");
        given().header("If-None-Match", page.header("ETag"))
                .when()
                .get("/")
                .then()
                .statusCode(304);
        Response echarts = given().when()
                .get(paths.get(0))
                .then()
                .statusCode(200)
                .contentType("text/javascript")
                .extract()
                .response();
        // The Lambda HTTP layer sends a header's comma-separated values one by one; a browser joins them again.
        assertThat(String.join(", ", echarts.headers().getValues("Cache-Control")))
                .isEqualTo("public, max-age=31536000, immutable");
        assertThat(echarts.asString()).contains("5.3.1");
        String script = given().when()
                .get(paths.get(1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(script)
                .contains(
                        "/v1/me/organisations",
                        "/v1/dashboards/metrics?",
                        "\\uFEFF",
                        "Asia/Shanghai",
                        "dispatch_modes",
                        "scope");
        given().when()
                .get("/dashboard-assets/dashboard.0000000000000000.js")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", org.hamcrest.Matchers.equalTo("urn:grid-steward:problem:not-found"))
                .body("instance", org.hamcrest.Matchers.equalTo("/dashboard-assets/dashboard.0000000000000000.js"));
    }
}
