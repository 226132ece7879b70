package io.gridsteward.demo.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.demo.DemoCounty;
import io.gridsteward.demo.DemoSeeder;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import io.gridsteward.local.http.FrontTimings;
import io.gridsteward.local.lambda.InvocationTimings;
import io.gridsteward.local.lambda.LatencySamples;
import io.gridsteward.local.lambda.LocalFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One run, three comparisons on one stack with the demo county's organisations:
 *
 * <ol>
 *   <li>one client: a ticket intake through the HTTP front (front → API Gateway event → api function in its JVM →
 *       TransactWriteItems on the emulator → answer) against a bare TransactWriteItems of the same items on the same
 *       emulator, sent straight from this JVM by one client;
 *   <li>the front's and the local Runtime API's own cost: on a route the api function answers without a DynamoDB call
 *       (an unknown path under {@code /v1/}, its 404), each request's time at the client less the time its handler
 *       took (requests one at a time, so the stack's samples line up with the client's);
 *   <li>{@code clients} concurrent clients, each intake with its own {@code Idempotency-Key}, after a concurrent
 *       warm-up that lets the api function scale out: intakes per second, p50/p99, errors, instances used.
 * </ol>
 *
 * <p>For each it prints where the time goes: the front (reading, authorizer, event), waiting for a free instance, the
 * Runtime API's hand-off, the handler, the front's response.
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.IntakeBenchmark [intakes] [projectDirectory] [concurrentIntakes] [clients]}
 */
public final class IntakeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "api";
    private static final int WARM_UP = 50;
    private static final Duration SCALE_OUT_WAIT = Duration.ofMinutes(4);

    private final LocalStack stack;
    private final PrintStream console;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final String token;
    private final AtomicInteger reports = new AtomicInteger();

    private IntakeBenchmark(LocalStack stack, PrintStream console) {
        this.stack = stack;
        this.console = console;
        this.token = stack.tokenFor("benchmark-resident", "RESIDENT", null);
    }

    public static void main(String[] arguments) throws Exception {
        int intakes = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200;
        Path project = Path.of(arguments.length > 1 ? arguments[1] : ".");
        int concurrentIntakes = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 1000;
        int clients = arguments.length > 3 ? Integer.parseInt(arguments[3]) : 20;
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDirectory = Files.createTempDirectory("grid-steward-benchmark");
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, project);
        try (LocalStack stack = LocalStack.start(options, county.demoUsers(), console)) {
            new DemoSeeder(county).seed(stack, options, console);
            console.println("stack started in " + stack.startUp().toMillis() + " ms; the api function runs up to "
                    + stack.function(API).concurrencyLimit() + " instances");
            new IntakeBenchmark(stack, console).run(intakes, concurrentIntakes, clients);
        }
    }

    private void run(int intakes, int concurrentIntakes, int clients) throws Exception {
        for (int index = 0; index < WARM_UP; index++) {
            intake();
            noOp();
        }

        // Each intake through the front is followed by its bare twin, so that both see the same load on a busy machine.
        clearTimings();
        DynamoDbClient dynamoDb = stack.dynamoDb();
        List<Long> intakeNanos = new ArrayList<>();
        List<Long> bareNanos = new ArrayList<>();
        for (int index = 0; index < intakes; index++) {
            long started = System.nanoTime();
            String ticketId = intake();
            intakeNanos.add(System.nanoTime() - started);
            bareNanos.add(bareIntake(dynamoDb, ticketId));
        }
        Breakdown intakeBreakdown = breakdown();
        long[] intakeOverheads = overheads(intakeNanos, api().timings().handler());

        clearTimings();
        List<Long> noOpNanos = new ArrayList<>();
        for (int index = 0; index < intakes; index++) {
            long started = System.nanoTime();
            noOp();
            noOpNanos.add(System.nanoTime() - started);
        }
        Breakdown noOpBreakdown = breakdown();
        long[] noOpOverheads = overheads(noOpNanos, api().timings().handler());

        double intake = percentile(intakeNanos, 0.5);
        double bare = percentile(bareNanos, 0.5);
        console.println();
        console.printf("load average at the end of the one-client phases: %s%n", BenchmarkFigures.loadAverage());
        console.printf(
                "one client, ticket intake through the HTTP front: p50 %.2f ms, p99 %.2f ms (%d intakes)%n",
                intake, percentile(intakeNanos, 0.99), intakes);
        console.printf(
                "one client, the same DynamoDB calls made bare (GetItem of the grid twice,"
                        + " TransactWriteItems of the same items): p50 %.2f ms, p99 %.2f ms (%d intakes)%n",
                bare, percentile(bareNanos, 0.99), bareNanos.size());
        console.printf("  intake / bare at the median: %.2fx (goal at most 2x)%n", intake / bare);
        console.println("  where an intake's time goes (p50 of each step):");
        intakeBreakdown.print(console, bare);
        console.printf(
                "  front + Runtime API on the intake route (client time less handler, per request): p50 %.2f ms%n",
                percentile(intakeOverheads, 0.5));
        console.printf(
                "no-op route (GET /v1/benchmark-no-op, the api's 404), one client: p50 %.2f ms, handler p50 %.2f ms%n",
                percentile(noOpNanos, 0.5),
                milliseconds(api().timings().handler().percentile(0.5)));
        console.printf(
                "  front + Runtime API's own cost (client time less handler, per request): p50 %.2f ms, p99 %.2f ms"
                        + " (goal at most 3 ms at p50)%n",
                percentile(noOpOverheads, 0.5), percentile(noOpOverheads, 0.99));
        noOpBreakdown.print(console, Double.NaN);

        concurrent(concurrentIntakes, clients);
    }

    /**
     * The intake's own DynamoDB calls, made bare, timed: the grid read (the report's), the grid read again (a
     * streetlight's routing rule names its grid as the first assignee), then one transaction of a copy of the ticket's
     * items under a fresh key.
     */
    private static long bareIntake(DynamoDbClient dynamoDb, String ticketId) {
        List<TransactWriteItem> copies = copiesOf(dynamoDb, ticketId);
        String gridId = dynamoDb.getItem(request -> request.tableName(LocalStack.TABLE_NAME)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("TICKET#" + ticketId),
                                "sk",
                                AttributeValue.fromS("TICKET"))))
                .item()
                .get("gridId")
                .s();
        Map<String, AttributeValue> grid =
                Map.of("pk", AttributeValue.fromS("ORG#" + gridId), "sk", AttributeValue.fromS("ORG"));
        long started = System.nanoTime();
        for (int read = 0; read < 2; read++) {
            if (!dynamoDb.getItem(
                            request -> request.tableName(LocalStack.TABLE_NAME).key(grid))
                    .hasItem()) {
                throw new IllegalStateException("no grid " + gridId);
            }
        }
        dynamoDb.transactWriteItems(request -> request.transactItems(copies));
        return System.nanoTime() - started;
    }

    private void concurrent(int concurrentIntakes, int clients) throws Exception {
        LocalFunction api = api();
        long waitStarted = System.nanoTime();
        // Scale out first, as a stack under steady load would have: concurrent intakes until every instance the
        // limit allows has finished its init (or the wait runs out), then a few more rounds to warm the new JVMs.
        int warmUpRounds = 0;
        while (System.nanoTime() - waitStarted < SCALE_OUT_WAIT.toNanos()) {
            Outcome warmUp = intakes(clients * 10, clients);
            warmUpRounds++;
            if (warmUp.errors() > 0) {
                console.println("warm-up round " + warmUpRounds + ": " + warmUp.errors() + " errors");
            }
            boolean scaledOut = api.readyInstances() == api.peakInstances()
                    && (api.peakInstances() == api.concurrencyLimit() || warmUpRounds >= 3);
            if (scaledOut && warmUpRounds >= 3) {
                break;
            }
        }
        console.printf(
                "%nconcurrent warm-up: %d rounds of %d intakes in %.1f s; api instances %d (ready %d, limit %d)%n",
                warmUpRounds,
                clients * 10,
                (System.nanoTime() - waitStarted) / 1e9,
                api.instances(),
                api.readyInstances(),
                api.concurrencyLimit());

        clearTimings();
        int peakBefore = api.peakInstances();
        Map<String, Duration> processorBefore = processorTimes();
        Outcome measured = intakes(concurrentIntakes, clients);
        Map<String, Duration> processorAfter = processorTimes();
        double perSecond = measured.latencies().size() / (measured.elapsedNanos() / 1e9);
        console.printf(
                "%d concurrent clients, %d intakes each with its own Idempotency-Key: %.1f intakes/s (goal at least"
                        + " 300), p50 %.2f ms, p99 %.2f ms, %d errors, %d api instances (peak %d), load average %s%n",
                clients,
                concurrentIntakes,
                perSecond,
                percentile(measured.latencies(), 0.5),
                percentile(measured.latencies(), 0.99),
                measured.errors(),
                api.instances(),
                Math.max(peakBefore, api.peakInstances()),
                BenchmarkFigures.loadAverage());
        console.println("  where a concurrent intake's time goes (p50 of each step):");
        breakdown().print(console, Double.NaN);
        console.println("  processor time per intake, by process (what bounds intakes/s on this machine's "
                + Runtime.getRuntime().availableProcessors() + " cores):");
        double total = 0;
        for (String process : processorAfter.keySet()) {
            double perIntake = (processorAfter.get(process).toNanos()
                            - processorBefore
                                    .getOrDefault(process, Duration.ZERO)
                                    .toNanos())
                    / 1e6
                    / measured.latencies().size();
            total += perIntake;
            console.printf("    %-60s %6.2f ms%n", process, perIntake);
        }
        console.printf(
                "    total %.2f ms: at most %.0f intakes/s with every core on it%n",
                total, Runtime.getRuntime().availableProcessors() * 1000 / total);
        stack.functionStatistics()
                .forEach((name, statistics) -> console.println("function " + name + ": " + statistics.describe()));
    }

    /**
     * Processor time so far: this JVM (the clients, the front, the emulator, the S3 server, the pollers) and each
     * function's running instances.
     */
    private Map<String, Duration> processorTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        times.put(
                "this JVM: clients, HTTP front, DynamoDB emulator, pollers",
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        for (String name : stack.functionStatistics().keySet()) {
            LocalFunction function = stack.function(name);
            times.put("function " + name + " (" + function.instances() + " JVMs)", function.processorTime());
        }
        return times;
    }

    private record Outcome(List<Long> latencies, int errors, long elapsedNanos) {}

    private Outcome intakes(int count, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < clients; thread++) {
                running.add(threads.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        long sent = System.nanoTime();
                        try {
                            intake(true);
                            latencies.add(System.nanoTime() - sent);
                        } catch (IOException | RuntimeException failure) {
                            errors.incrementAndGet();
                            console.println("intake failed: " + failure.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        }
        return new Outcome(List.copyOf(latencies), errors.get(), System.nanoTime() - started);
    }

    /** One report; without an Idempotency-Key, so that its items are exactly the ticket's (the bare copy's). */
    private String intake() throws IOException, InterruptedException {
        return intake(false);
    }

    private String intake(boolean idempotencyKey) throws IOException, InterruptedException {
        int index = reports.incrementAndGet();
        String body = """
                {"category":"streetlight","description":"benchmark ticket %d","gridId":"grid-hebin-%d",
                 "location":{"latitude":30.251,"longitude":120.161}}""".formatted(index, index % 5 + 1);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        stack.httpEndpoint().resolve("/v1/tickets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    private void noOp() throws IOException, InterruptedException {
        URI noOp = stack.httpEndpoint().resolve("/v1/benchmark-no-op");
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(noOp)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 404) {
            throw new IllegalStateException("the no-op route answered " + response.statusCode());
        }
    }

    private LocalFunction api() {
        return stack.function(API);
    }

    private void clearTimings() {
        stack.frontTimings().clear();
        api().timings().clear();
    }

    /** The p50 of each step, as the front and the local Lambda recorded them. */
    private record Breakdown(FrontTimings front, InvocationTimings lambda) {
        void print(PrintStream console, double bareDynamoDb) {
            console.printf("    front: read, route, authorizer, event  %6.2f ms%n", milliseconds(front.request()));
            console.printf(
                    "    waiting for a free instance            %6.2f ms%n", milliseconds(lambda.waitingForRuntime()));
            console.printf(
                    "    Runtime API hand-off (event out, answer back, invoker) %6.2f ms%n",
                    milliseconds(lambda.runtimeApiHandOff()));
            console.printf("    handler                                %6.2f ms%n", milliseconds(lambda.handler()));
            if (!Double.isNaN(bareDynamoDb)) {
                console.printf(
                        "      of which the DynamoDB call, as made bare: %6.2f ms; the function's own code: %6.2f ms%n",
                        bareDynamoDb, milliseconds(lambda.handler()) - bareDynamoDb);
            }
            console.printf("    front: the function's answer to HTTP   %6.2f ms%n", milliseconds(front.response()));
            console.printf("    front: handing the response to Jetty   %6.2f ms%n", milliseconds(front.write()));
        }

        private static double milliseconds(LatencySamples samples) {
            return IntakeBenchmark.milliseconds(samples.percentile(0.5));
        }
    }

    private Breakdown breakdown() {
        FrontTimings front = new FrontTimings();
        InvocationTimings lambda = new InvocationTimings();
        copy(stack.frontTimings().request(), front.request());
        copy(stack.frontTimings().invocation(), front.invocation());
        copy(stack.frontTimings().response(), front.response());
        copy(stack.frontTimings().write(), front.write());
        copy(api().timings().waitingForRuntime(), lambda.waitingForRuntime());
        copy(api().timings().runtimeApiHandOff(), lambda.runtimeApiHandOff());
        copy(api().timings().handler(), lambda.handler());
        return new Breakdown(front, lambda);
    }

    private static void copy(LatencySamples from, LatencySamples to) {
        for (long value : from.values()) {
            to.record(value);
        }
    }

    /** Each request's time at the client less its handler's: what the front and the Runtime API cost it. */
    private static long[] overheads(List<Long> clientNanos, LatencySamples handler) {
        long[] handlerNanos = handler.values();
        if (handlerNanos.length != clientNanos.size()) {
            throw new IllegalStateException(
                    handlerNanos.length + " handler samples for " + clientNanos.size() + " requests");
        }
        long[] overheads = new long[handlerNanos.length];
        for (int index = 0; index < overheads.length; index++) {
            overheads[index] = clientNanos.get(index) - handlerNanos[index];
        }
        return overheads;
    }

    /** The intake's own items (the ticket and its REPORTED event), as puts under a fresh key with the same conditions. */
    private static List<TransactWriteItem> copiesOf(DynamoDbClient dynamoDb, String ticketId) {
        String partition = "TICKET#" + ticketId;
        List<Map<String, AttributeValue>> items = dynamoDb.query(request -> request.tableName(LocalStack.TABLE_NAME)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
                .items();
        if (items.isEmpty()) {
            throw new UncheckedIOException(new IOException("ticket " + ticketId + " has no items in the table"));
        }
        return items.stream()
                .map(item -> {
                    Map<String, AttributeValue> copy = new HashMap<>(item);
                    copy.put("pk", AttributeValue.fromS(partition + "-copy"));
                    return TransactWriteItem.builder()
                            .put(put -> put.tableName(LocalStack.TABLE_NAME)
                                    .item(copy)
                                    .conditionExpression("attribute_not_exists(pk)"))
                            .build();
                })
                .toList();
    }

    private static double percentile(List<Long> nanos, double quantile) {
        return percentile(nanos.stream().mapToLong(Long::longValue).toArray(), quantile);
    }

    private static double percentile(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.clamp((int) Math.ceil(quantile * sorted.length) - 1, 0, sorted.length - 1);
        return sorted[index] / 1e6;
    }

    private static double milliseconds(Optional<Duration> duration) {
        return duration.map(value -> value.toNanos() / 1e6).orElse(Double.NaN);
    }
}
