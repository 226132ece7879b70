package io.gridsteward.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gridsteward.local.PortInUseException;
import io.gridsteward.local.auth.JsonWebTokens;
import io.gridsteward.local.auth.TokenVerification;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local stand-in for API Gateway's HTTP API (what {@code sam local start-api} is for SAM): it matches the
 * template's routes, plays the JWT authorizer, turns each request into a payload 2.0 event for the function behind
 * the route, and the function's answer back into HTTP. Its own refusals (no route, no or a bad token, a malformed
 * request line or query, a body over API Gateway's 10 MB) are problem+json. Under {@code /local/} it also hands out
 * tokens for the demo users, which only the local stack does.
 */
public final class HttpFront implements AutoCloseable {
    /** API Gateway's HTTP API refuses a request payload over 10 MB. */
    public static final int MAXIMUM_BODY_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
    private static final Set<String> ROLES = Set.of(
            "RESIDENT",
            "GRID_WORKER",
            "GRID_PARTY_LEADER",
            "COMMUNITY_SECRETARY",
            "TOWN_DISPATCHER",
            "TOWN_SUPERVISOR",
            "DEPARTMENT_OFFICER",
            "COUNTY_LEADER",
            "UNIT_OFFICER",
            "PARTY_MEMBER");

    private final Server server;
    private final RouteTable routes;
    private final Map<String, FunctionInvoker> functions;
    private final JsonWebTokens tokens;
    private final List<DemoUser> demoUsers;
    private final Supplier<JsonNode> status;
    private final Clock clock;
    private final PrintStream console;
    private final FrontTimings timings = new FrontTimings();

    private HttpFront(
            Server server,
            RouteTable routes,
            Map<String, FunctionInvoker> functions,
            JsonWebTokens tokens,
            List<DemoUser> demoUsers,
            Supplier<JsonNode> status,
            Clock clock,
            PrintStream console) {
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
    public static HttpFront start(
            int port,
            RouteTable routes,
            Map<String, FunctionInvoker> functions,
            JsonWebTokens tokens,
            List<DemoUser> demoUsers,
            Supplier<JsonNode> status,
            Clock clock,
            PrintStream console)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http-front");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        // API Gateway's limits: 10 KB of headers; a request line as long as that is refused too.
        configuration.setRequestHeaderSize(10 * 1024);
        ServerConnector connector = new ServerConnector(server, new HeaderScreeningConnectionFactory(configuration));
        connector.setPort(port);
        server.addConnector(connector);
        HttpFront front = new HttpFront(server, routes, functions, tokens, demoUsers, status, clock, console);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                front.handle(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new ProblemErrorHandler());
        try {
            server.start();
        } catch (Exception failure) {
            stopQuietly(server);
            if (PortInUseException.isBindFailure(failure)) {
                throw new PortInUseException(port, "--port");
            }
            throw new IOException("the HTTP front did not start on port " + port, failure);
        }
        return front;
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Where clients reach the front, as API Gateway's own domain name: what functions see as the request's host. */
    public String address() {
        return "localhost:" + port();
    }

    /** A bearer token for a caller, as Cognito would issue it. */
    public String tokenFor(String userId, String role, String organisationId) {
        return tokens.issue(userId, role, organisationId, TOKEN_LIFETIME);
    }

    /** Where proxied requests' time goes, for the intake benchmark. */
    public FrontTimings timings() {
        return timings;
    }

    private void handle(Request request, Response response, Callback callback) {
        long received = System.nanoTime();
        String rawPath = Optional.ofNullable(request.getHttpURI().getPath()).orElse("/");
        HttpResponseData answer;
        try {
            Optional<HttpRequestData> read = read(request, rawPath);
            if (read.isEmpty()) {
                answer = FrontProblems.of(413, "the request body is larger than API Gateway's 10 MB", rawPath, "body");
            } else {
                answer = rawPath.startsWith("/local/") ? local(read.get()) : proxy(read.get(), received);
            }
        } catch (RuntimeException | IOException | InterruptedException | ExecutionException failure) {
            console.println("HTTP front: " + request.getMethod() + " " + rawPath + " failed: " + failure);
            answer = FrontProblems.of(500, "the front could not complete the request", rawPath, null);
        }
        long responding = System.nanoTime();
        respond(request, response, callback, answer);
        if (!rawPath.startsWith("/local/")) {
            timings.write().record(System.nanoTime() - responding);
        }
    }

    private HttpResponseData proxy(HttpRequestData request, long receivedNanos)
            throws InterruptedException, ExecutionException {
        if (!ApiGatewayEvents.isPercentEncoded(request.rawPath())) {
            return FrontProblems.of(400, "the path is not valid percent-encoded UTF-8", request.rawPath(), "path");
        }
        Route route = routes.match(request.method(), request.rawPath()).orElse(null);
        if (route == null) {
            return FrontProblems.of(
                    404, "no route matches " + request.method() + " " + request.rawPath(), request.rawPath(), "path");
        }
        Optional<String> badQueryParameter = ApiGatewayEvents.malformedQueryParameter(request.rawQueryString());
        if (badQueryParameter.isPresent()) {
            return FrontProblems.of(
                    400,
                    "the query parameter is not valid percent-encoded UTF-8",
                    request.rawPath(),
                    badQueryParameter.get());
        }
        Map<String, String> claims = Map.of();
        if (route.authorized()) {
            String authorization = request.header("authorization");
            if (authorization == null) {
                return FrontProblems.of(
                        401,
                        "a bearer token is required",
                        request.rawPath(),
                        "Authorization",
                        Map.of("www-authenticate", "Bearer"));
            }
            switch (tokens.verify(authorization)) {
                case TokenVerification.Valid valid -> claims = valid.claims();
                case TokenVerification.Invalid invalid -> {
                    return FrontProblems.of(
                            401,
                            invalid.reason(),
                            request.rawPath(),
                            "Authorization",
                            Map.of(
                                    "www-authenticate",
                                    "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + invalid.reason()
                                            + "\""));
                }
            }
        }
        String requestId = UUID.randomUUID().toString();
        byte[] event = ApiGatewayEvents.event(request, route, claims, requestId, clock.instant(), address())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        FunctionInvoker function = functions.get(route.functionName());
        if (function == null) {
            return FrontProblems.of(502, "no function answers " + route.routeKey(), request.rawPath(), null);
        }
        long invoked = System.nanoTime();
        timings.request().record(invoked - receivedNanos);
        InvocationResult result = function.invoke(event).get();
        long answered = System.nanoTime();
        timings.invocation().record(answered - invoked);
        HttpResponseData answer = switch (result) {
            case InvocationResult.Success success -> ApiGatewayEvents.response(success.payload());
            case InvocationResult.FunctionError error -> {
                console.println("function " + route.functionName() + " failed on " + request.method() + " "
                        + request.rawPath() + ": " + error.errorType() + " "
                        + error.payloadText().lines().findFirst().orElse(""));
                yield ApiGatewayEvents.internalServerError();
            }
            case InvocationResult.Timeout timeout ->
                FrontProblems.of(503, "the function did not answer in time", request.rawPath(), null);
        };
        timings.response().record(System.nanoTime() - answered);
        return answer;
    }

    private HttpResponseData local(HttpRequestData request) {
        String path = request.rawPath();
        if (path.equals("/local/tokens") && request.method().equals("POST")) {
            JsonNode body;
            try {
                body = JSON.readTree(request.body());
            } catch (IOException malformed) {
                return FrontProblems.of(400, "the body is not JSON: {\"userId\", \"role\", \"orgId\"}", path, "body");
            }
            String userId = body == null ? "" : body.path("userId").asText("");
            String role = body == null ? "" : body.path("role").asText("");
            if (userId.isBlank() || !ROLES.contains(role)) {
                return FrontProblems.of(
                        400,
                        "userId is required and role must be one of "
                                + ROLES.stream().sorted().toList(),
                        path,
                        userId.isBlank() ? "userId" : "role");
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
        return FrontProblems.of(
                404,
                "the local endpoints are POST /local/tokens, GET /local/demo-users and GET /local/status",
                path,
                "path");
    }

    private static HttpResponseData json(int status, JsonNode body) {
        return new HttpResponseData(
                status,
                Map.of("content-type", List.of("application/json")),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request as the front received it, or empty when its body is over the limit (read to its end all the same,
     * so that the client reads the refusal rather than a reset connection).
     */
    private static Optional<HttpRequestData> read(Request request, String rawPath) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tooLarge = false;
        try (InputStream input = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[16 * 1024];
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                tooLarge |= body.size() + read > MAXIMUM_BODY_BYTES;
                if (!tooLarge) {
                    body.write(buffer, 0, read);
                }
            }
        }
        if (tooLarge) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return Optional.of(new HttpRequestData(
                request.getMethod(),
                rawPath,
                request.getHttpURI().getQuery(),
                headers,
                body.toByteArray(),
                Request.getRemoteAddr(request)));
    }

    private static void respond(Request request, Response response, Callback callback, HttpResponseData answer) {
        response.setStatus(answer.statusCode());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        boolean empty = answer.body().length == 0 || request.getMethod().equals("HEAD");
        if (!empty) {
            headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(answer.body().length));
        }
        response.write(true, empty ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(answer.body()), callback);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Start-up already failed; that failure is the one to report.
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception failure) {
            throw new IllegalStateException("the HTTP front did not stop", failure);
        }
    }

    /**
     * What Jetty answers itself, before a request reaches the front (a request line that is not a URI, such as a path
     * with bad percent-encoding, or headers too large): problem+json too, naming the part at fault.
     */
    private static final class ProblemErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object message = request.getAttribute(ERROR_MESSAGE);
            String path = request.getHttpURI() == null
                    ? "/"
                    : Optional.ofNullable(request.getHttpURI().getPath()).orElse("/");
            if (request.getAttribute(ERROR_EXCEPTION)
                    instanceof HeaderScreeningConnectionFactory.ControlCharacterInHeader refused) {
                respond(
                        request,
                        response,
                        callback,
                        FrontProblems.of(400, refused.getMessage(), path, refused.header()));
            } else {
                respond(
                        request,
                        response,
                        callback,
                        problem(status, message == null ? null : message.toString(), path));
            }
            return true;
        }

        private static HttpResponseData problem(int status, String reason, String path) {
            String field = switch (status) {
                case 400 -> "path";
                case 413 -> "body";
                case 414 -> "path";
                case 431 -> "headers";
                default -> null;
            };
            String detail = reason == null || reason.isBlank() ? "the request could not be read" : reason;
            return FrontProblems.of(
                    status, status == 400 ? "the request line is not valid HTTP: " + detail : detail, path, field);
        }
    }
}
