package io.gridsteward.api.ticket;

import static io.gridsteward.api.core.Requests.EAST_DISPATCHER;
import static io.gridsteward.api.core.Requests.POTHOLE;
import static io.gridsteward.api.core.Requests.RESIDENT;
import static io.gridsteward.api.core.Requests.WEST_DISPATCHER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.RequestLog;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What operations see of requests, read back from the function's own output: the EMF metric lines on standard output
 * (intake and steps, only what was committed) and the JSON log lines (application.properties' test file handler has
 * the console's format) with the route template, status and the Lambda request id.
 */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class ObservabilityApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOG = Path.of("target/test-logs/api.json.log");

    @Test
    void intakeAndCommittedStepsAreCountedOnceAndRefusalsNotAtAll() {
        String[] ticketId = new String[1];
        List<JsonNode> metrics = metricLinesWhile(() -> {
                    ticketId[0] = Requests.post(RESIDENT, "/v1/tickets", POTHOLE)
                            .body()
                            .path("id")
                            .asText();
                    String dispatch = "{\"assigneeOrgId\":\"grid-river-1\",\"expectedVersion\":1}";
                    assertThat(Requests.step(EAST_DISPATCHER, ticketId[0], "dispatch", dispatch, "metrics-dispatch-1")
                                    .status())
                            .isEqualTo(200);
                    assertThat(Requests.step(EAST_DISPATCHER, ticketId[0], "dispatch", dispatch, "metrics-dispatch-1")
                                    .status())
                            .isEqualTo(200);
                    assertThat(Requests.step(WEST_DISPATCHER, ticketId[0], "cancel", "{\"reason\":\"not ours\"}")
                                    .status())
                            .isEqualTo(404);
                })
                .stream()
                .filter(line -> line.path("ticketId").asText().equals(ticketId[0]))
                .toList();

        assertThat(metrics)
                .extracting(ObservabilityApiTest::metricNames)
                .containsExactly(
                        List.of("TicketsReported", "AutoDispatched"),
                        List.of("TicketSteps"),
                        List.of("IdempotentReplays"));
        JsonNode intake = metrics.get(0);
        assertThat(intake.path("_aws")
                        .path("CloudWatchMetrics")
                        .get(0)
                        .path("Namespace")
                        .asText())
                .isEqualTo("GridSteward/Tickets");
        assertThat(intake.path("_aws")
                        .path("CloudWatchMetrics")
                        .get(0)
                        .path("Dimensions")
                        .toString())
                .isEqualTo("[[\"service\",\"channel\"]]");
        assertThat(intake.path("channel").asText()).isEqualTo("RESIDENT_APP");
        assertThat(intake.path("TicketsReported").asInt()).isEqualTo(1);
        // A pothole has no routing rule: it waits for the dispatcher.
        assertThat(intake.path("AutoDispatched").asInt()).isZero();
        assertThat(metrics.get(1).path("step").asText()).isEqualTo("DISPATCHED");
        assertThat(metrics.get(1).path("TicketSteps").asInt()).isEqualTo(1);
        assertThat(metrics.get(2).path("operation").asText()).isEqualTo("DISPATCHED");
        assertThat(metrics)
                .allSatisfy(line -> assertThat(line.path("service").asText()).isEqualTo("api"));
    }

    @Test
    void everyRequestLogsOneJsonLineWithItsRouteStatusAndLambdaRequestId() throws IOException {
        long offset = Files.exists(LOG) ? Files.size(LOG) : 0;

        String ticketId = Requests.post(RESIDENT, "/v1/tickets", POTHOLE)
                .body()
                .path("id")
                .asText();
        Requests.get(RESIDENT, "/v1/tickets/" + ticketId);
        Requests.step(WEST_DISPATCHER, ticketId, "dispatch", "{\"assigneeOrgId\":\"grid-river-1\"}");

        List<JsonNode> requestLines = linesSince(offset).stream()
                .filter(line -> line.path("loggerName").asText().equals(RequestLog.class.getName()))
                .toList();
        assertThat(requestLines)
                .extracting(line -> line.path("mdc").path("route").asText() + " "
                        + line.path("mdc").path("status").asText())
                .containsExactly(
                        "POST /v1/tickets 201", "GET /v1/tickets/{id} 200", "POST /v1/tickets/{id}/dispatch 404");
        assertThat(requestLines).allSatisfy(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("service").asText()).isEqualTo("api");
            assertThat(line.path("mdc").path("AWSRequestId").asText()).matches("[0-9a-f-]{36}");
            assertThat(line.path("mdc").path("durationMs").asLong()).isNotNegative();
            assertThat(line.path("message").asText())
                    .startsWith(line.path("mdc").path("route").asText() + " answered ");
        });
        assertThat(requestLines)
                .extracting(line -> line.path("mdc").path("AWSRequestId").asText())
                .doesNotHaveDuplicates();
    }

    /** The EMF lines the function prints to standard output while {@code requests} run (still printed through). */
    private static List<JsonNode> metricLinesWhile(Runnable requests) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            requests.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("{\"_aws\""))
                .map(ObservabilityApiTest::parse)
                .toList();
    }

    private static List<String> metricNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.path("_aws")
                .path("CloudWatchMetrics")
                .get(0)
                .path("Metrics")
                .forEach(metric -> names.add(metric.path("Name").asText()));
        return names;
    }

    private static List<JsonNode> linesSince(long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(LOG);
        return new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8)
                .lines()
                .map(ObservabilityApiTest::parse)
                .toList();
    }

    @Test
    void aFiveHundredOfTheFrameworkItselfCarriesWhatTheFunctionLoggedMeanwhileInTheTestsReply() {
        ObjectNode event = ApiGateway.event("GET", "/v1/tickets", Optional.of(RESIDENT), Optional.empty(), Map.of());
        ((ObjectNode) event.get("requestContext").get("http")).remove("method");

        ApiGateway.Reply reply = ApiGateway.send(event);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().path("type").isMissingNode()).isTrue();
        assertThat(reply.body().path("errorsLoggedMeanwhile").toString()).contains("Missing HTTP method");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            throw new UncheckedIOException("not a JSON line: " + line, notJson);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int value) throws IOException {
            first.write(value);
            second.write(value);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
