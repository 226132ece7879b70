package io.gridsteward.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The packaged handler, invoked with an EventBridge scheduled event through Quarkus' mock Lambda event server. */
@QuarkusTest
@WithTestResource(OverdueTableResource.class)
class SlaSweeperFunctionTest {

    @Test
    void aScheduledEventSweepsTheOverdueTicket() throws Exception {
        String event;
        try (InputStream stream = SlaSweeperFunctionTest.class.getResourceAsStream("/events/scheduled-event.json")) {
            event = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = new ObjectMapper().readTree(response.body());
        assertThat(result.path("found").asInt()).isEqualTo(1);
        assertThat(result.path("escalated").asInt()).isEqualTo(1);
        assertThat(OverdueTableResource.escalations()).isEqualTo(1);
    }
}
