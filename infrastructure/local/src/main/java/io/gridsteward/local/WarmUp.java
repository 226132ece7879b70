package io.gridsteward.local;

import io.gridsteward.local.http.DemoUser;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.lambda.LocalFunction;
import io.gridsteward.local.schedule.LocalScheduler;
import io.gridsteward.local.template.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One first invocation per function, so that its cold start is paid (and measured) during start-up: an empty batch
 * for a stream function, its scheduled event for a scheduled one, else a GET on its first route (a GET route if it
 * has one), with parameters filled in and a county leader's token; any answer but a 5xx will do.
 */
final class WarmUp {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final Map<String, LocalFunction> functions;
    private final URI front;
    private final String leaderToken;

    /** {@code tokens} mints the front's token for a user. */
    WarmUp(Map<String, LocalFunction> functions, URI front, DemoUser leader, Function<DemoUser, String> tokens) {
        this.functions = functions;
        this.front = front;
        this.leaderToken = tokens.apply(leader);
    }

    /** A county leader of the demo users, or one made up for the warm-up when there is none. */
    static DemoUser leaderAmong(List<DemoUser> demoUsers) {
        return demoUsers.stream()
                .filter(user -> user.role().equals("COUNTY_LEADER"))
                .findFirst()
                .orElse(new DemoUser("local-warm-up", "COUNTY_LEADER", null, "warms the functions up"));
    }

    /** Returns a line describing a problem, or an empty string. */
    String warmUp(SamTemplate.FunctionSpecification specification) throws Exception {
        String name = specification.name();
        Optional<byte[]> directEvent = specification.streamMapping().isPresent()
                ? Optional.of("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8))
                : specification.schedules().stream()
                        .findFirst()
                        .map(schedule -> LocalScheduler.event(schedule, Instant.now()));
        if (directEvent.isPresent()) {
            return switch (functions.get(name).invoke(directEvent.get()).get()) {
                case InvocationResult.Success success -> "";
                case InvocationResult.FunctionError error ->
                    "warm-up of " + name + " failed: " + error.errorType() + " " + error.payloadText();
                case InvocationResult.Timeout timeout -> "warm-up of " + name + " timed out after " + timeout.after();
            };
        }
        Optional<SamTemplate.HttpRoute> route = specification.routes().stream()
                .min(Comparator.comparing(candidate -> !candidate.method().equals("GET")));
        if (route.isEmpty()) {
            return "";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        front.resolve(route.get().path().replaceAll("\\{[^}]+}", "warm-up")))
                .timeout(LIMIT)
                .GET();
        if (route.get().authorized()) {
            request.header("Authorization", "Bearer " + leaderToken);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() < 500
                ? ""
                : "warm-up of " + name + " answered " + response.statusCode() + ": " + response.body();
    }
}
