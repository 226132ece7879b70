package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shape CloudWatch's Embedded Metric Format specification requires, read back as CloudWatch Logs would. */
    @Test
    void aLineDeclaresItsMetricsUnderTheServiceAndItsDimensionsAndCarriesTheirValues() throws Exception {
        List<String> lines = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:30:00.250Z"), ZoneOffset.UTC);
        EmbeddedMetrics metrics = new EmbeddedMetrics("GridSteward/Tickets", "api", clock, lines::add);

        metrics.put(
                Map.of("step", "ACCEPTED"),
                Map.of("ticketId", "t-1"),
                List.of(
                        EmbeddedMetrics.Metric.count("TicketSteps", 1),
                        new EmbeddedMetrics.Metric("StepLatency", EmbeddedMetrics.Unit.MILLISECONDS, 12.5)));

        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain("\n");
        JsonNode line = JSON.readTree(lines.getFirst());
        JsonNode directive = line.path("_aws");
        assertThat(directive.path("Timestamp").asLong()).isEqualTo(1_796_632_200_250L);
        assertThat(directive.path("CloudWatchMetrics")).hasSize(1);
        JsonNode declaration = directive.path("CloudWatchMetrics").get(0);
        assertThat(declaration.path("Namespace").asText()).isEqualTo("GridSteward/Tickets");
        assertThat(declaration.path("Dimensions").toString()).isEqualTo("[[\"service\",\"step\"]]");
        assertThat(declaration.path("Metrics").toString())
                .isEqualTo(
                        "[{\"Name\":\"TicketSteps\",\"Unit\":\"Count\"},{\"Name\":\"StepLatency\",\"Unit\":\"Milliseconds\"}]");
        // Every dimension and metric named in the directive is a member of the line itself.
        assertThat(line.path("service").asText()).isEqualTo("api");
        assertThat(line.path("step").asText()).isEqualTo("ACCEPTED");
        assertThat(line.path("TicketSteps").asDouble()).isEqualTo(1.0);
        assertThat(line.path("StepLatency").asDouble()).isEqualTo(12.5);
        assertThat(line.path("ticketId").asText()).isEqualTo("t-1");
    }

    @Test
    void withoutDimensionsOfItsOwnALineIsCountedUnderTheServiceAlone() throws Exception {
        List<String> lines = new ArrayList<>();
        EmbeddedMetrics metrics = new EmbeddedMetrics("GridSteward/Tickets", "api", Clock.systemUTC(), lines::add);

        metrics.put(Map.of(), Map.of(), List.of(EmbeddedMetrics.Metric.count("TicketsReported", 3)));

        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.path("_aws")
                        .path("CloudWatchMetrics")
                        .get(0)
                        .path("Dimensions")
                        .toString())
                .isEqualTo("[[\"service\"]]");
        assertThat(line.path("TicketsReported").asDouble()).isEqualTo(3.0);
    }
}
