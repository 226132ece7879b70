package io.gridsteward.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays API Gateway's HTTP API for the dashboard function: a payload 2.0 event with the JWT authorizer's claims (or
 * none), posted to Quarkus' mock event server, which hands it to the function as Lambda would.
 */
final class DashboardGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The function's answer as API Gateway would turn it into an HTTP response. */
    record Reply(int status, Map<String, String> headers, JsonNode body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private DashboardGateway() {}

    static Map<String, String> staff(String userId, String role, String organisation) {
        return Map.of("sub", userId, "custom:role", role, "custom:org_id", organisation);
    }

    /** {@code GET pathAndQuery} by a caller with these claims (none: no authorizer at all). */
    static Reply get(Optional<Map<String, String>> claims, String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0")
                .put("routeKey", "ANY /v1/dashboards/{proxy+}")
                .put("rawPath", path)
                .put("rawQueryString", query);
        event.putObject("headers")
                .put("accept", "application/json")
                .put("host", "dashboard.grid-steward.local")
                .put("x-forwarded-proto", "https");
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                values.merge(
                        equals < 0 ? pair : pair.substring(0, equals),
                        equals < 0 ? "" : pair.substring(equals + 1),
                        (first, second) -> first + "," + second);
            }
            values.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000")
                .put("apiId", "local")
                .put("requestId", "dashboard-test")
                .put("routeKey", "ANY /v1/dashboards/{proxy+}")
                .put("stage", "$default")
                .put("timeEpoch", 1_795_939_200_000L);
        context.putObject("http")
                .put("method", "GET")
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1")
                .put("userAgent", "dashboard-test");
        claims.ifPresent(values -> {
            ObjectNode claimNode =
                    context.putObject("authorizer").putObject("jwt").putObject("claims");
            values.forEach(claimNode::put);
        });
        event.put("isBase64Encoded", false);
        return send(event);
    }

    static Reply get(Map<String, String> claims, String pathAndQuery) {
        return get(Optional.of(claims), pathAndQuery);
    }

    private static Reply send(JsonNode event) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the mock event server answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode reply = JSON.readTree(response.body());
            Map<String, String> headers = new LinkedHashMap<>();
            reply.path("headers")
                    .properties()
                    .forEach(entry ->
                            headers.put(entry.getKey(), entry.getValue().asText()));
            reply.path("multiValueHeaders")
                    .properties()
                    .forEach(entry -> headers.putIfAbsent(
                            entry.getKey(), entry.getValue().path(0).asText()));
            String body = reply.path("body").asText("");
            return new Reply(reply.path("statusCode").asInt(), headers, body.isEmpty() ? JSON.nullNode() : parse(body));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
