package io.gridsteward.local.lambda;

import io.gridsteward.local.invoker.LambdaInvoker;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A local implementation of the Lambda Runtime API (2018-06-01) for one instance of a function: the runtime in the
 * instance's JVM long-polls {@code invocation/next}, takes the oldest invocation of the function's
 * {@link InvocationQueue} (shared with its other instances), and answers with {@code invocation/{id}/response} or
 * {@code /error}.
 *
 * <p>It is a small HTTP/1.1 server of its own on the loopback interface: one virtual thread per connection, keep-alive,
 * each answer one write with Nagle's algorithm off. The JDK's server it replaced wrote headers and body apart with
 * Nagle on, so the body of each event waited for the runtime's delayed ACK (about 40 ms on Linux), and it handed every
 * request from its selector thread to another.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = PREFIX + "invocation/";
    private static final int MAXIMUM_HEADER_BYTES = 16 * 1024;
    private static final int MAXIMUM_BODY_BYTES = 16 * 1024 * 1024;

    private record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {
        static Response json(int status, String json) {
            return new Response(
                    status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String functionName;
    private final Duration timeout;
    private final InvocationQueue queue;
    private final FunctionStatistics statistics;
    private final InvocationTimings timings;
    private final ServerSocket serverSocket;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, InvocationQueue.Pending> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> handedOverNanos = new ConcurrentHashMap<>();
    private volatile boolean initialised;
    private volatile boolean closed;

    private RuntimeApiServer(
            String functionName,
            Duration timeout,
            InvocationQueue queue,
            FunctionStatistics statistics,
            InvocationTimings timings,
            ServerSocket serverSocket) {
        this.functionName = functionName;
        this.timeout = timeout;
        this.queue = queue;
        this.statistics = statistics;
        this.timings = timings;
        this.serverSocket = serverSocket;
    }

    /** Listens on an ephemeral port of the loopback interface. */
    public static RuntimeApiServer start(
            String functionName,
            Duration timeout,
            InvocationQueue queue,
            FunctionStatistics statistics,
            InvocationTimings timings)
            throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        RuntimeApiServer runtimeApi =
                new RuntimeApiServer(functionName, timeout, queue, statistics, timings, serverSocket);
        Thread.ofPlatform()
                .daemon()
                .name("runtime-api-" + functionName + "-" + serverSocket.getLocalPort())
                .start(runtimeApi::acceptConnections);
        return runtimeApi;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + serverSocket.getLocalPort();
    }

    public String functionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    public FunctionStatistics statistics() {
        return statistics;
    }

    /** The runtime has asked for work at least once: its init phase is over. */
    public boolean initialised() {
        return initialised;
    }

    /** The runtime holds an invocation it has not answered yet. */
    public boolean busy() {
        return !inFlight.isEmpty();
    }

    /** The runtime process is gone: it takes no more work, and whatever it was working on fails as Lambda reports it. */
    public void runtimeExited(int exitCode) {
        closed = true;
        failInFlight(InvocationResult.FunctionError.of(
                "Runtime.ExitError", "RequestId: runtime exited with error: exit status " + exitCode));
    }

    private void acceptConnections() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException failure) {
                if (!closed) {
                    System.err.println("runtime API of " + functionName + ": accept failed: " + failure);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream input = new BufferedInputStream(socket.getInputStream());
                OutputStream output = socket.getOutputStream()) {
            for (Optional<Request> request = read(input); request.isPresent(); request = read(input)) {
                Response response = handle(request.get());
                write(output, response);
                if (response.status() == 410) {
                    return;
                }
            }
        } catch (IOException closedConnection) {
            // The runtime went away or the server is closing: nothing to answer.
        } finally {
            connections.remove(socket);
        }
    }

    private Response handle(Request request) {
        String path = request.path();
        String method = request.method();
        if (method.equals("GET") && path.equals(INVOCATION + "next")) {
            return next();
        }
        if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
            queue.failAll(new InvocationResult.FunctionError(errorType(request, "Runtime.InitError"), request.body()));
            return Response.json(202, "{\"status\":\"OK\"}");
        }
        if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/response")) {
            return answer(request, path.substring(INVOCATION.length(), path.length() - "/response".length()), false);
        }
        if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/error")) {
            return answer(request, path.substring(INVOCATION.length(), path.length() - "/error".length()), true);
        }
        return Response.json(404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"" + method + " " + path + "\"}");
    }

    private Response next() {
        statistics.recordPoll(System.nanoTime());
        initialised = true;
        Optional<InvocationQueue.Pending> taken = queue.take(() -> closed);
        if (taken.isEmpty()) {
            return Response.json(
                    410, "{\"errorType\":\"Runtime.Stopped\",\"errorMessage\":\"the local stack is stopping\"}");
        }
        InvocationQueue.Pending pending = taken.get();
        long handedOver = System.nanoTime();
        inFlight.put(pending.requestId(), pending);
        handedOverNanos.put(pending.requestId(), handedOver);
        if (closed) {
            // The runtime died while it waited: another instance (or a fresh one) takes the invocation.
            if (inFlight.remove(pending.requestId()) != null) {
                queue.putBack(pending);
            }
            return Response.json(410, "{\"errorType\":\"Runtime.Stopped\",\"errorMessage\":\"the runtime is gone\"}");
        }
        timings.waitingForRuntime().record(handedOver - pending.enqueuedNanos());
        pending.result().whenComplete((result, failure) -> {
            inFlight.remove(pending.requestId());
            handedOverNanos.remove(pending.requestId());
        });
        pending.result()
                .completeOnTimeout(new InvocationResult.Timeout(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", functionArn());
        headers.put(
                "Lambda-Runtime-Trace-Id",
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                        + pending.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        headers.put("Content-Type", "application/json");
        return new Response(200, headers, pending.event());
    }

    private Response answer(Request request, String requestId, boolean failed) {
        // Free before the caller hears the answer: its next invocation must find this runtime free, not start another.
        InvocationQueue.Pending pending = inFlight.remove(requestId);
        Long handedOver = handedOverNanos.remove(requestId);
        if (pending == null || handedOver == null) {
            return Response.json(
                    400,
                    "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown or expired request id " + requestId
                            + "\"}");
        }
        long answered = System.nanoTime();
        statistics.recordAnswer(pending.enqueuedNanos(), answered);
        String handlerNanos = request.header(LambdaInvoker.HANDLER_NANOS_HEADER);
        if (handlerNanos != null) {
            long handler = Long.parseLong(handlerNanos);
            timings.handler().record(handler);
            timings.runtimeApiHandOff().record(Math.max(0, answered - handedOver - handler));
        }
        pending.result()
                .complete(
                        failed
                                ? new InvocationResult.FunctionError(
                                        errorType(request, "Runtime.UnhandledException"), request.body())
                                : new InvocationResult.Success(request.body()));
        return Response.json(202, "{\"status\":\"OK\"}");
    }

    private static String errorType(Request request, String fallback) {
        String header = request.header("Lambda-Runtime-Function-Error-Type");
        return header == null ? fallback : header;
    }

    /** The next request on the connection; empty at its end. Bodies need a Content-Length (the invoker sends one). */
    private static Optional<Request> read(InputStream input) throws IOException {
        String requestLine = line(input);
        if (requestLine == null) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("not an HTTP request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int headerBytes = requestLine.length();
        for (String header = line(input); header != null && !header.isEmpty(); header = line(input)) {
            headerBytes += header.length();
            if (headerBytes > MAXIMUM_HEADER_BYTES) {
                throw new IOException("headers over " + MAXIMUM_HEADER_BYTES + " bytes");
            }
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(
                        header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        int bodyLength = length == null ? 0 : Integer.parseInt(length);
        if (bodyLength < 0 || bodyLength > MAXIMUM_BODY_BYTES) {
            throw new IOException("a body of " + bodyLength + " bytes");
        }
        byte[] body = input.readNBytes(bodyLength);
        if (body.length < bodyLength) {
            return Optional.empty();
        }
        String target = parts[1];
        int query = target.indexOf('?');
        return Optional.of(new Request(parts[0], query < 0 ? target : target.substring(0, query), headers, body));
    }

    /** One CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream input) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int next = input.read(); next >= 0; next = input.read()) {
            if (next == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(next);
            if (line.size() > MAXIMUM_HEADER_BYTES) {
                throw new IOException("a line over " + MAXIMUM_HEADER_BYTES + " bytes");
            }
        }
        return null;
    }

    private static void write(OutputStream output, Response response) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(response.status())
                .append(response.status() < 300 ? " OK" : " Error")
                .append("\r\n");
        response.headers()
                .forEach((name, value) ->
                        head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[headBytes.length + response.body().length];
        System.arraycopy(headBytes, 0, whole, 0, headBytes.length);
        System.arraycopy(response.body(), 0, whole, headBytes.length, response.body().length);
        output.write(whole);
        output.flush();
    }

    private void failInFlight(InvocationResult.FunctionError failure) {
        inFlight.values().forEach(pending -> pending.result().complete(failure));
        inFlight.clear();
        handedOverNanos.clear();
    }

    @Override
    public void close() {
        closed = true;
        failInFlight(InvocationResult.FunctionError.of("Runtime.Stopped", functionName + " is stopped"));
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
