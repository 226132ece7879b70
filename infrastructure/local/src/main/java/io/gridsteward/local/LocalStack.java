package io.gridsteward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.local.auth.JsonWebTokens;
import io.gridsteward.local.http.DemoUser;
import io.gridsteward.local.http.HttpFront;
import io.gridsteward.local.http.RouteTable;
import io.gridsteward.local.lambda.FunctionDefinition;
import io.gridsteward.local.lambda.FunctionStatistics;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.lambda.LocalFunction;
import io.gridsteward.local.s3.LocalS3Server;
import io.gridsteward.local.s3.S3Faults;
import io.gridsteward.local.schedule.LocalScheduler;
import io.gridsteward.local.stream.BatchDelivery;
import io.gridsteward.local.stream.Checkpoint;
import io.gridsteward.local.stream.DeliverySettings;
import io.gridsteward.local.stream.DynamoDbStreamSource;
import io.gridsteward.local.stream.EventFilter;
import io.gridsteward.local.stream.FileDeadLetters;
import io.gridsteward.local.stream.StreamPoller;
import io.gridsteward.local.template.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole system on one machine, with no AWS account and no Docker: the DynamoDB emulator, an S3 server, the
 * packaged functions of template.yaml in child JVMs behind local Runtime APIs, the HTTP front that plays API
 * Gateway and the stream poller that plays the event-source mapping. It knows the functions only as packaged zips;
 * what is seeded into it (the demo county) is another module's business.
 */
public final class LocalStack implements AutoCloseable {
    public static final String TABLE_NAME = "grid-steward";
    public static final String LAKE_BUCKET = "grid-steward-lake";
    public static final String ATTACHMENTS_BUCKET = "grid-steward-attachments";
    public static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final PrintStream console;
    private final Path dataDirectory;
    private DynamoDbEmulator emulator;
    private LocalS3Server s3;
    private HttpFront front;
    private DynamoDbClient dynamoDb;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private Thread pollerThread;
    private LocalScheduler scheduler;
    private volatile boolean stopping;
    private Duration startUp = Duration.ZERO;

    private LocalStack(Path dataDirectory, PrintStream console) {
        this.dataDirectory = dataDirectory;
        this.console = console;
    }

    /**
     * Starts everything; on failure, stops what had started and rethrows. The front hands out tokens for
     * {@code demoUsers}.
     */
    public static LocalStack start(LocalStackOptions options, List<DemoUser> demoUsers, PrintStream console) throws Exception {
        long started = System.nanoTime();
        Path dataDirectory = options.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        LocalStack stack = new LocalStack(dataDirectory, console);
        try {
            stack.startAll(options, demoUsers);
        } catch (Exception | Error failure) {
            stack.close();
            throw failure;
        }
        stack.startUp = Duration.ofNanos(System.nanoTime() - started);
        return stack;
    }

    private void startAll(LocalStackOptions options, List<DemoUser> demoUsers) throws Exception {
        Path project = options.projectDirectory().toAbsolutePath().normalize();
        SamTemplate template = SamTemplate.load(project.resolve("template.yaml"));
        List<SamTemplate.FunctionSpecification> specifications = template.functions();
        for (SamTemplate.FunctionSpecification specification : specifications) {
            if (!Files.isRegularFile(project.resolve(specification.codeUri()))) {
                throw new IllegalStateException("function package " + project.resolve(specification.codeUri())
                        + " is missing; build it with ./mvnw package -DskipTests");
            }
        }
        // Ports are fixed first, so the functions' JVMs (the slow part) start alongside the servers they will call.
        if (options.port() != 0) {
            concretePort(options.port(), "--port");
        }
        int dynamoDbPort = concretePort(options.dynamoDbPort(), "--dynamodb-port");
        int s3Port = concretePort(options.s3Port(), "--s3-port");

        long started = System.nanoTime();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            startServersAndFunctions(parallel, project, template, dynamoDbPort, s3Port);
            s3.createBucketIfMissing(LAKE_BUCKET);
            s3.createBucketIfMissing(ATTACHMENTS_BUCKET);
            dynamoDb = own(dynamoDbClient(emulator.endpoint()));
            createTableIfMissing(template.table());
            long serversReady = System.nanoTime();

            front = own(HttpFront.start(options.port(), routes(specifications), new LinkedHashMap<>(functions),
                    JsonWebTokens.loadOrCreate(dataDirectory, Clock.systemUTC()), demoUsers, this::status, Clock.systemUTC(), console));
            specifications.stream()
                    .filter(specification -> specification.streamMapping().isPresent())
                    .forEach(specification -> startPoller(specification, options));
            scheduler = new LocalScheduler(Clock.systemUTC(), console);
            specifications.forEach(specification -> specification.schedules()
                    .forEach(schedule -> scheduler.schedule(specification.name(), functions.get(specification.name()), schedule)));
            warmUpAll(parallel, specifications, demoUsers);
            long functionsWarm = System.nanoTime();
            console.printf("start-up phases: servers ready after %d ms, every function answered after %d ms%n",
                    (serversReady - started) / 1_000_000, (functionsWarm - started) / 1_000_000);
        }
    }

    /** The emulator, the S3 server and every function's JVM, all at once; a function that started is stopped with the stack even if a server fails. */
    private void startServersAndFunctions(ExecutorService parallel, Path project, SamTemplate template, int dynamoDbPort, int s3Port)
            throws Exception {
        Future<DynamoDbEmulator> emulatorStart = parallel.submit(() -> timed("DynamoDB emulator", () -> startEmulator(dynamoDbPort)));
        Future<LocalS3Server> s3Start = parallel.submit(() -> timed("S3 server", () -> LocalS3Server.start(s3Port, dataDirectory.resolve("s3"))));
        URI dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoDbPort);
        URI s3Endpoint = URI.create("http://127.0.0.1:" + s3Port);
        Map<String, Future<LocalFunction>> functionStarts = new LinkedHashMap<>();
        for (SamTemplate.FunctionSpecification specification : template.functions()) {
            FunctionDefinition definition = new FunctionDefinition(specification.name(), project.resolve(specification.codeUri()),
                    specification.handler(), specification.timeout(), specification.memoryMegabytes(),
                    environment(template, specification, dynamoDbEndpoint, s3Endpoint));
            functionStarts.put(specification.name(), parallel.submit(() -> LocalFunction.start(definition, dataDirectory, console)));
        }
        try {
            emulator = own(await(emulatorStart));
            s3 = own(await(s3Start));
        } finally {
            for (Map.Entry<String, Future<LocalFunction>> start : functionStarts.entrySet()) {
                try {
                    functions.put(start.getKey(), await(start.getValue()));
                } catch (Exception failedStart) {
                    console.println("function " + start.getKey() + " did not start: " + failedStart.getMessage());
                }
            }
        }
        if (functions.size() < functionStarts.size()) {
            throw new IllegalStateException("not every function started; see above");
        }
    }

    private static RouteTable routes(List<SamTemplate.FunctionSpecification> specifications) {
        return new RouteTable(specifications.stream()
                .flatMap(specification -> specification.routes().stream().map(route ->
                        new RouteTable.Definition(route.method(), route.path(), specification.name(), route.authorized())))
                .toList());
    }

    private void warmUpAll(ExecutorService parallel, List<SamTemplate.FunctionSpecification> specifications, List<DemoUser> demoUsers)
            throws Exception {
        DemoUser leader = demoUsers.stream().filter(user -> user.role().equals("COUNTY_LEADER")).findFirst()
                .orElse(new DemoUser("local-warm-up", "COUNTY_LEADER", null, "warms the functions up"));
        List<Future<String>> warmUps = specifications.stream()
                .map(specification -> parallel.submit(() -> warmUp(specification, leader)))
                .toList();
        for (Future<String> warmUp : warmUps) {
            String problem = await(warmUp);
            if (!problem.isEmpty()) {
                console.println(problem);
            }
        }
    }

    private <T> T timed(String what, Callable<T> start) throws Exception {
        long started = System.nanoTime();
        T server = start.call();
        console.printf("%s started in %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /**
     * A port that is free right now (the server binds it a moment later): the configured one, checked so that a
     * taken port is reported before anything starts, or for 0 any free one.
     */
    private static int concretePort(int port, String flag) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException failure) {
            if (PortInUseException.isBindFailure(failure)) {
                throw new PortInUseException(port, flag);
            }
            throw new IOException("no free port for " + flag, failure);
        }
    }

    private DynamoDbEmulator startEmulator(int port) {
        try {
            return DynamoDbEmulator.start(port, Optional.of(dataDirectory.resolve("dynamodb")));
        } catch (UncheckedIOException failure) {
            if (PortInUseException.isBindFailure(failure)) {
                throw new PortInUseException(port, "--dynamodb-port");
            }
            throw failure;
        }
    }

    /** The template's environment with local values: !Ref of a parameter is its default, other intrinsics are dropped. */
    private Map<String, String> environment(SamTemplate template, SamTemplate.FunctionSpecification specification, URI dynamoDbEndpoint,
                                            URI s3Endpoint) {
        Map<String, String> environment = new LinkedHashMap<>();
        specification.environment().forEach((name, value) -> {
            Optional<String> resolved = switch (value) {
                case SamTemplate.Intrinsic intrinsic when intrinsic.tag().equals("!Ref") -> template.parameterDefault(String.valueOf(intrinsic.value()));
                case SamTemplate.Intrinsic intrinsic -> Optional.empty();
                default -> Optional.of(String.valueOf(value));
            };
            resolved.ifPresent(text -> environment.put(name, text));
        });
        environment.put("TABLE_NAME", TABLE_NAME);
        environment.put("LAKE_BUCKET", LAKE_BUCKET);
        environment.put("ATTACHMENTS_BUCKET", ATTACHMENTS_BUCKET);
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        environment.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        environment.put("QUERY_ENGINE", "duckdb");
        environment.put("LAKE_CACHE_DIRECTORY", dataDirectory.resolve("lake-cache").toString());
        return environment;
    }

    private void createTableIfMissing(SamTemplate.TableSpecification table) {
        try {
            dynamoDb.describeTable(request -> request.tableName(TABLE_NAME));
            return;
        } catch (ResourceNotFoundException missing) {
            dynamoDb.createTable(table.request().toBuilder().tableName(TABLE_NAME).build());
        }
        table.timeToLiveAttribute().ifPresent(attribute -> dynamoDb.updateTimeToLive(request -> request.tableName(TABLE_NAME)
                .timeToLiveSpecification(specification -> specification.attributeName(attribute).enabled(true))));
    }

    private void startPoller(SamTemplate.FunctionSpecification specification, LocalStackOptions options) {
        SamTemplate.StreamMapping mapping = specification.streamMapping().orElseThrow();
        DeliverySettings settings = new DeliverySettings(options.batchSize(), options.batchingWindow(),
                Math.max(0, mapping.maximumRetryAttempts()), mapping.bisectOnFunctionError(), mapping.reportBatchItemFailures());
        DynamoDbStreamsClient streams = own(DynamoDbStreamsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(localCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build());
        DynamoDbStreamSource source = new DynamoDbStreamSource(dynamoDb, streams, TABLE_NAME, REGION);
        BatchDelivery delivery = new BatchDelivery(functions.get(specification.name()), settings,
                new FileDeadLetters(dataDirectory.resolve("dead-letter"), console), LocalStack::backOff);
        StreamPoller poller = new StreamPoller(source, Checkpoint.load(dataDirectory.resolve("poller-checkpoint"), source.streamArn()),
                delivery, EventFilter.of(mapping.filterPatterns()), settings, System::currentTimeMillis, Thread::sleep);
        pollerThread = Thread.ofPlatform().daemon().name("stream-poller-" + specification.name()).start(() -> poll(poller));
    }

    private void poll(StreamPoller poller) {
        while (!stopping) {
            try {
                if (poller.pollOnce() == 0) {
                    Thread.sleep(250);
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException failure) {
                if (stopping) {
                    return;
                }
                console.println("stream poller: " + failure.getMessage() + " (retrying)");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static void backOff(int retry) {
        try {
            Thread.sleep(Math.min(5_000, 100L << Math.min(retry, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One first invocation per function, so that its cold start is paid (and measured) during start-up: an empty
     * batch for a stream function, its scheduled event for a scheduled one, else a GET on its first route (a GET
     * route if it has one), with parameters filled in and a county leader's token; any answer but a 5xx will do.
     * Returns a line describing a problem, or an empty string.
     */
    private String warmUp(SamTemplate.FunctionSpecification specification, DemoUser leader) throws Exception {
        String name = specification.name();
        Optional<byte[]> directEvent = specification.streamMapping().isPresent()
                ? Optional.of("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8))
                : specification.schedules().stream().findFirst().map(schedule -> LocalScheduler.event(schedule, Instant.now()));
        if (directEvent.isPresent()) {
            return switch (functions.get(name).invoke(directEvent.get()).get()) {
                case InvocationResult.Success success -> "";
                case InvocationResult.FunctionError error -> "warm-up of " + name + " failed: " + error.errorType() + " " + error.payloadText();
                case InvocationResult.Timeout timeout -> "warm-up of " + name + " timed out after " + timeout.after();
            };
        }
        Optional<SamTemplate.HttpRoute> route = specification.routes().stream()
                .min(Comparator.comparing(candidate -> !candidate.method().equals("GET")));
        if (route.isEmpty()) {
            return "";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(httpEndpoint().resolve(route.get().path().replaceAll("\\{[^}]+}", "warm-up")))
                .timeout(WARM_UP_LIMIT).GET();
        if (route.get().authorized()) {
            request.header("Authorization", "Bearer " + front.tokenFor(leader.userId(), leader.role(), leader.organisationId()));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() < 500 ? "" : "warm-up of " + name + " answered " + response.statusCode() + ": " + response.body();
    }

    private JsonNode status() {
        ObjectNode status = JSON.createObjectNode();
        status.put("startUpMilliseconds", startUp.toMillis());
        status.put("http", httpEndpoint().toString());
        status.put("s3", s3.endpoint().toString());
        status.put("dynamodb", emulator.endpoint().toString());
        status.put("dataDirectory", dataDirectory.toString());
        ObjectNode functionStatus = status.putObject("functions");
        functions.forEach((name, function) -> {
            FunctionStatistics statistics = function.statistics();
            ObjectNode node = functionStatus.putObject(name);
            statistics.initialisation().ifPresent(duration -> node.put("initMilliseconds", duration.toMillis()));
            statistics.coldStart().ifPresent(duration -> node.put("coldStartMilliseconds", duration.toMillis()));
            statistics.firstInvocation().ifPresent(duration -> node.put("firstInvocationMilliseconds", duration.toMillis()));
            statistics.warmMedian().ifPresent(duration -> node.put("warmMedianMilliseconds", duration.toNanos() / 1e6));
            node.put("warmInvocations", statistics.warmInvocations());
            node.put("log", function.logFile().toString());
        });
        return status;
    }

    /** What the console shows once everything is up. */
    public String summary() {
        String http = "http://localhost:" + front.port();
        StringBuilder summary = new StringBuilder()
                .append("Grid Steward local stack is up (start-up took ").append(startUp.toMillis()).append(" ms)\n")
                .append("  page        ").append(http).append("/\n")
                .append("  API         ").append(http).append("/v1/  (Authorization: Bearer <token>)\n")
                .append("  dashboards  ").append(http).append("/v1/dashboards/response-times\n")
                .append("  tokens      GET ").append(http).append("/local/demo-users   POST ").append(http)
                .append("/local/tokens {\"userId\",\"role\",\"orgId\"}\n")
                .append("  status      ").append(http).append("/local/status\n")
                .append("  S3          ").append(s3.endpoint()).append("  (bucket ").append(LAKE_BUCKET).append(")\n")
                .append("  DynamoDB    ").append(emulator.endpoint()).append("  (table ").append(TABLE_NAME).append(")\n")
                .append("  data        ").append(dataDirectory).append("  (function logs in logs/)\n");
        functions.forEach((name, function) -> summary.append("  function    ").append(name).append(": ")
                .append(function.statistics().describe()).append('\n'));
        return summary.toString();
    }

    public URI httpEndpoint() {
        return URI.create("http://127.0.0.1:" + front.port());
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return emulator.endpoint();
    }

    public Duration startUp() {
        return startUp;
    }

    /** One function of the template, by its logical name (e.g. {@code LakeWriterFunction}), for tests that invoke or kill it. */
    public LocalFunction function(String name) {
        LocalFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("no function " + name + "; the stack runs " + functions.keySet());
        }
        return function;
    }

    /** The S3 server's fault switch, for fault-injection tests. */
    public S3Faults s3Faults() {
        return s3.faults();
    }

    public Map<String, FunctionStatistics> functionStatistics() {
        Map<String, FunctionStatistics> statistics = new LinkedHashMap<>();
        functions.forEach((name, function) -> statistics.put(name, function.statistics()));
        return statistics;
    }

    public String tokenFor(String userId, String role, String organisationId) {
        return front.tokenFor(userId, role, organisationId);
    }

    /** A DynamoDB client on the emulator, for tools and tests. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** An S3 client on the local S3 server (path-style, checksums only when required), for tools and tests. */
    public S3Client s3Client() {
        return own(S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(localCredentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    private static DynamoDbClient dynamoDbClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(localCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    private synchronized <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException failure) {
            if (failure.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw failure;
        }
    }

    /** Stops the scheduler and the poller, then every child JVM and server, newest first. */
    @Override
    public void close() {
        stopping = true;
        if (scheduler != null) {
            scheduler.close();
        }
        if (pollerThread != null) {
            pollerThread.interrupt();
            try {
                pollerThread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        List<Callable<Void>> closing = functions.values().stream().<Callable<Void>>map(function -> () -> {
            function.close();
            return null;
        }).toList();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            parallel.invokeAll(closing);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            while (!resources.isEmpty()) {
                AutoCloseable resource = resources.pop();
                try {
                    resource.close();
                } catch (Exception failure) {
                    console.println("while stopping " + resource.getClass().getSimpleName() + ": " + failure.getMessage());
                }
            }
        }
    }
}
