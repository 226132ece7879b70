package io.gridsteward.demo;

import io.gridsteward.local.LocalStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Somebody calling the API through the stack's HTTP front as a client app would: a bearer token issued by the
 * stack (a real RS256 JWT checked by the front's authorizer) on every request, JSON bodies.
 */
final class ApiUser {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI front;
    private final String token;
    private final String name;

    private ApiUser(URI front, String token, String name) {
        this.front = front;
        this.token = token;
        this.name = name;
    }

    /** A user with a token for {@code role} in {@code organisationId} (null for residents and other users without one). */
    static ApiUser of(LocalStack stack, String userId, String role, String organisationId) {
        return new ApiUser(
                stack.httpEndpoint(), stack.tokenFor(userId, role, organisationId), userId + " (" + role + ")");
    }

    ApiAnswer get(String path) {
        return send("GET " + path, request(path).GET());
    }

    ApiAnswer post(String path, String body) {
        return send(
                "POST " + path,
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST /v1/tickets/{id}/{step}}. */
    ApiAnswer step(String ticketId, String step, String body) {
        return post(stepPath(ticketId, step), body);
    }

    /** A step carrying an {@code Idempotency-Key}, as a client that may retry it sends it. */
    ApiAnswer step(String ticketId, String step, String body, String idempotencyKey) {
        String path = stepPath(ticketId, step);
        return send(
                "POST " + path,
                request(path)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST carrying an {@code Idempotency-Key}, as a client that may retry it sends it. */
    ApiAnswer post(String path, String body, String idempotencyKey) {
        return send(
                "POST " + path,
                request(path)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    ApiAnswer put(String path, String body) {
        return send(
                "PUT " + path,
                request(path)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A list's next page: {@code path} with {@code limit} and, after the first page, the previous page's cursor. */
    ApiAnswer page(String path, int limit, Optional<String> cursor) {
        String separator = path.contains("?") ? "&" : "?";
        String query = "limit=" + limit
                + cursor.map(next -> "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                        .orElse("");
        return get(path + separator + query);
    }

    ApiAnswer getAccepting(String path, String mediaType) {
        return send("GET " + path, request(path).header("Accept", mediaType).GET());
    }

    private static String stepPath(String ticketId, String step) {
        return "/v1/tickets/" + ticketId + "/" + step;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(front.resolve(path))
                .header("Authorization", "Bearer " + token)
                .timeout(PATIENCE);
    }

    private ApiAnswer send(String description, HttpRequest.Builder request) {
        String described = description + " as " + name;
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiAnswer(described, response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(described + " was interrupted", interrupted);
        } catch (Exception failure) {
            throw new AssertionError(described + " failed: " + failure, failure);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
