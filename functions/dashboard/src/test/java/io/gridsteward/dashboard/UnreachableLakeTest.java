package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lake that cannot be read answers 503 problem+json naming the cause, not a stack trace. */
@QuarkusTest
@TestProfile(UnreachableLakeTest.MissingBucket.class)
@WithTestResource(LakeTestResource.class)
@WithTestResource(CountyTableResource.class)
class UnreachableLakeTest {

    public static class MissingBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dashboard.lake-bucket", "no-such-lake");
        }
    }

    @Test
    void aMissingBucketIsAServiceUnavailableProblem() {
        DashboardGateway.Reply reply = DashboardGateway.get(
                MetricsDashboardTest.COUNTY_LEADER,
                "/v1/dashboards/metrics?metric=time_to_dispatch&dimension=grid&period=day&from=2026-11-24&to=2026-11-25");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(reply.body().toString());
        assertThat(problem.getInt("status")).isEqualTo(503);
        assertThat(problem.getString("type")).isEqualTo("urn:grid-steward:problem:service-unavailable");
        assertThat(problem.getString("detail")).contains("no-such-lake");
    }
}
