package io.gridsteward.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays API Gateway's HTTP API for the function under test: builds payload 2.0 events from the JSON fixtures
 * under {@code src/test/resources/events}, with the JWT authorizer's claims, and posts them to Quarkus' mock
 * event server, which hands them to the function exactly as Lambda would.
 */
public final class ApiGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The function's JSON log in tests ({@code %test.quarkus.log.file.path}). */
    private static final Path TEST_LOG = Path.of("target/test-logs/api.json.log");

    private ApiGateway() {}

    public static JsonNode fixture(String name) {
        try (InputStream stream = ApiGateway.class.getResourceAsStream("/events/" + name)) {
            if (stream == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(stream);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** An event for {@code method path} by a caller with these claims (none: no authorizer at all). */
    public static ObjectNode event(
            String method,
            String path,
            Optional<Map<String, String>> claims,
            Optional<String> body,
            Map<String, String> headers) {
        ObjectNode event = (ObjectNode) fixture("report-ticket-by-resident.json");
        event.put("rawPath", path);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        ((ObjectNode) context.get("http")).put("method", method).put("path", path);
        if (claims.isPresent()) {
            ObjectNode claimNode =
                    context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.get().forEach(claimNode::put);
        } else {
            context.remove("authorizer");
        }
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("host", "api.grid-steward.local");
        headers.forEach(headerNode::put);
        body.ifPresentOrElse(text -> event.put("body", text), () -> event.remove("body"));
        return event;
    }

    public static Reply send(JsonNode event) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        long logBefore = TEST_LOG.toFile().length();
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
            Map<String, String> replyHeaders = JSON.convertValue(
                    reply.path("headers"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            // API Gateway decodes a body the function sent base64-encoded (the framework does so for static files).
            String replyBody = reply.path("isBase64Encoded").asBoolean(false)
                    ? new String(
                            java.util.Base64.getDecoder()
                                    .decode(reply.path("body").asText("")),
                            java.nio.charset.StandardCharsets.UTF_8)
                    : reply.path("body").asText("");
            int status = reply.path("statusCode").asInt();
            JsonNode parsed = replyBody.isEmpty() ? JSON.nullNode() : parseOrText(replyBody);
            if (status == 500 && parsed.isObject() && !parsed.has("type")) {
                // The framework's own 500, not the function's problem+json: what it logged names the cause in the
                // failing test's message, where a CI run shows it.
                ((ObjectNode) parsed).set("errorsLoggedMeanwhile", errorsLoggedSince(logBefore));
            }
            return new Reply(status, replyHeaders == null ? Map.of() : replyHeaders, parsed);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    private static JsonNode errorsLoggedSince(long offset) {
        var errors = JSON.createArrayNode();
        try (RandomAccessFile log = new RandomAccessFile(TEST_LOG.toFile(), "r")) {
            log.seek(offset);
            byte[] appended = new byte[(int) Math.max(0, log.length() - offset)];
            log.readFully(appended);
            new String(appended, StandardCharsets.UTF_8)
                    .lines()
                    .map(ApiGateway::parseOrText)
                    .filter(line -> line.path("level").asText().equals("ERROR"))
                    .forEach(errors::add);
        } catch (IOException unreadable) {
            errors.add("the test log " + TEST_LOG + " could not be read: " + unreadable);
        }
        return errors;
    }

    private static JsonNode parseOrText(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** The function's answer as API Gateway would turn it into an HTTP response. */
    public record Reply(int status, Map<String, String> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }
}
