package io.gridsteward.local.http;

import java.util.Map;
import java.util.Optional;

/**
 * A matched API route: its route key as API Gateway names it, the function behind it, whether the JWT authorizer
 * guards it, and the path parameters it captured.
 */
public record Route(String routeKey, String functionName, boolean authorized, Map<String, String> pathParameters) {
    public static final String API_FUNCTION = "api";
    public static final String DASHBOARD_FUNCTION = "dashboard";

    public Route {
        pathParameters = Map.copyOf(pathParameters);
    }

    /**
     * The routes of template.yaml's HTTP API: {@code GET /} and {@code ANY /v1/dashboards/{proxy+}} to the dashboard,
     * {@code ANY /v1/{proxy+}} to the api; API Gateway picks the most specific.
     */
    public static Optional<Route> match(String method, String path) {
        if (path.equals("/") && method.equals("GET")) {
            return Optional.of(new Route("GET /", DASHBOARD_FUNCTION, false, Map.of()));
        }
        String dashboards = "/v1/dashboards/";
        if (path.startsWith(dashboards) && path.length() > dashboards.length()) {
            return Optional.of(new Route("ANY /v1/dashboards/{proxy+}", DASHBOARD_FUNCTION, true,
                    Map.of("proxy", path.substring(dashboards.length()))));
        }
        String version = "/v1/";
        if (path.startsWith(version) && path.length() > version.length()) {
            return Optional.of(new Route("ANY /v1/{proxy+}", API_FUNCTION, true, Map.of("proxy", path.substring(version.length()))));
        }
        return Optional.empty();
    }
}
