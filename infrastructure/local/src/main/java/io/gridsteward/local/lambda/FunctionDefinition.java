package io.gridsteward.local.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A function as Lambda knows it: a name, a deployment package, a handler, a timeout, memory, environment, and how many
 * instances of it may run at once ({@code concurrencyLimit}: the template's {@code ReservedConcurrentExecutions}).
 */
public record FunctionDefinition(
        String name,
        Path artifact,
        String handler,
        Duration timeout,
        int memoryMegabytes,
        Map<String, String> environment,
        int concurrencyLimit) {
    public static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    public FunctionDefinition {
        environment = Map.copyOf(environment);
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException("a function runs at least one instance, not " + concurrencyLimit);
        }
    }

    /** A function that runs one instance at a time. */
    public FunctionDefinition(
            String name,
            Path artifact,
            String handler,
            Duration timeout,
            int memoryMegabytes,
            Map<String, String> environment) {
        this(name, artifact, handler, timeout, memoryMegabytes, environment, 1);
    }
}
