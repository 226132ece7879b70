package io.gridsteward.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local implementation of the Lambda Runtime API (2018-06-01) for one function: the runtime in the function's
 * JVM long-polls {@code invocation/next}, and answers with {@code invocation/{id}/response} or {@code /error}.
 * {@link #invoke} is the other side: it queues an event and completes when the runtime answers.
 */
public final class RuntimeApiServer implements FunctionInvoker, AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = PREFIX + "invocation/";

    private static final Duration QUEUE_LIMIT = Duration.ofMinutes(3);

    private record Pending(
            String requestId, byte[] event, long enqueuedNanos, CompletableFuture<InvocationResult> result) {}

    private final String functionName;
    private final Duration timeout;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private volatile FunctionStatistics statistics = new FunctionStatistics(System.nanoTime());
    private volatile InvocationResult.FunctionError initError;
    private volatile boolean closed;

    private RuntimeApiServer(String functionName, Duration timeout, HttpServer server) {
        this.functionName = functionName;
        this.timeout = timeout;
        this.server = server;
    }

    /** Listens on an ephemeral port of the loopback interface. */
    public static RuntimeApiServer start(String functionName, Duration timeout) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RuntimeApiServer runtimeApi = new RuntimeApiServer(functionName, timeout, server);
        server.setExecutor(runtimeApi.executor);
        server.createContext(PREFIX, runtimeApi::handle);
        server.start();
        return runtimeApi;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String functionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    public FunctionStatistics statistics() {
        return statistics;
    }

    /** A new runtime process is starting: fresh figures, and forget a previous process's init error. */
    public void runtimeStarting(long processStartedNanos) {
        statistics = new FunctionStatistics(processStartedNanos);
        initError = null;
    }

    /** The runtime process is gone: whatever it was working on fails as Lambda reports it. */
    public void runtimeExited(int exitCode) {
        InvocationResult.FunctionError failure = InvocationResult.FunctionError.of(
                "Runtime.ExitError", "RequestId: runtime exited with error: exit status " + exitCode);
        inFlight.values().forEach(pending -> pending.result().complete(failure));
        inFlight.clear();
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(byte[] event) {
        if (closed) {
            return CompletableFuture.completedFuture(
                    InvocationResult.FunctionError.of("Runtime.Stopped", functionName + " is stopped"));
        }
        InvocationResult.FunctionError failedInit = initError;
        if (failedInit != null) {
            return CompletableFuture.completedFuture(failedInit);
        }
        Pending pending =
                new Pending(UUID.randomUUID().toString(), event, System.nanoTime(), new CompletableFuture<>());
        // The function's timeout runs from hand-over (see next); this bounds the wait for a runtime still initialising.
        pending.result()
                .completeOnTimeout(
                        new InvocationResult.Timeout(QUEUE_LIMIT), QUEUE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        pending.result().whenComplete((result, failure) -> inFlight.remove(pending.requestId()));
        queue.add(pending);
        return pending.result();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(INVOCATION + "next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                byte[] body = readBody(exchange);
                initError = new InvocationResult.FunctionError(errorType(exchange, "Runtime.InitError"), body);
                queue.forEach(pending -> pending.result().complete(initError));
                queue.clear();
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/response")) {
                answer(exchange, path.substring(INVOCATION.length(), path.length() - "/response".length()), false);
            } else if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/error")) {
                answer(exchange, path.substring(INVOCATION.length(), path.length() - "/error".length()), true);
            } else {
                respond(exchange, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"" + method + " " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        statistics.recordPoll(System.nanoTime());
        Optional<Pending> taken = take();
        if (taken.isEmpty()) {
            respond(
                    exchange,
                    410,
                    "{\"errorType\":\"Runtime.Stopped\",\"errorMessage\":\"the local stack is stopping\"}");
            return;
        }
        Pending pending = taken.get();
        inFlight.put(pending.requestId(), pending);
        pending.result()
                .completeOnTimeout(new InvocationResult.Timeout(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn());
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                                + pending.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, pending.event().length == 0 ? -1 : pending.event().length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(pending.event());
        }
    }

    /** The next invocation that nobody has given up on yet; empty once the server closes. */
    private Optional<Pending> take() {
        try {
            while (!closed) {
                Pending pending = queue.poll(500, TimeUnit.MILLISECONDS);
                if (pending != null && !pending.result().isDone()) {
                    return Optional.of(pending);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private void answer(HttpExchange exchange, String requestId, boolean failed) throws IOException {
        byte[] body = readBody(exchange);
        Pending pending = inFlight.remove(requestId);
        if (pending == null) {
            respond(
                    exchange,
                    400,
                    "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown or expired request id " + requestId
                            + "\"}");
            return;
        }
        statistics.recordAnswer(pending.enqueuedNanos(), System.nanoTime());
        pending.result()
                .complete(
                        failed
                                ? new InvocationResult.FunctionError(
                                        errorType(exchange, "Runtime.UnhandledException"), body)
                                : new InvocationResult.Success(body));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String errorType(HttpExchange exchange, String fallback) {
        String header = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return header == null ? fallback : header;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream input = exchange.getRequestBody()) {
            return input.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(body);
        }
    }

    @Override
    public void close() {
        closed = true;
        InvocationResult.FunctionError stopped =
                InvocationResult.FunctionError.of("Runtime.Stopped", functionName + " is stopped");
        queue.forEach(pending -> pending.result().complete(stopped));
        inFlight.values().forEach(pending -> pending.result().complete(stopped));
        server.stop(0);
        executor.shutdownNow();
    }
}
