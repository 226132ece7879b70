package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The packaged handler, invoked with the template's scheduled inputs through Quarkus' mock Lambda event server. */
@QuarkusTest
@WithTestResource(MaintenanceTestResource.class)
class LakeMaintenanceFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theScheduledJobsCompactAndReconcileTheLookbackDays() throws Exception {
        assertThat(MaintenanceTestResource.objectsOfTheDay()).isEqualTo(4);

        JsonNode compaction = invoke("{\"job\":\"compaction\"}");
        JsonNode reconciliation = invoke("{\"job\":\"reconciliation\"}");
        JsonNode explicitDay = invoke("{\"job\":\"reconciliation\",\"from\":\"" + MaintenanceTestResource.DAY + "\"}");

        assertThat(compaction.path("days").asInt()).isEqualTo(3);
        assertThat(compaction.path("objectsBefore").asLong()).isEqualTo(4);
        assertThat(compaction.path("objectsAfter").asLong()).isEqualTo(1);
        assertThat(MaintenanceTestResource.objectsOfTheDay()).isEqualTo(1);
        assertThat(reconciliation.path("consistent").asBoolean()).isFalse();
        assertThat(reconciliation.path("tableEvents").asLong()).isEqualTo(20);
        assertThat(reconciliation.path("lakeEvents").asLong()).isEqualTo(19);
        assertThat(reconciliation.path("missingFromLake").get(0).asText())
                .isEqualTo(MaintenanceTestResource.lostEventId);
        assertThat(explicitDay.path("from").asText())
                .isEqualTo(explicitDay.path("to").asText())
                .isEqualTo(MaintenanceTestResource.DAY.toString());
    }

    private static JsonNode invoke(String event) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
