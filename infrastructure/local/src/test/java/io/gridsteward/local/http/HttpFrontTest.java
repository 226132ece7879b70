package io.gridsteward.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.PortInUseException;
import io.gridsteward.local.auth.JsonWebTokens;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The front against fake functions that record the events they get. */
class HttpFrontTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> apiEvents = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpFront front;

    @BeforeEach
    void start() throws Exception {
        FunctionInvoker api = event -> {
            apiEvents.add(read(event));
            return CompletableFuture.completedFuture(new InvocationResult.Success(
                    "{\"statusCode\":201,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"ok\\\":true}\"}".getBytes(StandardCharsets.UTF_8)));
        };
        FunctionInvoker dashboard = event -> CompletableFuture.completedFuture(new InvocationResult.FunctionError("Runtime.UnhandledException",
                "{}".getBytes(StandardCharsets.UTF_8)));
        front = HttpFront.start(0, TemplateRoutes.TABLE, Map.of(TemplateRoutes.API, api, TemplateRoutes.DASHBOARD, dashboard),
                new JsonWebTokens(JsonWebTokens.newKeyPair(), Clock.systemUTC()),
                List.of(new DemoUser("demo-resident", "RESIDENT", null, "a resident")),
                () -> JSON.createObjectNode(), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        front.close();
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (Exception malformed) {
            throw new IllegalStateException(malformed);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + front.port() + path);
    }

    @Test
    void aCallWithoutTokenIsRefusedBeforeReachingTheFunction() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/tickets")).POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aBadTokenIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/tickets")).header("Authorization", "Bearer x.y.z").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aTokenFromTheLocalEndpointReachesTheFunctionAsClaims() throws Exception {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(uri("/local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u-9\",\"role\":\"TOWN_DISPATCHER\",\"orgId\":\"town-1\"}")));
        String token = JSON.readTree(issued.body()).path("token").asText();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/tickets?x=1")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(apiEvents).hasSize(1);
        JsonNode claims = apiEvents.getFirst().path("requestContext").path("authorizer").path("jwt").path("claims");
        assertThat(claims.path("sub").asText()).isEqualTo("u-9");
        assertThat(claims.path("custom:role").asText()).isEqualTo("TOWN_DISPATCHER");
        assertThat(claims.path("custom:org_id").asText()).isEqualTo("town-1");
        assertThat(apiEvents.getFirst().path("body").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aFailingFunctionIsAnInternalServerErrorAndUnknownPathsAreNotFound() throws Exception {
        HttpResponse<String> failed = send(HttpRequest.newBuilder(uri("/")).GET());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/nowhere")).GET());

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aTakenPortIsOneClearMessage() {
        assertThatThrownBy(() -> HttpFront.start(front.port(), TemplateRoutes.TABLE, Map.of(), new JsonWebTokens(JsonWebTokens.newKeyPair(), Clock.systemUTC()),
                List.of(), () -> JSON.createObjectNode(), Clock.systemUTC(), System.out))
                .isInstanceOf(PortInUseException.class)
                .hasMessage("port " + front.port() + " is in use; pass --port N");
    }

    @Test
    void demoUsersComeWithWorkingTokensAndBadTokenRequestsAreRefused() throws Exception {
        JsonNode users = JSON.readTree(send(HttpRequest.newBuilder(uri("/local/demo-users")).GET()).body());
        HttpResponse<String> badRole = send(HttpRequest.newBuilder(uri("/local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\",\"role\":\"KING\"}")));

        assertThat(users).hasSize(1);
        HttpResponse<String> call = send(HttpRequest.newBuilder(uri("/v1/tickets"))
                .header("Authorization", "Bearer " + users.get(0).path("token").asText()).GET());
        assertThat(call.statusCode()).isEqualTo(201);
        assertThat(badRole.statusCode()).isEqualTo(400);
    }
}
