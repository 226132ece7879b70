package io.gridsteward.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gridsteward.local.PortInUseException;
import io.gridsteward.local.auth.JsonWebTokens;
import io.gridsteward.local.auth.TokenVerification;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The local stand-in for API Gateway's HTTP API (what {@code sam local start-api} is for SAM): it matches the
 * template's routes, plays the JWT authorizer, turns each request into a payload 2.0 event for the function behind
 * the route, and the function's answer back into HTTP. Under {@code /local/} it also hands out tokens for the
 * demo users, which only the local stack does.
 */
public final class HttpFront implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
    private static final Set<String> ROLES = Set.of("RESIDENT", "GRID_WORKER", "GRID_PARTY_LEADER", "COMMUNITY_SECRETARY",
            "TOWN_DISPATCHER", "TOWN_SUPERVISOR", "DEPARTMENT_OFFICER", "COUNTY_LEADER");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final RouteTable routes;
    private final Map<String, FunctionInvoker> functions;
    private final JsonWebTokens tokens;
    private final List<DemoUser> demoUsers;
    private final Supplier<JsonNode> status;
    private final Clock clock;
    private final PrintStream console;

    private HttpFront(HttpServer server, RouteTable routes, Map<String, FunctionInvoker> functions, JsonWebTokens tokens, List<DemoUser> demoUsers,
                      Supplier<JsonNode> status, Clock clock, PrintStream console) {
        this.server = server;
        this.routes = routes;
        this.functions = Map.copyOf(functions);
        this.tokens = tokens;
        this.demoUsers = List.copyOf(demoUsers);
        this.status = status;
        this.clock = clock;
        this.console = console;
    }

    /** Listens on {@code port} of every interface (0 for an ephemeral port). */
    public static HttpFront start(int port, RouteTable routes, Map<String, FunctionInvoker> functions, JsonWebTokens tokens, List<DemoUser> demoUsers,
                                  Supplier<JsonNode> status, Clock clock, PrintStream console) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (BindException taken) {
            throw new PortInUseException(port, "--port");
        }
        HttpFront front = new HttpFront(server, routes, functions, tokens, demoUsers, status, clock, console);
        server.setExecutor(front.executor);
        server.createContext("/", front::handle);
        server.start();
        return front;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A bearer token for a caller, as Cognito would issue it. */
    public String tokenFor(String userId, String role, String organisationId) {
        return tokens.issue(userId, role, organisationId, TOKEN_LIFETIME);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequestData request = read(exchange);
            HttpResponseData response;
            try {
                response = request.rawPath().startsWith("/local/") ? local(request) : proxy(request);
            } catch (RuntimeException | InterruptedException | ExecutionException failure) {
                console.println("HTTP front: " + request.method() + " " + request.rawPath() + " failed: " + failure);
                response = ApiGatewayEvents.internalServerError();
            }
            write(exchange, response);
        }
    }

    private HttpResponseData proxy(HttpRequestData request) throws InterruptedException, ExecutionException {
        Route route = routes.match(request.method(), request.rawPath()).orElse(null);
        if (route == null) {
            return ApiGatewayEvents.message(404, "Not Found");
        }
        Map<String, String> claims = Map.of();
        if (route.authorized()) {
            String authorization = request.header("authorization");
            if (authorization == null) {
                return ApiGatewayEvents.message(401, "Unauthorized");
            }
            switch (tokens.verify(authorization)) {
                case TokenVerification.Valid valid -> claims = valid.claims();
                case TokenVerification.Invalid invalid -> {
                    HttpResponseData unauthorized = ApiGatewayEvents.message(401, "Unauthorized");
                    return new HttpResponseData(401, Map.of(
                            "content-type", List.of("application/json"),
                            "www-authenticate", List.of("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + invalid.reason() + "\"")),
                            unauthorized.body());
                }
            }
        }
        String requestId = UUID.randomUUID().toString();
        byte[] event = ApiGatewayEvents.event(request, route, claims, requestId, clock.instant()).toString().getBytes(StandardCharsets.UTF_8);
        FunctionInvoker function = functions.get(route.functionName());
        if (function == null) {
            return ApiGatewayEvents.message(502, "Bad Gateway");
        }
        InvocationResult result = function.invoke(event).get();
        return switch (result) {
            case InvocationResult.Success success -> ApiGatewayEvents.response(success.payload());
            case InvocationResult.FunctionError error -> {
                console.println("function " + route.functionName() + " failed on " + request.method() + " " + request.rawPath()
                        + ": " + error.errorType() + " " + error.payloadText().lines().findFirst().orElse(""));
                yield ApiGatewayEvents.internalServerError();
            }
            case InvocationResult.Timeout timeout -> ApiGatewayEvents.message(503, "Service Unavailable");
        };
    }

    private HttpResponseData local(HttpRequestData request) {
        String path = request.rawPath();
        if (path.equals("/local/tokens") && request.method().equals("POST")) {
            JsonNode body;
            try {
                body = JSON.readTree(request.body());
            } catch (IOException malformed) {
                return json(400, problem("the body is not JSON: {\"userId\", \"role\", \"orgId\"}"));
            }
            String userId = body == null ? "" : body.path("userId").asText("");
            String role = body == null ? "" : body.path("role").asText("");
            if (userId.isBlank() || !ROLES.contains(role)) {
                return json(400, problem("userId is required and role must be one of " + ROLES.stream().sorted().toList()));
            }
            String organisationId = body.path("orgId").asText(null);
            return json(200, JSON.createObjectNode().put("token", tokenFor(userId, role, organisationId)));
        }
        if (path.equals("/local/demo-users") && request.method().equals("GET")) {
            ArrayNode users = JSON.createArrayNode();
            demoUsers.forEach(user -> users.addObject()
                    .put("userId", user.userId())
                    .put("role", user.role())
                    .put("orgId", user.organisationId())
                    .put("description", user.description())
                    .put("token", tokenFor(user.userId(), user.role(), user.organisationId())));
            return json(200, users);
        }
        if (path.equals("/local/status") && request.method().equals("GET")) {
            return json(200, status.get());
        }
        return json(404, problem("the local endpoints are POST /local/tokens, GET /local/demo-users and GET /local/status"));
    }

    private static ObjectNode problem(String detail) {
        return JSON.createObjectNode().put("message", detail);
    }

    private static HttpResponseData json(int status, JsonNode body) {
        return new HttpResponseData(status, Map.of("content-type", List.of("application/json")), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequestData read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream input = exchange.getRequestBody()) {
            body = input.readAllBytes();
        }
        return new HttpRequestData(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    private static void write(HttpExchange exchange, HttpResponseData response) throws IOException {
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : response.body().length);
        if (!empty) {
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
