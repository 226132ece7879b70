package io.gridsteward.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.PortInUseException;
import io.gridsteward.local.auth.JsonWebTokens;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
                    "{\"statusCode\":201,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"ok\\\":true}\"}"
                            .getBytes(StandardCharsets.UTF_8)));
        };
        FunctionInvoker dashboard = event -> CompletableFuture.completedFuture(new InvocationResult.FunctionError(
                "Runtime.UnhandledException", "{}".getBytes(StandardCharsets.UTF_8)));
        front = HttpFront.start(
                0,
                TemplateRoutes.TABLE,
                Map.of(TemplateRoutes.API, api, TemplateRoutes.DASHBOARD, dashboard),
                new JsonWebTokens(JsonWebTokens.newKeyPair(), Clock.systemUTC()),
                List.of(new DemoUser("demo-resident", "RESIDENT", null, "a resident")),
                () -> JSON.createObjectNode(),
                Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
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
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/v1/tickets")).POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 401, "Authorization");
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aBadTokenIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/tickets"))
                .header("Authorization", "Bearer x.y.z")
                .GET());

        assertProblem(response, 401, "Authorization");
        assertThat(response.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aTokenFromTheLocalEndpointReachesTheFunctionAsClaims() throws Exception {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(uri("/local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"u-9\",\"role\":\"TOWN_DISPATCHER\",\"orgId\":\"town-1\"}")));
        String token = JSON.readTree(issued.body()).path("token").asText();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/tickets?x=1"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(apiEvents).hasSize(1);
        JsonNode claims = apiEvents
                .getFirst()
                .path("requestContext")
                .path("authorizer")
                .path("jwt")
                .path("claims");
        assertThat(claims.path("sub").asText()).isEqualTo("u-9");
        assertThat(claims.path("custom:role").asText()).isEqualTo("TOWN_DISPATCHER");
        assertThat(claims.path("custom:org_id").asText()).isEqualTo("town-1");
        assertThat(apiEvents.getFirst().path("body").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aFailingFunctionIsAnInternalServerErrorAndUnknownPathsAreNotFound() throws Exception {
        HttpResponse<String> failed = send(HttpRequest.newBuilder(uri("/")).GET());
        HttpResponse<String> unknown =
                send(HttpRequest.newBuilder(uri("/nowhere")).GET());

        assertProblem(failed, 500, null);
        assertProblem(unknown, 404, "path");
    }

    @Test
    void aTakenPortIsOneClearMessage() {
        assertThatThrownBy(() -> HttpFront.start(
                        front.port(),
                        TemplateRoutes.TABLE,
                        Map.of(),
                        new JsonWebTokens(JsonWebTokens.newKeyPair(), Clock.systemUTC()),
                        List.of(),
                        () -> JSON.createObjectNode(),
                        Clock.systemUTC(),
                        System.out))
                .isInstanceOf(PortInUseException.class)
                .hasMessage("port " + front.port() + " is in use; pass --port N");
    }

    @Test
    void demoUsersComeWithWorkingTokensAndBadTokenRequestsAreRefused() throws Exception {
        JsonNode users = JSON.readTree(
                send(HttpRequest.newBuilder(uri("/local/demo-users")).GET()).body());
        HttpResponse<String> badRole = send(HttpRequest.newBuilder(uri("/local/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\",\"role\":\"KING\"}")));

        assertThat(users).hasSize(1);
        HttpResponse<String> call = send(HttpRequest.newBuilder(uri("/v1/tickets"))
                .header("Authorization", "Bearer " + users.get(0).path("token").asText())
                .GET());
        assertThat(call.statusCode()).isEqualTo(201);
        assertProblem(badRole, 400, "role");
    }

    @Test
    void aPathWithBadPercentEncodingIsAProblemNamingThePathNotAnHtmlPage() throws Exception {
        for (String path : List.of("/v1/tickets/%zz", "/v1/tickets/%", "/v1/tickets/%e8%b7")) {
            Answer response = rawRequest("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertProblem(response, 400, "path");
        }
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aControlCharacterInAHeaderIsAProblemNamingTheHeader() throws Exception {
        for (String control : List.of("\u0001", "\u001b[31m", "\u007f", "\u0000")) {
            Answer response = rawRequest("GET /v1/tickets HTTP/1.1\r\nHost: x\r\nX-Client-Note: a" + control
                    + "b\r\nConnection: close\r\n\r\n");

            assertProblem(response, 400, "X-Client-Note");
        }
        assertProblem(
                rawRequest("GET /v1/tickets HTTP/1.1\r\nHost: x\r\nX\u0001Y: 1\r\nConnection: close\r\n\r\n"),
                400,
                "X\\u0001Y");
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aQueryParameterWithBadPercentEncodingIsAProblemNamingIt() throws Exception {
        Answer response = rawRequest("GET /v1/tickets?limit=5&cursor=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + residentToken() + "\r\nConnection: close\r\n\r\n");

        assertProblem(response, 400, "cursor");
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void aBodyOverApiGatewaysTenMegabytesIsRefusedBeforeTheFunction() throws Exception {
        byte[] huge = new byte[HttpFront.MAXIMUM_BODY_BYTES + 1];
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/tickets"))
                .header("Authorization", "Bearer " + residentToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));

        assertProblem(response, 413, "body");
        assertThat(apiEvents).isEmpty();
    }

    @Test
    void theFunctionSeesTheFrontsAddressWhateverHostTheClientSent() throws Exception {
        rawRequest(
                "GET /v1/tickets HTTP/1.1\r\nHost: attacker.example:6666\r\nX-Forwarded-Port: 6666\r\nAuthorization: Bearer "
                        + residentToken() + "\r\nConnection: close\r\n\r\n");

        assertThat(apiEvents).hasSize(1);
        assertThat(apiEvents.getFirst().path("headers").path("host").asText()).isEqualTo("localhost:" + front.port());
        assertThat(apiEvents.getFirst().path("headers").path("x-forwarded-port").asText())
                .isEqualTo(Integer.toString(front.port()));
        assertThat(apiEvents
                        .getFirst()
                        .path("requestContext")
                        .path("domainName")
                        .asText())
                .isEqualTo("localhost:" + front.port());
    }

    private String residentToken() {
        return front.tokenFor("u-1", "RESIDENT", null);
    }

    /** Sends bytes the JDK's client would not (a request line that is not a URI) and reads the answer. */
    private Answer rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", front.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int headersEnd = answer.indexOf("\r\n\r\n");
            String contentType = answer.substring(0, headersEnd)
                    .lines()
                    .filter(line -> line.regionMatches(true, 0, "content-type:", 0, 13))
                    .map(line -> line.substring(13).trim())
                    .findFirst()
                    .orElse("");
            return new Answer(status, contentType, answer.substring(headersEnd + 4));
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertProblem(
                new Answer(
                        response.statusCode(),
                        response.headers().firstValue("content-type").orElse(""),
                        response.body()),
                status,
                field);
    }

    private static void assertProblem(Answer response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(FrontProblems.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).startsWith("urn:grid-steward:problem:");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.path("errors"))
                    .extracting(error -> error.path("field").asText())
                    .contains(field);
        }
    }

    /** A response read off the socket: its status, content type and body. */
    private record Answer(int statusCode, String contentType, String body) {}
}
