package io.gridsteward.local;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.local.auth.JsonWebTokens;
import io.gridsteward.local.http.DemoUser;
import io.gridsteward.local.http.FrontTimings;
import io.gridsteward.local.http.HttpFront;
import io.gridsteward.local.http.RouteTable;
import io.gridsteward.local.lambda.FunctionDefinition;
import io.gridsteward.local.lambda.FunctionStatistics;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.lambda.LocalFunction;
import io.gridsteward.local.s3.LocalS3Server;
import io.gridsteward.local.s3.S3Faults;
import io.gridsteward.local.schedule.LocalScheduler;
import io.gridsteward.local.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system on one machine, with no AWS account and no Docker: the DynamoDB emulator, an S3 server, the
 * packaged functions of template.yaml in child JVMs behind local Runtime APIs ({@link FunctionEnvironment}), the
 * template's table ({@link TableCreation}), the HTTP front that plays API Gateway, the stream pollers that play the
 * event-source mappings ({@link StreamPollers}), the scheduler, and a first invocation of each function
 * ({@link WarmUp}); this class starts them in order and stops them. {@link StackStatus} says where everything is. It knows the functions only as packaged zips;
 * what is seeded into it (the demo county) is another module's business.
 */
public final class LocalStack implements AutoCloseable {
    public static final String TABLE_NAME = "grid-steward";
    public static final String LAKE_BUCKET = "grid-steward-lake";
    public static final String ATTACHMENTS_BUCKET = "grid-steward-attachments";
    public static final String REGION = "us-east-1";
    /** The timeline's mark for the moment the front serves with the seeding done. */
    public static final String UP_AND_SERVING = "up and serving";

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final PrintStream console;
    private final Path dataDirectory;
    private DynamoDbEmulator emulator;
    private LocalS3Server s3;
    private HttpFront front;
    private DynamoDbClient dynamoDb;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private StreamPollers pollers;
    private LocalScheduler scheduler;
    private Future<Void> frontFunctionsAnswered;
    private final StartUpTimeline timeline;
    private final boolean freshDataDirectory;
    private Duration startUp = Duration.ZERO;

    private LocalStack(Path dataDirectory, PrintStream console, StartUpTimeline timeline, boolean freshDataDirectory) {
        this.dataDirectory = dataDirectory;
        this.console = console;
        this.timeline = timeline;
        this.freshDataDirectory = freshDataDirectory;
    }

    /**
     * Starts everything; on failure, stops what had started and rethrows. The front hands out tokens for
     * {@code demoUsers}.
     */
    public static LocalStack start(LocalStackOptions options, List<DemoUser> demoUsers, PrintStream console)
            throws Exception {
        return start(options, demoUsers, StackSeeding.NONE, StartUpTimeline.sinceJvmStart(), console);
    }

    /**
     * Starts everything and seeds the stack as soon as its front serves, while the functions' JVMs still start (a
     * request that reaches a function before its first answer waits for its cold start, as on Lambda); returns once
     * the seeding is done and every function has answered. Each phase goes on {@code timeline}.
     */
    public static LocalStack start(
            LocalStackOptions options,
            List<DemoUser> demoUsers,
            StackSeeding seeding,
            StartUpTimeline timeline,
            PrintStream console)
            throws Exception {
        long started = System.nanoTime();
        Path dataDirectory = options.dataDirectory().toAbsolutePath().normalize();
        boolean fresh = !Files.isDirectory(dataDirectory.resolve("dynamodb"));
        Files.createDirectories(dataDirectory);
        LocalStack stack = new LocalStack(dataDirectory, console, timeline, fresh);
        try {
            stack.startAll(options, demoUsers, seeding);
        } catch (Exception | Error failure) {
            stack.close();
            throw failure;
        }
        stack.startUp = Duration.ofNanos(System.nanoTime() - started);
        return stack;
    }

    private void startAll(LocalStackOptions options, List<DemoUser> demoUsers, StackSeeding seeding) throws Exception {
        Path project = options.projectDirectory().toAbsolutePath().normalize();
        SamTemplate template =
                timeline.phase("template read", () -> SamTemplate.load(project.resolve("template.yaml")));
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
        URI dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynamoDbPort);
        URI s3Endpoint = URI.create("http://127.0.0.1:" + s3Port);
        // The front's functions start with the servers; the stream's and the schedules' once the stack serves, so
        // that their JVMs do not take the cores the seeding needs (nothing calls them before: the pollers and the
        // scheduler start with them).
        List<SamTemplate.FunctionSpecification> frontFunctions = specifications.stream()
                .filter(specification -> !specification.routes().isEmpty())
                .toList();
        List<SamTemplate.FunctionSpecification> laterFunctions = specifications.stream()
                .filter(specification -> specification.routes().isEmpty())
                .toList();
        // Platform threads: the servers' starts are seconds of class loading each, and a virtual thread is never
        // preempted, so two of them on two cores would hold back every other start.
        try (ExecutorService parallel =
                Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            Future<DynamoDbEmulator> emulatorStart =
                    parallel.submit(() -> timed("DynamoDB emulator", () -> startEmulator(dynamoDbPort)));
            Future<LocalS3Server> s3Start = parallel.submit(
                    () -> timed("S3 server", () -> LocalS3Server.start(s3Port, dataDirectory.resolve("s3"))));
            // The front's functions' packages are unpacked meanwhile (disk, not processor), but their JVMs start once
            // the servers hold the buckets and the table: two JVMs starting Quarkus take both cores of a small machine
            // for seconds, which the snapshot's load, S3Proxy's start and the first SDK client would otherwise wait
            // for, and nothing calls a function before the front serves.
            Future<Void> frontUnpacked = parallel.submit(() -> timeline.phase("unpack the front's functions", () -> {
                for (SamTemplate.FunctionSpecification specification : frontFunctions) {
                    LocalFunction.unpack(specification.name(), project.resolve(specification.codeUri()), dataDirectory);
                }
                return null;
            }));
            emulator = own(await(emulatorStart));
            s3 = own(await(s3Start));
            await(frontUnpacked);
            timeline.phase("buckets and table", () -> {
                s3.createBucketIfMissing(LAKE_BUCKET);
                s3.createBucketIfMissing(ATTACHMENTS_BUCKET);
                dynamoDb = own(dynamoDbClient(emulator.endpoint()));
                TableCreation.createIfMissing(dynamoDb, template.table(), TABLE_NAME);
                return null;
            });
            long serversReady = System.nanoTime();
            launch(parallel, project, template, frontFunctions, dynamoDbEndpoint, s3Endpoint);

            front = own(timeline.phase(
                    "HTTP front",
                    () -> HttpFront.start(
                            options.port(),
                            routes(specifications),
                            new LinkedHashMap<>(functions),
                            JsonWebTokens.loadOrCreate(dataDirectory, Clock.systemUTC()),
                            demoUsers,
                            () -> status().json(),
                            Clock.systemUTC(),
                            console)));
            WarmUp warmUp = new WarmUp(
                    functions,
                    httpEndpoint(),
                    WarmUp.leaderAmong(demoUsers),
                    user -> front.tokenFor(user.userId(), user.role(), user.organisationId()));
            List<Future<String>> frontWarmUps = warmUpAll(parallel, frontFunctions, warmUp);
            frontFunctionsAnswered = parallel.submit(() -> {
                reportProblems(frontWarmUps);
                return null;
            });
            boolean seeded = timeline.phase("seeding", () -> seeding.seed(this, options, console));
            Duration up = timeline.mark(UP_AND_SERVING);
            console.printf(
                    "up and serving on %s after %.1f s from JVM start (a function still starting answers its first"
                            + " request once warm)%n",
                    httpEndpoint(), up.toMillis() / 1000.0);

            launch(parallel, project, template, laterFunctions, dynamoDbEndpoint, s3Endpoint);
            pollers = new StreamPollers(dynamoDb, own(streamsClient(emulator.endpoint())), dataDirectory, console);
            laterFunctions.stream()
                    .filter(specification -> specification.streamMapping().isPresent())
                    .forEach(specification ->
                            pollers.start(specification, functions.get(specification.name()), options));
            scheduler = new LocalScheduler(Clock.systemUTC(), console);
            laterFunctions.forEach(specification -> specification
                    .schedules()
                    .forEach(schedule ->
                            scheduler.schedule(specification.name(), functions.get(specification.name()), schedule)));
            reportProblems(warmUpAll(parallel, laterFunctions, warmUp));
            await(frontFunctionsAnswered);
            timeline.mark("every function answered");
            if (seeded) {
                compactOnceTheLakeHasTheSeeding(laterFunctions);
            }
            long functionsWarm = System.nanoTime();
            console.printf(
                    "start-up phases: servers ready after %d ms, every function answered after %d ms%n",
                    (serversReady - started) / 1_000_000, (functionsWarm - started) / 1_000_000);
        }
    }

    /**
     * Starts the JVMs of {@code specifications}, all at once; a function that started is stopped with the stack even
     * if another fails.
     */
    private void launch(
            ExecutorService parallel,
            Path project,
            SamTemplate template,
            List<SamTemplate.FunctionSpecification> specifications,
            URI dynamoDbEndpoint,
            URI s3Endpoint)
            throws Exception {
        Map<String, Future<LocalFunction>> functionStarts = new LinkedHashMap<>();
        ConcurrencyLimits concurrency =
                ConcurrencyLimits.from(System.getenv(), Runtime.getRuntime().availableProcessors());
        for (SamTemplate.FunctionSpecification specification : specifications) {
            FunctionDefinition definition = new FunctionDefinition(
                    specification.name(),
                    project.resolve(specification.codeUri()),
                    specification.handler(),
                    specification.timeout(),
                    specification.memoryMegabytes(),
                    FunctionEnvironment.of(template, specification, dynamoDbEndpoint, s3Endpoint, dataDirectory),
                    concurrency.limitOf(specification));
            functionStarts.put(
                    specification.name(),
                    parallel.submit(() -> timeline.phase(
                            "launch " + specification.name(),
                            () -> LocalFunction.start(definition, dataDirectory, console))));
        }
        int failed = 0;
        for (Map.Entry<String, Future<LocalFunction>> start : functionStarts.entrySet()) {
            try {
                LocalFunction function = await(start.getValue());
                synchronized (functions) {
                    functions.put(start.getKey(), function);
                }
            } catch (Exception failedStart) {
                failed++;
                console.println("function " + start.getKey() + " did not start: " + failedStart.getMessage());
            }
        }
        if (failed > 0) {
            throw new IllegalStateException("not every function started; see above");
        }
    }

    /**
     * In the background: once the pollers have delivered the seeded history, each scheduled compaction (a schedule
     * whose input names the {@code compaction} job) is invoked over the past year, so that the lake's first queries
     * read one object a day rather than one per stream batch and day.
     */
    private void compactOnceTheLakeHasTheSeeding(List<SamTemplate.FunctionSpecification> specifications) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String input = "{\"job\":\"compaction\",\"from\":\"" + today.minusDays(400) + "\",\"to\":\"" + today + "\"}";
        List<String> compactions = specifications.stream()
                .filter(specification -> specification.schedules().stream()
                        .anyMatch(schedule -> schedule.input()
                                .filter(fixed -> fixed.replace(" ", "").contains("\"job\":\"compaction\""))
                                .isPresent()))
                .map(SamTemplate.FunctionSpecification::name)
                .toList();
        if (compactions.isEmpty()) {
            return;
        }
        timeline.begin("lake: the seeding delivered and compacted");
        Thread.ofPlatform().daemon().name("lake-compaction-after-seeding").start(() -> {
            try {
                pollers.awaitDrained();
                for (String name : compactions) {
                    InvocationResult result = functions
                            .get(name)
                            .invoke(input.getBytes(StandardCharsets.UTF_8))
                            .get();
                    if (!(result instanceof InvocationResult.Success)) {
                        console.println("compaction of the seeded lake by " + name + ": " + result);
                    }
                }
                timeline.end("lake: the seeding delivered and compacted");
                Duration done = timeline.endOf("lake: the seeding delivered and compacted")
                        .orElseThrow();
                console.printf(
                        "lake: the seeded history delivered and compacted after %.1f s from JVM start%n",
                        done.toMillis() / 1000.0);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception failure) {
                console.println("compaction of the seeded lake failed: " + failure.getMessage());
            }
        });
    }

    private void reportProblems(List<Future<String>> warmUps) throws Exception {
        for (Future<String> answered : warmUps) {
            String problem = await(answered);
            if (!problem.isEmpty()) {
                console.println(problem);
            }
        }
    }

    /**
     * Waits until every function behind the front has answered its first invocation: for seeding through the front,
     * whose requests must not spend their timeout on a cold start.
     */
    public void awaitFrontFunctions() throws Exception {
        await(frontFunctionsAnswered);
    }

    private static RouteTable routes(List<SamTemplate.FunctionSpecification> specifications) {
        return new RouteTable(specifications.stream()
                .flatMap(specification -> specification.routes().stream()
                        .map(route -> new RouteTable.Definition(
                                route.method(), route.path(), specification.name(), route.authorized())))
                .toList());
    }

    /** Each function's first invocation, all at once; each future gives a line describing a problem, or "". */
    private List<Future<String>> warmUpAll(
            ExecutorService parallel, List<SamTemplate.FunctionSpecification> specifications, WarmUp warmUp) {
        return specifications.stream()
                .map(specification -> parallel.submit(() ->
                        timeline.phase(specification.name() + " first answer", () -> warmUp.warmUp(specification))))
                .toList();
    }

    private <T> T timed(String what, Callable<T> start) throws Exception {
        long started = System.nanoTime();
        T server = timeline.phase(what, start);
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

    private StackStatus status() {
        Map<String, LocalFunction> running;
        synchronized (functions) {
            running = new LinkedHashMap<>(functions);
        }
        return new StackStatus(startUp, front.port(), s3.endpoint(), emulator.endpoint(), dataDirectory, running);
    }

    /** What the console shows once everything is up. */
    public String summary() {
        return status().summary();
    }

    public URI httpEndpoint() {
        return URI.create("http://127.0.0.1:" + front.port());
    }

    public URI dynamoDbEndpoint() {
        return emulator.endpoint();
    }

    public Duration startUp() {
        return startUp;
    }

    /** The phases of this stack's start-up, each against the JVM's start. */
    public StartUpTimeline timeline() {
        return timeline;
    }

    /** True if the data directory held no table when the stack started (so the goal is a fresh start's). */
    public boolean freshDataDirectory() {
        return freshDataDirectory;
    }

    /** The start-up timeline against its goal: {@link StartUpTimeline#FRESH_GOAL} or {@link StartUpTimeline#RESTART_GOAL}. */
    public String timelineReport() {
        return timeline.render(
                UP_AND_SERVING, freshDataDirectory ? StartUpTimeline.FRESH_GOAL : StartUpTimeline.RESTART_GOAL);
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

    /** Where proxied requests' time goes in the HTTP front. */
    public FrontTimings frontTimings() {
        return front.timings();
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

    private static DynamoDbStreamsClient streamsClient(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(localCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY));
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
        if (scheduler != null) {
            scheduler.close();
        }
        if (pollers != null) {
            pollers.close();
        }
        List<Callable<Void>> closing = functions.values().stream()
                .<Callable<Void>>map(function -> () -> {
                    function.close();
                    return null;
                })
                .toList();
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
                    console.println(
                            "while stopping " + resource.getClass().getSimpleName() + ": " + failure.getMessage());
                }
            }
        }
    }
}
