package io.gridsteward.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable routes = TemplateRoutes.TABLE;

    @Test
    void theMostSpecificRouteWins() {
        assertThat(routes.match("GET", "/")).map(Route::functionName).contains(TemplateRoutes.DASHBOARD);
        assertThat(routes.match("GET", "/v1/dashboards/metrics"))
                .map(Route::routeKey)
                .contains("ANY /v1/dashboards/{proxy+}");
        assertThat(routes.match("POST", "/v1/tickets/t-1/dispatch"))
                .map(Route::routeKey)
                .contains("ANY /v1/{proxy+}");
    }

    @Test
    void greedyParametersTakeTheRestAndNeedAtLeastOneSegment() {
        assertThat(routes.match("GET", "/v1/tickets/t-1"))
                .map(Route::pathParameters)
                .contains(Map.of("proxy", "tickets/t-1"));
        assertThat(routes.match("GET", "/v1/dashboards"))
                .map(Route::functionName)
                .contains(TemplateRoutes.API);
        assertThat(routes.match("GET", "/v1/")).map(Route::pathParameters).contains(Map.of("proxy", ""));
        assertThat(routes.match("GET", "/v1")).isEmpty();
    }

    @Test
    void methodsAndUnknownPathsAreChecked() {
        assertThat(routes.match("POST", "/")).isEmpty();
        assertThat(routes.match("GET", "/v2/tickets")).isEmpty();
    }

    @Test
    void singleSegmentParametersBindOneSegment() {
        RouteTable table = new RouteTable(List.of(new RouteTable.Definition("GET", "/v1/tickets/{id}", "api", true)));

        assertThat(table.match("GET", "/v1/tickets/t-9"))
                .map(Route::pathParameters)
                .contains(Map.of("id", "t-9"));
        assertThat(table.match("GET", "/v1/tickets/t-9/trace")).isEmpty();
    }
}
