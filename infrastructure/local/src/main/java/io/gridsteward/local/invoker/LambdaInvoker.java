package io.gridsteward.local.invoker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private static final String RUNTIME_PATH = "/2018-06-01/runtime/";

    private LambdaInvoker() {}

    public static void main(String[] arguments) throws Exception {
        String runtimeApi = requiredEnvironment("AWS_LAMBDA_RUNTIME_API");
        String handlerName = requiredEnvironment("_HANDLER");
        String base = "http://" + runtimeApi + RUNTIME_PATH;
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
            post(base + "init/error", errorJson(cause), "Runtime.InitError");
            System.exit(1);
            return;
        }

        while (true) {
            HttpURLConnection next;
            byte[] event;
            try {
                next = open(base + "invocation/next", "GET");
                event = readAll(next.getInputStream());
            } catch (IOException gone) {
                // The local stack has stopped (refused, or 410 while stopping): nothing will ever come again.
                System.exit(0);
                return;
            }
            String requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            long deadline = Long.parseLong(headerOr(next, "Lambda-Runtime-Deadline-Ms", "0"));
            String functionArn = headerOr(next, "Lambda-Runtime-Invoked-Function-Arn", "");
            String traceId = next.getHeaderField("Lambda-Runtime-Trace-Id");
            if (traceId != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", traceId);
            }
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
                post(base + "invocation/" + requestId + "/response", output.toByteArray(), null);
            } catch (Throwable failure) {
                Throwable cause = failure instanceof InvocationTargetException wrapped ? wrapped.getCause() : failure;
                cause.printStackTrace();
                post(base + "invocation/" + requestId + "/error", errorJson(cause), "Runtime.UnhandledException");
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

    private static HttpURLConnection open(String address, String method) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(address).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setReadTimeout(0);
        return connection;
    }

    private static void post(String address, byte[] body, String errorType) throws IOException {
        HttpURLConnection connection = open(address, "POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        try (OutputStream output = connection.getOutputStream()) {
            output.write(body);
        }
        int status = connection.getResponseCode();
        if (status >= 300) {
            System.err.println("runtime API answered " + status + " to " + address);
        }
        connection.disconnect();
    }

    private static byte[] readAll(InputStream input) throws IOException {
        try (input) {
            return input.readAllBytes();
        }
    }

    private static String headerOr(HttpURLConnection connection, String name, String fallback) {
        String value = connection.getHeaderField(name);
        return value == null ? fallback : value;
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
