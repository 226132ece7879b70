package io.gridsteward.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/** The Athena runner's requests and its reading of paged results, against responses recorded from Athena's API. */
class AthenaQueryRunnerTest {

    private static final String METRIC = "fixtures/time_to_dispatch_by_grid.sql";

    /** Athena's JSON API on a local port: answers each X-Amz-Target from a queue of recorded bodies. */
    private static final class RecordedAthena implements AutoCloseable {
        final HttpServer server;
        final Map<String, Deque<String>> responses = new HashMap<>();
        final List<Map.Entry<String, String>> requests = new ArrayList<>();

        RecordedAthena() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.start();
        }

        RecordedAthena respond(String operation, String... recordings) {
            Deque<String> queue = responses.computeIfAbsent(operation, key -> new ArrayDeque<>());
            for (String recording : recordings) {
                queue.add(recording(recording));
            }
            return this;
        }

        private void answer(HttpExchange exchange) throws IOException {
            String operation =
                    exchange.getRequestHeaders().getFirst("X-Amz-Target").replace("AmazonAthena.", "");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                requests.add(Map.entry(operation, body));
            }
            Deque<String> queue = responses.getOrDefault(operation, new ArrayDeque<>());
            String response = queue.size() > 1 ? queue.poll() : queue.peek();
            byte[] bytes = (response == null ? "{}" : response).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(response == null ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        List<String> bodies(String operation) {
            return requests.stream()
                    .filter(request -> request.getKey().equals(operation))
                    .map(Map.Entry::getValue)
                    .toList();
        }

        AthenaClient client() {
            return AthenaClient.builder()
                    .endpointOverride(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private RecordedAthena athena;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void startAthena() throws IOException {
        athena = new RecordedAthena();
    }

    @AfterEach
    void stopAthena() {
        athena.close();
    }

    @Test
    void startsWithWorkgroupDatabaseAndResultReuseThenPollsAndPagesTheResults() {
        athena.respond("StartQueryExecution", "start-query-execution.json")
                .respond("GetQueryExecution", "get-query-execution-running.json", "get-query-execution-succeeded.json")
                .respond("GetQueryResults", "get-query-results-page-1.json", "get-query-results-page-2.json");

        QueryResult result = runner(AthenaQueryRunner.Settings.of("grid-steward", "grid_steward"))
                .run(METRIC);

        String start = athena.bodies("StartQueryExecution").getFirst();
        assertThat(start)
                .contains("\"WorkGroup\":\"grid-steward\"")
                .contains("\"QueryExecutionContext\":{\"Database\":\"grid_steward\"}")
                .contains(
                        "\"ResultReuseConfiguration\":{\"ResultReuseByAgeConfiguration\":{\"Enabled\":true,\"MaxAgeInMinutes\":5}}")
                .contains("date_diff('millisecond'")
                .doesNotContain("ExecutionParameters");
        assertThat(athena.bodies("GetQueryExecution"))
                .hasSize(2)
                .allMatch(body -> body.contains("5c2e4c1e-7a4b-4f7e-9a4e-3f1d2b9c0a11"));
        assertThat(sleeps).containsExactly(Duration.ofMillis(250));
        assertThat(athena.bodies("GetQueryResults")).hasSize(2);
        assertThat(athena.bodies("GetQueryResults").get(1)).contains("\"NextToken\":\"AR0kZXh0LXBhZ2UtdG9rZW4\"");

        assertThat(result.columns()).containsExactly("grid_id", "tickets", "median_seconds", "p90_seconds");
        Map<String, Object> zero = new LinkedHashMap<>();
        zero.put("grid_id", "grid-zero");
        zero.put("tickets", 1L);
        zero.put("median_seconds", 0.0);
        zero.put("p90_seconds", null);
        assertThat(result.rows())
                .containsExactly(
                        Map.of("grid_id", "grid-east", "tickets", 3L, "median_seconds", 120.0, "p90_seconds", 600.0),
                        Map.of("grid_id", "grid-west", "tickets", 1L, "median_seconds", 0.5, "p90_seconds", 0.5),
                        zero);
    }

    @Test
    void parametersGoAsSqlLiteralsAndReuseCanBeTurnedOff() {
        athena.respond("StartQueryExecution", "start-query-execution.json")
                .respond("GetQueryExecution", "get-query-execution-succeeded.json")
                .respond("GetQueryResults", "get-query-results-page-2.json");
        var settings =
                new AthenaQueryRunner.Settings("wg", "db", Duration.ZERO, Duration.ofMillis(10), Duration.ofSeconds(5));

        runner(settings).run(METRIC, List.of("grid-o'neil", LocalDate.parse("2026-11-01"), 7L));

        assertThat(athena.bodies("StartQueryExecution").getFirst())
                .contains("\"ExecutionParameters\":[\"'grid-o''neil'\",\"DATE '2026-11-01'\",\"7\"]")
                .contains("\"ResultReuseByAgeConfiguration\":{\"Enabled\":false}");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aFailedQueryIsAnErrorWithAthenasReason() {
        athena.respond("StartQueryExecution", "start-query-execution.json")
                .respond("GetQueryExecution", "get-query-execution-failed.json");

        assertThatThrownBy(() -> runner(AthenaQueryRunner.Settings.of("grid-steward", "grid_steward"))
                        .run(METRIC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended FAILED")
                .hasMessageContaining("TABLE_NOT_FOUND");
        assertThat(athena.bodies("GetQueryResults")).isEmpty();
    }

    @Test
    void aQueryPastItsTimeoutIsStopped() {
        athena.respond("StartQueryExecution", "start-query-execution.json")
                .respond("GetQueryExecution", "get-query-execution-running.json")
                .respond("StopQueryExecution", "stop-query-execution.json");
        var settings =
                new AthenaQueryRunner.Settings("wg", "db", Duration.ofMinutes(5), Duration.ofMillis(10), Duration.ZERO);

        assertThatThrownBy(() -> runner(settings).run(METRIC)).hasMessageContaining("took longer than PT0S; stopped");
        assertThat(athena.bodies("StopQueryExecution"))
                .singleElement()
                .satisfies(body -> assertThat(body).contains("5c2e4c1e-7a4b-4f7e-9a4e-3f1d2b9c0a11"));
    }

    @Test
    void athenaTextValuesBecomeTheSameJavaTypesAsDuckDbs() {
        assertThat(AthenaQueryRunner.value("bigint", "42")).isEqualTo(42L);
        assertThat(AthenaQueryRunner.value("integer", "7")).isEqualTo(7L);
        assertThat(AthenaQueryRunner.value("decimal", "1.50")).isEqualTo(1.5);
        assertThat(AthenaQueryRunner.value("boolean", "true")).isEqualTo(true);
        assertThat(AthenaQueryRunner.value("timestamp", "2026-11-25 08:00:00.123"))
                .isEqualTo(Instant.parse("2026-11-25T08:00:00.123Z"));
        assertThat(AthenaQueryRunner.value("timestamp with time zone", "2026-11-25 16:00:00.000 Asia/Shanghai"))
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(AthenaQueryRunner.value("varchar", "grid-1")).isEqualTo("grid-1");
    }

    private AthenaQueryRunner runner(AthenaQueryRunner.Settings settings) {
        return new AthenaQueryRunner(athena.client(), settings, sleeps::add);
    }

    private static String recording(String name) {
        try (InputStream input = AthenaQueryRunnerTest.class.getResourceAsStream("/athena/" + name)) {
            if (input == null) {
                throw new IllegalArgumentException("no recorded response " + name);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
