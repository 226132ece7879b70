package io.gridsteward.local.http;

import io.gridsteward.local.lambda.LatencySamples;

/**
 * Where a proxied request's time goes in the front: reading it, routing, the authorizer and building the event
 * ({@code request}); waiting for the function ({@code invocation}); turning its answer into the HTTP response
 * ({@code response}); handing that to Jetty ({@code write}).
 */
public record FrontTimings(
        LatencySamples request, LatencySamples invocation, LatencySamples response, LatencySamples write) {

    public FrontTimings() {
        this(new LatencySamples(), new LatencySamples(), new LatencySamples(), new LatencySamples());
    }

    public void clear() {
        request.clear();
        invocation.clear();
        response.clear();
        write.clear();
    }
}
