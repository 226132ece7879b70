package io.gridsteward.demo.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.demo.DemoCounty;
import io.gridsteward.demo.DemoSeeder;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.local.FunctionEnvironment;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.TableCreation;
import io.gridsteward.local.lambda.FunctionDefinition;
import io.gridsteward.local.lambda.FunctionStatistics;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.lambda.LocalFunction;
import io.gridsteward.local.template.SamTemplate;
import io.gridsteward.store.organisation.OrganisationStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One run, one comparison: the API function's first answer in a fresh JVM (JVM start → the first intake's 201, as the
 * local stack starts a function: its unpacked zip, the local Runtime API, the template's environment) against the same
 * for {@code infrastructure/minimal-function}, a Quarkus function whose only work is the same ticket intake's single
 * TransactWriteItems, on the same emulator. Each round starts both afresh, one after the other, so that the machine's
 * load falls on both alike; the ratio of the medians is the figure.
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.ColdStartBenchmark [rounds] [projectDirectory] [JVM options for both functions, e.g. -XX:StartFlightRecording]}
 */
public final class ColdStartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRID = "grid-hebin-1";
    private static final String MINIMAL_FUNCTION = "infrastructure/minimal-function/target/function.zip";

    private ColdStartBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        int rounds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 3;
        Path project = Path.of(arguments.length > 1 ? arguments[1] : ".")
                .toAbsolutePath()
                .normalize();
        String javaOptions = arguments.length > 2 ? arguments[2] : "";
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDirectory = Files.createTempDirectory("grid-steward-cold-start");
        SamTemplate template = SamTemplate.load(project.resolve("template.yaml"));
        SamTemplate.FunctionSpecification api = template.functions().stream()
                .filter(function -> function.codeUri().equals("functions/api/target/function.zip"))
                .findFirst()
                .orElseThrow();
        if (!Files.isRegularFile(project.resolve(MINIMAL_FUNCTION))
                || !Files.isRegularFile(project.resolve(api.codeUri()))) {
            throw new IllegalStateException("build the packages first: ./mvnw -B package -DskipTests");
        }
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, Optional.empty());
                DynamoDbClient dynamoDb = DynamoDbClient.builder()
                        .endpointOverride(emulator.endpoint())
                        .region(Region.of(LocalStack.REGION))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .build()) {
            TableCreation.createIfMissing(dynamoDb, template.table(), LocalStack.TABLE_NAME);
            new DemoSeeder(DemoCounty.load()).seedOrganisations(new OrganisationStore(dynamoDb, LocalStack.TABLE_NAME));
            Map<String, String> apiEnvironment = withJavaOptions(
                    FunctionEnvironment.of(
                            template, api, emulator.endpoint(), URI.create("http://127.0.0.1:1"), dataDirectory),
                    javaOptions);
            FunctionDefinition apiFunction = new FunctionDefinition(
                    api.name(),
                    project.resolve(api.codeUri()),
                    api.handler(),
                    api.timeout(),
                    api.memoryMegabytes(),
                    apiEnvironment);
            FunctionDefinition minimalFunction = new FunctionDefinition(
                    "MinimalFunction",
                    project.resolve(MINIMAL_FUNCTION),
                    FunctionDefinition.QUARKUS_HANDLER,
                    api.timeout(),
                    api.memoryMegabytes(),
                    withJavaOptions(
                            Map.of(
                                    "TABLE_NAME",
                                    LocalStack.TABLE_NAME,
                                    "AWS_ENDPOINT_URL_DYNAMODB",
                                    emulator.endpoint().toString()),
                            javaOptions));

            List<FunctionStatistics> apiStarts = new ArrayList<>();
            List<FunctionStatistics> minimalStarts = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                apiStarts.add(firstAnswer(apiFunction, dataDirectory.resolve("api-" + round), console));
                minimalStarts.add(firstAnswer(minimalFunction, dataDirectory.resolve("minimal-" + round), console));
                console.printf(
                        "round %d: api %s; minimal %s (load average %s)%n",
                        round,
                        apiStarts.getLast().describe(),
                        minimalStarts.getLast().describe(),
                        loadAverage());
            }
            double apiCold = median(apiStarts.stream()
                    .map(statistics -> statistics.coldStart().orElseThrow())
                    .toList());
            double minimalCold = median(minimalStarts.stream()
                    .map(statistics -> statistics.coldStart().orElseThrow())
                    .toList());
            double apiInit = median(apiStarts.stream()
                    .map(statistics -> statistics.initialisation().orElseThrow())
                    .toList());
            double minimalInit = median(minimalStarts.stream()
                    .map(statistics -> statistics.initialisation().orElseThrow())
                    .toList());
            console.printf(
                    "JVM start to the first intake's answer, median of %d fresh JVMs each (load average %s):%n",
                    rounds, loadAverage());
            console.printf(
                    "  api function:     %.0f ms (init %.0f ms, first invocation %.0f ms)%n",
                    apiCold, apiInit, apiCold - apiInit);
            console.printf(
                    "  minimal function: %.0f ms (init %.0f ms, first invocation %.0f ms)%n",
                    minimalCold, minimalInit, minimalCold - minimalInit);
            console.printf("  api / minimal: %.2fx%n", apiCold / minimalCold);
            console.println("function logs under " + dataDirectory);
        }
    }

    /** A fresh JVM for the function, one intake queued at once (it waits for init, as Lambda's first request does). */
    private static FunctionStatistics firstAnswer(
            FunctionDefinition definition, Path dataDirectory, PrintStream console) throws Exception {
        try (LocalFunction function = LocalFunction.start(definition, dataDirectory, console)) {
            InvocationResult result = function.invoke(intake()).get();
            if (!(result instanceof InvocationResult.Success success)
                    || JSON.readTree(success.payload()).path("statusCode").asInt() != 201) {
                throw new IllegalStateException(definition.name() + " did not take the intake: " + describe(result));
            }
            return function.statistics();
        }
    }

    private static byte[] intake() throws IOException {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "ANY /v1/{proxy+}")
                .put("rawPath", "/v1/tickets")
                .put("rawQueryString", "")
                .put("isBase64Encoded", false)
                .put(
                        "body",
                        JSON.createObjectNode()
                                .put("category", "streetlight")
                                .put("description", "cold start benchmark")
                                .put("gridId", GRID)
                                .set(
                                        "location",
                                        JSON.createObjectNode()
                                                .put("latitude", 30.251)
                                                .put("longitude", 120.161))
                                .toString());
        event.putObject("headers").put("host", "localhost").put("content-type", "application/json");
        ObjectNode context = event.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", "ANY /v1/{proxy+}")
                .put("stage", "$default")
                .put("timeEpoch", Instant.now().toEpochMilli());
        context.putObject("http")
                .put("method", "POST")
                .put("path", "/v1/tickets")
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        context.putObject("authorizer")
                .putObject("jwt")
                .putObject("claims")
                .put("sub", "cold-start-resident")
                .put("custom:role", "RESIDENT");
        return JSON.writeValueAsBytes(event);
    }

    private static Map<String, String> withJavaOptions(Map<String, String> environment, String javaOptions) {
        Map<String, String> withOptions = new HashMap<>(environment);
        if (!javaOptions.isBlank()) {
            withOptions.merge("JAVA_TOOL_OPTIONS", javaOptions, (template, extra) -> template + " " + extra);
        }
        return withOptions;
    }

    private static String describe(InvocationResult result) {
        return switch (result) {
            case InvocationResult.Success success -> new String(success.payload(), StandardCharsets.UTF_8);
            case InvocationResult.FunctionError error -> error.errorType() + " " + error.payloadText();
            case InvocationResult.Timeout timeout -> "timed out after " + timeout.after();
        };
    }

    private static String loadAverage() throws IOException {
        Path loadAverage = Path.of("/proc/loadavg");
        return Files.isReadable(loadAverage)
                ? String.join(
                        " ", List.of(Files.readString(loadAverage).split(" ")).subList(0, 3))
                : "unknown";
    }

    private static double median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2).toNanos() / 1e6;
    }
}
