package io.gridsteward.local.invoker;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal Lambda runtime interface client: the main class of each function's child JVM.
 *
 * <p>It runs on the function's own classpath (the unpacked function.zip), so it uses nothing but the JDK and
 * reflection: it loads the handler named by {@code _HANDLER} ({@code Class::method}), then loops
 * next invocation → handler → response or error against {@code AWS_LAMBDA_RUNTIME_API}. AWS's own client dies
 * with a SIGSEGV in its native part on these machines, which is why this exists. It is one class on purpose
 * (lambdas only, no nested classes): the local stack copies this single class file next to the function.
 */
public final class LambdaInvoker {
    public static final String PARENT_PROCESS_ENVIRONMENT = "GRID_STEWARD_PARENT_PID";
    /** How long the handler took, in nanoseconds: sent with each answer so the local stack can say where time goes. */
    public static final String HANDLER_NANOS_HEADER = "Grid-Steward-Handler-Nanos";

    private static final String RUNTIME_PATH = "/2018-06-01/runtime/";
    /** Where {@link #exchange} puts the response's status code among its headers. */
    private static final String STATUS = ":status";

    private static Socket connection;
    private static InputStream connectionInput;

    private LambdaInvoker() {}

    public static void main(String[] arguments) throws Exception {
        String runtimeApi = requiredEnvironment("AWS_LAMBDA_RUNTIME_API");
        String handlerName = requiredEnvironment("_HANDLER");
        watchParentProcess();

        Object handler;
        Method method;
        try {
            int separator = handlerName.indexOf("::");
            String className = separator < 0 ? handlerName : handlerName.substring(0, separator);
            String methodName = separator < 0 ? "handleRequest" : handlerName.substring(separator + 2);
            Class<?> handlerClass = Class.forName(className, true, ClassLoader.getSystemClassLoader());
            method = streamHandlerMethod(handlerClass, methodName);
            handler = Modifier.isStatic(method.getModifiers())
                    ? null
                    : handlerClass.getDeclaredConstructor().newInstance();
        } catch (Throwable failure) {
            Throwable cause = failure instanceof InvocationTargetException wrapped ? wrapped.getCause() : failure;
            cause.printStackTrace();
            post(runtimeApi, "init/error", errorJson(cause), "Runtime.InitError", 0);
            System.exit(1);
            return;
        }

        while (true) {
            Map<String, String> headers = new HashMap<>();
            byte[] event;
            try {
                event = exchange(runtimeApi, "GET", RUNTIME_PATH + "invocation/next", null, null, headers);
            } catch (IOException gone) {
                // The local stack has stopped (refused, or 410 while stopping): nothing will ever come again.
                System.exit(0);
                return;
            }
            if (!headers.get(STATUS).equals("200")) {
                System.exit(0);
                return;
            }
            String requestId = headers.get("lambda-runtime-aws-request-id");
            long deadline = Long.parseLong(headers.getOrDefault("lambda-runtime-deadline-ms", "0"));
            String functionArn = headers.getOrDefault("lambda-runtime-invoked-function-arn", "");
            String traceId = headers.get("lambda-runtime-trace-id");
            if (traceId != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", traceId);
            }
            long started = System.nanoTime();
            try {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                Object[] handlerArguments = method.getParameterCount() == 3
                        ? new Object[] {
                            new ByteArrayInputStream(event),
                            output,
                            context(method.getParameterTypes()[2], requestId, deadline, functionArn)
                        }
                        : new Object[] {new ByteArrayInputStream(event), output};
                method.invoke(handler, handlerArguments);
                post(runtimeApi, "invocation/" + requestId + "/response", output.toByteArray(), null, started);
            } catch (Throwable failure) {
                Throwable cause = failure instanceof InvocationTargetException wrapped ? wrapped.getCause() : failure;
                cause.printStackTrace();
                post(
                        runtimeApi,
                        "invocation/" + requestId + "/error",
                        errorJson(cause),
                        "Runtime.UnhandledException",
                        started);
            }
        }
    }

    private static Method streamHandlerMethod(Class<?> handlerClass, String methodName) throws NoSuchMethodException {
        return Arrays.stream(handlerClass.getMethods())
                .filter(candidate -> candidate.getName().equals(methodName))
                .filter(candidate -> candidate.getParameterCount() == 2 || candidate.getParameterCount() == 3)
                .filter(candidate -> candidate.getParameterTypes()[0].isAssignableFrom(InputStream.class)
                        && candidate.getParameterTypes()[1].isAssignableFrom(OutputStream.class))
                .max((left, right) -> Integer.compare(left.getParameterCount(), right.getParameterCount()))
                .orElseThrow(() -> new NoSuchMethodException(handlerClass.getName() + "::" + methodName
                        + "(InputStream, OutputStream[, Context]) not found; only stream handlers are supported"));
    }

    /** A Context for whatever Context interface the function's aws-lambda-java-core declares. */
    private static Object context(Class<?> contextType, String requestId, long deadline, String functionArn) {
        if (!contextType.isInterface()) {
            return null;
        }
        String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        Map<String, Object> values = Map.of(
                "getAwsRequestId",
                requestId,
                "getFunctionName",
                functionName,
                "getFunctionVersion",
                "$LATEST",
                "getInvokedFunctionArn",
                functionArn,
                "getLogGroupName",
                "/aws/lambda/" + functionName,
                "getLogStreamName",
                "local",
                "getMemoryLimitInMB",
                Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")));
        return Proxy.newProxyInstance(
                contextType.getClassLoader(), new Class<?>[] {contextType}, (proxy, called, callArguments) -> {
                    String name = called.getName();
                    if (name.equals("getRemainingTimeInMillis")) {
                        return (int) Math.max(0, deadline - System.currentTimeMillis());
                    }
                    if (name.equals("getLogger") && called.getReturnType().isInterface()) {
                        return logger(called.getReturnType());
                    }
                    if (name.equals("toString")) {
                        return "LocalContext[" + requestId + "]";
                    }
                    if (name.equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (name.equals("equals")) {
                        return proxy == callArguments[0];
                    }
                    return values.containsKey(name) ? values.get(name) : defaultValue(called.getReturnType());
                });
    }

    private static Object logger(Class<?> loggerType) {
        return Proxy.newProxyInstance(
                loggerType.getClassLoader(), new Class<?>[] {loggerType}, (proxy, called, callArguments) -> {
                    if (called.getName().equals("log") && callArguments != null && callArguments.length > 0) {
                        Object message = callArguments[0];
                        System.out.println(
                                message instanceof byte[] bytes
                                        ? new String(bytes, StandardCharsets.UTF_8)
                                        : String.valueOf(message));
                    }
                    return defaultValue(called.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? 0L : 0;
        }
        return null;
    }

    private static void watchParentProcess() {
        String parent = System.getenv(PARENT_PROCESS_ENVIRONMENT);
        if (parent == null) {
            return;
        }
        Thread watcher = new Thread(
                () -> {
                    while (ProcessHandle.of(Long.parseLong(parent))
                            .map(ProcessHandle::isAlive)
                            .orElse(false)) {
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                    // The local stack died without stopping us: do not linger as an orphan.
                    Runtime.getRuntime().halt(0);
                },
                "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Posts to the Runtime API with how long the handler took ({@link #HANDLER_NANOS_HEADER}, when {@code started} is
     * set); retries once on a fresh connection if the kept-alive one has gone.
     */
    private static void post(String runtimeApi, String path, byte[] body, String errorType, long started)
            throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (errorType != null) {
            headers.put("Lambda-Runtime-Function-Error-Type", errorType);
        }
        if (started != 0) {
            headers.put(HANDLER_NANOS_HEADER, Long.toString(System.nanoTime() - started));
        }
        Map<String, String> answer = new HashMap<>();
        try {
            exchange(runtimeApi, "POST", RUNTIME_PATH + path, headers, body, answer);
        } catch (IOException broken) {
            disconnect();
            exchange(runtimeApi, "POST", RUNTIME_PATH + path, headers, body, answer);
        }
        if (Integer.parseInt(answer.get(STATUS)) >= 300) {
            System.err.println("runtime API answered " + answer.get(STATUS) + " to " + path);
        }
    }

    /**
     * One HTTP/1.1 request on the kept-alive connection to the Runtime API, written in one go with Nagle's algorithm
     * off; fills {@code answer} with the response's headers (lower-case names, the status under {@link #STATUS}) and
     * returns its body. The JDK's HttpURLConnection would do, but its small writes wait on delayed ACKs.
     */
    private static byte[] exchange(
            String runtimeApi,
            String method,
            String path,
            Map<String, String> headers,
            byte[] body,
            Map<String, String> answer)
            throws IOException {
        if (connection == null || connection.isClosed()) {
            int colon = runtimeApi.lastIndexOf(':');
            connection = new Socket(runtimeApi.substring(0, colon), Integer.parseInt(runtimeApi.substring(colon + 1)));
            connection.setTcpNoDelay(true);
            connectionInput = new BufferedInputStream(connection.getInputStream());
        }
        byte[] content = body == null ? new byte[0] : body;
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(runtimeApi)
                .append("\r\n")
                .append("Content-Length: ")
                .append(content.length)
                .append("\r\n");
        if (headers != null) {
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        try {
            OutputStream output = connection.getOutputStream();
            output.write(request);
            output.flush();
            String statusLine = line(connectionInput);
            if (statusLine == null || statusLine.split(" ").length < 2) {
                throw new IOException("the Runtime API closed the connection");
            }
            answer.put(STATUS, statusLine.split(" ")[1]);
            for (String header = line(connectionInput);
                    header != null && !header.isEmpty();
                    header = line(connectionInput)) {
                int separator = header.indexOf(':');
                if (separator > 0) {
                    answer.put(
                            header.substring(0, separator).trim().toLowerCase(Locale.ROOT),
                            header.substring(separator + 1).trim());
                }
            }
            int length = Integer.parseInt(answer.getOrDefault("content-length", "0"));
            byte[] response = connectionInput.readNBytes(length);
            if (response.length < length) {
                throw new IOException("the Runtime API closed the connection mid-answer");
            }
            return response;
        } catch (IOException broken) {
            disconnect();
            throw broken;
        }
    }

    private static String line(InputStream input) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int next = input.read(); next >= 0; next = input.read()) {
            if (next == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(next);
        }
        return null;
    }

    private static void disconnect() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException ignored) {
            // A broken connection is replaced by a new one.
        }
        connection = null;
    }

    private static String requiredEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is required");
        }
        return value;
    }

    static byte[] errorJson(Throwable failure) {
        StringBuilder frames = new StringBuilder();
        for (StackTraceElement frame : failure.getStackTrace()) {
            frames.append(frames.isEmpty() ? "" : ",").append(quote(frame.toString()));
        }
        String json = "{\"errorMessage\":" + quote(String.valueOf(failure.getMessage()))
                + ",\"errorType\":" + quote(failure.getClass().getName())
                + ",\"stackTrace\":[" + frames + "]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    } else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
