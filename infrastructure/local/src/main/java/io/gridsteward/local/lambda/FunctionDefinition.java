package io.gridsteward.local.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A function as Lambda knows it: a name, a deployment package, a handler, a timeout, memory and environment.
 */
public record FunctionDefinition(
        String name,
        Path artifact,
        String handler,
        Duration timeout,
        int memoryMegabytes,
        Map<String, String> environment) {
    public static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    public FunctionDefinition {
        environment = Map.copyOf(environment);
    }
}
