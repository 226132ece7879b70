package io.gridsteward.demo.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.gridsteward.local.s3.LocalS3Server;
import io.gridsteward.local.stream.DynamoDbStreamSource;
import io.gridsteward.local.stream.DynamodbEvents;
import io.gridsteward.local.stream.StreamRecordJson;
import io.gridsteward.local.stream.StreamSource;
import io.gridsteward.local.template.SamTemplate;
import io.gridsteward.store.organisation.OrganisationStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One run, three comparisons, each a function's first answer in a fresh JVM (JVM start → the first answer, as the
 * local stack starts a function: its unpacked zip, the local Runtime API, the template's environment) against a
 * minimal Quarkus function doing the same single write, on the same emulator and S3 server:
 * <ul>
 *   <li>the api function's intake (201) against {@code infrastructure/minimal-function}'s (one TransactWriteItems);
 *   <li>the lake writer on a batch of the api's intakes' items from the table's stream against
 *       {@code infrastructure/minimal-stream-function} on the same batch (one PutObject into the lake bucket);
 *   <li>the dashboard function's page against the same minimal function's intake: the dashboard writes nothing, and the
 *       first answer of a metric request is the lake's and DuckDB's work, which {@code DashboardBenchmark} measures.
 * </ul>
 * Each round starts every function afresh, one after the other, so that the machine's load falls on all alike; the
 * ratios of the medians are the figures.
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.ColdStartBenchmark [rounds] [projectDirectory] [JVM options for every function, e.g. -XX:StartFlightRecording]}
 */
public final class ColdStartBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRID = "grid-hebin-1";
    private static final String MINIMAL_FUNCTION = "infrastructure/minimal-function/target/function.zip";
    private static final String MINIMAL_STREAM_FUNCTION = "infrastructure/minimal-stream-function/target/function.zip";
    private static final int BATCH_SIZE = 100;

    /** A function, the event of its first invocation and what its answer must say. */
    private record Start(FunctionDefinition function, Supplier<byte[]> event, Predicate<JsonNode> answered) {}

    /**
     * The api's intakes' items as the event-source mapping delivers them (up to {@value #BATCH_SIZE} records, the
     * ticket events among them), read from the table's stream once an intake has been answered; the same batch for
     * both stream functions.
     */
    private static final class TicketBatch implements Supplier<byte[]> {
        private final StreamSource stream;
        private byte[] event;

        TicketBatch(StreamSource stream) {
            this.stream = stream;
        }

        @Override
        public synchronized byte[] get() {
            if (event == null) {
                List<StreamRecordJson> batch = new ArrayList<>();
                for (StreamSource.Shard shard : stream.shards()) {
                    Optional<String> iterator = Optional.of(stream.iterator(shard.shardId(), Optional.empty()));
                    while (iterator.isPresent() && batch.size() < BATCH_SIZE) {
                        StreamSource.Page page = stream.read(shard.shardId(), iterator.get(), 1000);
                        page.records().stream()
                                .filter(record -> record.json()
                                        .path("dynamodb")
                                        .path("NewImage")
                                        .path("pk")
                                        .path("S")
                                        .asText()
                                        .startsWith("TICKET#"))
                                .limit(BATCH_SIZE - batch.size())
                                .forEach(batch::add);
                        iterator = page.records().isEmpty() ? Optional.empty() : page.nextIterator();
                    }
                }
                if (batch.stream()
                        .noneMatch(record -> record.json()
                                .path("dynamodb")
                                .path("NewImage")
                                .path("entity")
                                .path("S")
                                .asText()
                                .equals("TicketEvent"))) {
                    throw new IllegalStateException("the table's stream holds no ticket event");
                }
                event = DynamodbEvents.event(batch);
            }
            return event;
        }
    }

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
        for (String zip : List.of(
                "functions/api/target/function.zip",
                "functions/lake-writer/target/function.zip",
                "functions/dashboard/target/function.zip",
                MINIMAL_FUNCTION,
                MINIMAL_STREAM_FUNCTION)) {
            if (!Files.isRegularFile(project.resolve(zip))) {
                throw new IllegalStateException(
                        zip + " is missing: build the packages first: ./mvnw -B package -DskipTests");
            }
        }
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(0, Optional.empty());
                LocalS3Server s3 = LocalS3Server.start(0, dataDirectory.resolve("s3"));
                DynamoDbClient dynamoDb = DynamoDbClient.builder()
                        .endpointOverride(emulator.endpoint())
                        .region(Region.of(LocalStack.REGION))
                        .credentialsProvider(credentials())
                        .build();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                        .endpointOverride(emulator.endpoint())
                        .region(Region.of(LocalStack.REGION))
                        .credentialsProvider(credentials())
                        .build()) {
            s3.createBucketIfMissing(LocalStack.LAKE_BUCKET);
            s3.createBucketIfMissing(LocalStack.ATTACHMENTS_BUCKET);
            TableCreation.createIfMissing(dynamoDb, template.table(), LocalStack.TABLE_NAME);
            new DemoSeeder(DemoCounty.load()).seedOrganisations(new OrganisationStore(dynamoDb, LocalStack.TABLE_NAME));

            FunctionDefinition api = deployed(
                    template, project, "functions/api/target/function.zip", emulator, s3, dataDirectory, javaOptions);
            FunctionDefinition lakeWriter = deployed(
                    template,
                    project,
                    "functions/lake-writer/target/function.zip",
                    emulator,
                    s3,
                    dataDirectory,
                    javaOptions);
            FunctionDefinition dashboard = deployed(
                    template,
                    project,
                    "functions/dashboard/target/function.zip",
                    emulator,
                    s3,
                    dataDirectory,
                    javaOptions);
            FunctionDefinition minimal =
                    baseline("MinimalFunction", project.resolve(MINIMAL_FUNCTION), api, emulator, s3, javaOptions);
            FunctionDefinition minimalStream = baseline(
                    "MinimalStreamFunction",
                    project.resolve(MINIMAL_STREAM_FUNCTION),
                    lakeWriter,
                    emulator,
                    s3,
                    javaOptions);

            Predicate<JsonNode> created = answer -> answer.path("statusCode").asInt() == 201;
            Predicate<JsonNode> batchStored =
                    answer -> answer.path("batchItemFailures").isEmpty();
            Predicate<JsonNode> pageServed = answer -> answer.path("statusCode").asInt() == 200;
            Start apiStart = new Start(api, ColdStartBenchmark::intake, created);
            Start minimalStart = new Start(minimal, ColdStartBenchmark::intake, created);
            Start dashboardStart = new Start(dashboard, ColdStartBenchmark::page, pageServed);
            Supplier<byte[]> batch = new TicketBatch(
                    new DynamoDbStreamSource(dynamoDb, streams, LocalStack.TABLE_NAME, LocalStack.REGION));
            Start lakeWriterStart = new Start(lakeWriter, batch, batchStored);
            Start minimalStreamStart = new Start(minimalStream, batch, batchStored);
            List<Start> order = List.of(apiStart, minimalStart, lakeWriterStart, minimalStreamStart, dashboardStart);

            Map<String, List<FunctionStatistics>> starts = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (Start start : order) {
                    FunctionStatistics statistics = firstAnswer(start, dataDirectory, console);
                    starts.computeIfAbsent(start.function().name(), unused -> new ArrayList<>())
                            .add(statistics);
                    line.append(String.format(
                            " %s %.0f ms (init %.0f);",
                            start.function().name(),
                            millis(statistics.coldStart().orElseThrow()),
                            millis(statistics.initialisation().orElseThrow())));
                }
                console.println(line + " load average " + BenchmarkFigures.loadAverage());
            }
            console.printf(
                    "JVM start to the first answer, median of %d fresh JVMs each (load average %s):%n",
                    rounds, BenchmarkFigures.loadAverage());
            for (Start start : order) {
                List<FunctionStatistics> runs = starts.get(start.function().name());
                double cold = median(runs.stream()
                        .map(statistics -> statistics.coldStart().orElseThrow())
                        .toList());
                double init = median(runs.stream()
                        .map(statistics -> statistics.initialisation().orElseThrow())
                        .toList());
                console.printf(
                        "  %-24s %6.0f ms (init %.0f ms, first invocation %.0f ms)%n",
                        start.function().name(), cold, init, cold - init);
            }
            console.printf("  api / minimal:                   %.2fx%n", ratio(starts, api.name(), minimal.name()));
            console.printf(
                    "  lake writer / minimal stream:    %.2fx%n",
                    ratio(starts, lakeWriter.name(), minimalStream.name()));
            console.printf(
                    "  dashboard page / minimal intake: %.2fx%n", ratio(starts, dashboard.name(), minimal.name()));
            console.println("function logs under " + dataDirectory.resolve("logs"));
        }
    }

    private static FunctionDefinition deployed(
            SamTemplate template,
            Path project,
            String codeUri,
            DynamoDbEmulator emulator,
            LocalS3Server s3,
            Path dataDirectory,
            String javaOptions) {
        SamTemplate.FunctionSpecification specification = template.functions().stream()
                .filter(function -> function.codeUri().equals(codeUri))
                .findFirst()
                .orElseThrow();
        return new FunctionDefinition(
                specification.name(),
                project.resolve(codeUri),
                specification.handler(),
                specification.timeout(),
                specification.memoryMegabytes(),
                withJavaOptions(
                        FunctionEnvironment.of(
                                template, specification, emulator.endpoint(), s3.endpoint(), dataDirectory),
                        javaOptions));
    }

    /** A baseline with the memory and timeout of the function it is compared with, and the environment it needs. */
    private static FunctionDefinition baseline(
            String name,
            Path zip,
            FunctionDefinition comparedWith,
            DynamoDbEmulator emulator,
            LocalS3Server s3,
            String javaOptions) {
        return new FunctionDefinition(
                name,
                zip,
                FunctionDefinition.QUARKUS_HANDLER,
                comparedWith.timeout(),
                comparedWith.memoryMegabytes(),
                withJavaOptions(
                        Map.of(
                                "TABLE_NAME",
                                LocalStack.TABLE_NAME,
                                "LAKE_BUCKET",
                                LocalStack.LAKE_BUCKET,
                                "AWS_ENDPOINT_URL_DYNAMODB",
                                emulator.endpoint().toString(),
                                "AWS_ENDPOINT_URL_S3",
                                s3.endpoint().toString(),
                                "AWS_REQUEST_CHECKSUM_CALCULATION",
                                "when_required"),
                        javaOptions));
    }

    /**
     * A fresh JVM for the function, its event queued at once (it waits for init, as Lambda's first request does). The
     * package is unpacked once into a directory of the function's own, so that a class-data archive stays valid.
     */
    private static FunctionStatistics firstAnswer(Start start, Path dataDirectory, PrintStream console)
            throws Exception {
        try (LocalFunction function = LocalFunction.start(start.function(), dataDirectory, console)) {
            InvocationResult result = function.invoke(start.event().get()).get();
            if (!(result instanceof InvocationResult.Success success)
                    || !start.answered().test(JSON.readTree(success.payload()))) {
                throw new IllegalStateException(
                        start.function().name() + " did not answer as it should: " + describe(result));
            }
            return function.statistics();
        }
    }

    private static byte[] intake() {
        ObjectNode event = httpEvent("ANY /v1/{proxy+}", "POST", "/v1/tickets")
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
        ((ObjectNode) event.path("headers")).put("content-type", "application/json");
        ((ObjectNode) event.path("requestContext"))
                .putObject("authorizer")
                .putObject("jwt")
                .putObject("claims")
                .put("sub", "cold-start-resident")
                .put("custom:role", "RESIDENT");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The dashboard's page, an open route. */
    private static byte[] page() {
        return httpEvent("GET /", "GET", "/").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode httpEvent(String routeKey, String method, String path) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", routeKey)
                .put("rawPath", path)
                .put("rawQueryString", "")
                .put("isBase64Encoded", false);
        event.putObject("headers").put("host", "localhost");
        ObjectNode context = event.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", routeKey)
                .put("stage", "$default")
                .put("timeEpoch", Instant.now().toEpochMilli());
        context.putObject("http")
                .put("method", method)
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1");
        return event;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
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

    private static double ratio(Map<String, List<FunctionStatistics>> starts, String function, String baseline) {
        return medianColdStart(starts.get(function)) / medianColdStart(starts.get(baseline));
    }

    private static double medianColdStart(List<FunctionStatistics> runs) {
        return median(runs.stream()
                .map(statistics -> statistics.coldStart().orElseThrow())
                .toList());
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static double median(List<Duration> durations) {
        return BenchmarkFigures.median(durations.stream().mapToDouble(ColdStartBenchmark::millis));
    }
}
