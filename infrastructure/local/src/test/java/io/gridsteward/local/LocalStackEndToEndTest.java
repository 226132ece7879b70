package io.gridsteward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton end to end on the embedded stack: a ticket reported and dispatched over HTTP travels
 * API → table → stream → lake-writer → Parquet in S3 → SQL → dashboard, and the dashboard's median
 * time-to-dispatch for its grid is the one computed here from the ticket's own trace.
 */
class LocalStackEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A grid of the demo county in town-shiqiao; the demo tickets stay out (ephemeral stacks seed none). */
    private static final String GRID = "grid-chaoyang-3";
    private static final String TOWN = "town-shiqiao";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aDispatchedTicketsTimeToDispatchIsTheDashboardsMedianForItsGrid(@TempDir Path dataDirectory) throws Exception {
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, Path.of("../.."));
        try (LocalStack stack = LocalStack.start(options, new PrintStream(System.out, true, StandardCharsets.UTF_8))) {
            URI front = stack.httpEndpoint();
            String resident = stack.tokenFor("e2e-resident", "RESIDENT", null);
            String dispatcher = stack.tokenFor("e2e-dispatcher", "TOWN_DISPATCHER", TOWN);
            String leader = stack.tokenFor("e2e-leader", "COUNTY_LEADER", "county-qingshan");

            HttpResponse<String> reported = send(HttpRequest.newBuilder(front.resolve("/v1/tickets"))
                    .header("Authorization", "Bearer " + resident)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"category":"road-damage","description":"朝阳路路面塌陷","gridId":"%s",
                             "location":{"latitude":30.33,"longitude":120.24}}""".formatted(GRID))));
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
            String ticketId = JSON.readTree(reported.body()).path("id").asText();

            HttpResponse<String> dispatched = send(HttpRequest.newBuilder(front.resolve("/v1/tickets/" + ticketId + "/dispatch"))
                    .header("Authorization", "Bearer " + dispatcher)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"assigneeOrgId\":\"" + GRID + "\",\"expectedVersion\":1}")));
            assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);

            HttpResponse<String> found = send(HttpRequest.newBuilder(front.resolve("/v1/tickets/" + ticketId))
                    .header("Authorization", "Bearer " + leader).GET());
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode ticket = JSON.readTree(found.body());
            Instant reportedAt = Instant.parse(ticket.path("reportedAt").asText());
            Instant dispatchedAt = Instant.parse(eventOfType(ticket, "DISPATCHED").path("occurredAt").asText());
            double expectedMedianSeconds = Duration.between(reportedAt, dispatchedAt).toMillis() / 1000.0;

            S3Client s3 = stack.s3Client();
            List<String> objects = waitFor("the ticket's events as Parquet objects in the lake", () -> {
                List<String> keys = s3.listObjectsV2(request -> request.bucket(LocalStack.LAKE_BUCKET).prefix("ticket_events/"))
                        .contents().stream().map(S3Object::key).toList();
                return !keys.isEmpty() ? Optional.of(keys) : Optional.empty();
            });
            assertThat(objects).allSatisfy(key -> assertThat(key).matches("ticket_events/dt=\\d{4}-\\d{2}-\\d{2}/.+\\.parquet"));

            JsonNode gridRow = waitFor("the grid's row on the dashboard", () -> {
                HttpResponse<String> dashboard = send(HttpRequest.newBuilder(front.resolve("/v1/dashboards/response-times"))
                        .header("Authorization", "Bearer " + leader).GET());
                if (dashboard.statusCode() != 200) {
                    return Optional.empty();
                }
                return rowsOf(JSON.readTree(dashboard.body())).stream()
                        .filter(row -> GRID.equals(field(row, "grid_id", "gridId").asText()))
                        .findFirst();
            });
            assertThat(field(gridRow, "tickets", "tickets").asLong()).isEqualTo(1);
            assertThat(field(gridRow, "median_seconds", "medianSeconds").asDouble()).isEqualTo(expectedMedianSeconds);
            stack.functionStatistics().forEach((name, statistics) -> System.out.println("function " + name + ": " + statistics.describe()));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception failure) {
            throw new AssertionError("request failed: " + failure, failure);
        }
    }

    private static JsonNode eventOfType(JsonNode ticket, String type) {
        for (JsonNode event : ticket.path("events")) {
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event in the trace of " + ticket);
    }

    /** Every object in the answer that names a grid: the dashboard's rows, wherever it nests them. */
    private static List<JsonNode> rowsOf(JsonNode answer) {
        List<JsonNode> rows = new ArrayList<>();
        if (answer.isObject() && (answer.has("grid_id") || answer.has("gridId"))) {
            rows.add(answer);
        }
        answer.forEach(child -> rows.addAll(rowsOf(child)));
        return rows;
    }

    private static JsonNode field(JsonNode row, String snakeCase, String camelCase) {
        return row.has(snakeCase) ? row.path(snakeCase) : row.path(camelCase);
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> probe() throws Exception;
    }

    /** Bounded polling: the lake is eventually consistent with the table by design (stream, batching window). */
    private static <T> T waitFor(String what, Probe<T> probe) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Optional<T> found = probe.probe();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("gave up waiting " + PATIENCE + " for " + what);
    }
}
