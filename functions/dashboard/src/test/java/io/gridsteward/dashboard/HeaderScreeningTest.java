package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A header HTTP does not allow is refused as a problem naming it, never a bare 500 from the Lambda HTTP layer. The
 * events go straight to the mock event server, as API Gateway would hand them to the function: an HTTP client would
 * not send such a header.
 */
@QuarkusTest
@QuarkusTestResource(LakeTestResource.class)
class HeaderScreeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aControlCharacterInAHeaderIsA400NamingTheHeader() throws Exception {
        for (String control : new String[] {"\u0001", "\u001b[2J", "\u007f"}) {
            JsonNode answer = invoke(event("/v1/dashboards/metrics", "x-trace-note", "a" + control + "b"));

            assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.path("headers").path("Content-Type").asText()).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.path("body").asText());
            assertThat(problem.path("type").asText()).isEqualTo("urn:grid-steward:problem:malformed-request");
            assertThat(problem.path("errors"))
                    .extracting(error -> error.path("field").asText())
                    .containsExactly("x-trace-note");
        }
    }

    @Test
    void aHeaderWithATabStillReachesTheDashboard() throws Exception {
        JsonNode answer = invoke(event("/v1/dashboards/metrics", "x-trace-note", "a\tb"));

        // Whatever the dashboard answers this caller, the screening let it through.
        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isNotIn(400, 500);
        assertThat(answer.path("body").asText()).doesNotContain("malformed-request");
    }

    /** An API Gateway payload 2.0 event for a GET of {@code path} with one more header. */
    private static ObjectNode event(String path, String header, String value) {
        ObjectNode root = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "ANY /v1/dashboards/{proxy+}")
                .put("rawPath", path)
                .put("rawQueryString", "")
                .put("isBase64Encoded", false);
        root.putObject("headers")
                .put("host", "localhost")
                .put("accept", "application/json")
                .put(header, value);
        ObjectNode context = root.putObject("requestContext")
                .put("requestId", "header-screening")
                .put("stage", "$default");
        context.putObject("http")
                .put("method", "GET")
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        return root;
    }

    private static JsonNode invoke(ObjectNode event) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_lambda_"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
