package io.gridsteward.local.http;

import java.util.Map;

/**
 * A matched API route: its route key as API Gateway names it, the function behind it, whether the JWT authorizer
 * guards it, and the path parameters it captured.
 */
public record Route(String routeKey, String functionName, boolean authorized, Map<String, String> pathParameters) {
    public Route {
        pathParameters = Map.copyOf(pathParameters);
    }
}
