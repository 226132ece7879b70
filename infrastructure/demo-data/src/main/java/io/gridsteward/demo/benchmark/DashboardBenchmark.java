package io.gridsteward.demo.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.demo.DemoCounty;
import io.gridsteward.demo.DemoSeeder;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One run on the demo county and its month, as the county leader's page asks: the dashboard function's first metric
 * request (the lake mirrored and loaded), the page's other metric requests with the engine running each SQL file
 * (warm: this month, then the month before, never cached), each again right after from the dashboard's cache, and as
 * the baseline the same function answering the page itself (its own path without a query: front, Runtime API, Quarkus).
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.DashboardBenchmark [projectDirectory] [dataDirectory]}
 * (a data directory of an earlier run is reused as it is, without seeding: two builds can be compared on the same lake).
 */
public final class DashboardBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTY = "county-qingshan";
    private static final int FIRST_REQUEST_ATTEMPTS = 20;
    /** The status counted for a request this client gave up on after two minutes. */
    private static final int CLIENT_TIMEOUT = 599;
    /** The requests of the page's first view (the county, a month): metric, dimension, period. */
    private static final List<List<String>> PAGE_LOAD = List.of(
            List.of("tickets_reported", "town", "day"),
            List.of("tickets_reported", "town", "month"),
            List.of("dispatch_modes", "town", "month"),
            List.of("time_to_accept", "town", "month"),
            List.of("time_to_resolve", "town", "month"),
            List.of("on_time_rate", "town", "month"),
            List.of("ratings", "town", "month"),
            List.of("overdue_backlog", "town", "month"),
            List.of("sla_misses", "town", "month"),
            List.of("tickets_reported", "grid", "month"),
            List.of("tickets_reported", "category", "month"),
            List.of("time_to_accept", "department", "month"),
            List.of("assessment", "town", "month"),
            List.of("assessment", "department", "month"),
            List.of("assessment", "community", "month"),
            List.of("assessment", "grid", "month"),
            List.of("fund_flows", "community", "month"),
            List.of("party_members", "community", "month"),
            List.of("party_service", "community", "month"),
            List.of("resource_flows", "community", "month"),
            List.of("time_to_claim", "community", "month"),
            List.of("time_to_complete", "community", "month"),
            List.of("demands_met", "community", "month"),
            List.of("project_ratings", "community", "month"));

    private DashboardBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Path project = Path.of(arguments.length > 0 ? arguments[0] : ".");
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDirectory = arguments.length > 1
                ? Path.of(arguments[1])
                : Files.createTempDirectory("grid-steward-dashboard-benchmark");
        // A data directory of an earlier run keeps its table and lake (no seeding), but its lake mirror goes: the first
        // request is to mirror the lake again.
        deleteRecursively(dataDirectory.resolve("lake-cache"));
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options =
                LocalStackOptions.ephemeral(dataDirectory, project).withDemoData(true);
        try (LocalStack stack = LocalStack.start(options, county.demoUsers(), console)) {
            new DemoSeeder(county).seed(stack, options, console);
            int objects = awaitTheLakeToSettle(stack);
            console.printf(
                    "the lake settled at %d objects; load average %s%n", objects, BenchmarkFigures.loadAverage());
            HttpClient client = HttpClient.newHttpClient();
            String token = stack.tokenFor("benchmark-leader", "COUNTY_LEADER", COUNTY);
            URI front = stack.httpEndpoint();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            List<String> thisMonth = paths(today.withDayOfMonth(1), today);
            List<String> lastMonth = paths(
                    today.withDayOfMonth(1).minusMonths(1),
                    today.withDayOfMonth(1).minusDays(1));

            // The first request mirrors the lake; past the function's timeout it answers 503 while the work goes on:
            // ask again.
            long firstStarted = System.nanoTime();
            int attempts = 1;
            while (answer(client, front, token, thisMonth.getFirst()).status() != 200) {
                attempts++;
                if (attempts > FIRST_REQUEST_ATTEMPTS) {
                    throw new IllegalStateException(
                            "the first metric request did not answer in " + FIRST_REQUEST_ATTEMPTS + " attempts");
                }
            }
            long first = System.nanoTime() - firstStarted;
            // Each request again right after its first answer: the cache keeps answers 60 s, less than the page takes
            // here.
            List<Answer> warm = new ArrayList<>();
            List<Answer> cached = new ArrayList<>();
            cached.add(answer(client, front, token, thisMonth.getFirst()));
            List<String> rest = new ArrayList<>(thisMonth.subList(1, thisMonth.size()));
            rest.addAll(lastMonth);
            for (String path : rest) {
                warm.add(answer(client, front, token, path));
                cached.add(answer(client, front, token, path));
            }
            List<Long> page = new ArrayList<>();
            for (int index = 0; index < thisMonth.size(); index++) {
                long started = System.nanoTime();
                Answer answer = answer(client, front, null, "/");
                if (answer.status() != 200) {
                    throw new IllegalStateException("the page answered " + answer.status());
                }
                page.add(System.nanoTime() - started);
            }

            List<Long> warmTimes = times(warm, false);
            List<Long> cachedTimes = times(cached, true);
            console.printf(
                    "dashboard function, the county's page requests one after another (load average %s):%n",
                    BenchmarkFigures.loadAverage());
            console.printf(
                    "  first metric request of the instance (lake mirrored and loaded): %.1f ms, %d attempt(s)%n",
                    first / 1e6, attempts);
            console.printf(
                    "  warm, the engine runs the SQL file:  p50 %.1f ms, max %.1f ms (%d answered, %d failed: %s)%n",
                    milliseconds(warmTimes),
                    maximum(warmTimes),
                    warmTimes.size(),
                    warm.size() - warmTimes.size(),
                    failures(warm, false));
            console.printf(
                    "  cached:                              p50 %.1f ms, max %.1f ms (%d answered from the cache of %d: %s)%n",
                    milliseconds(cachedTimes),
                    maximum(cachedTimes),
                    cachedTimes.size(),
                    cached.size(),
                    failures(cached, true));
            console.printf(
                    "  where a warm request's time went, p50: engine (the SQL file) %.1f ms, the rest of the function"
                            + " %.1f ms, the path to the function (front, Runtime API) %.1f ms%n",
                    medianOf(warm, Answer::engineMillis),
                    medianOf(warm, answer -> answer.handlerMillis() - answer.engineMillis()),
                    medianOf(warm, answer -> answer.nanos() / 1e6 - answer.handlerMillis()));
            console.printf(
                    "  where a cached request's time went, p50: the function %.1f ms, the path to the function %.1f ms%n",
                    medianOf(cached, Answer::handlerMillis),
                    medianOf(cached, answer -> answer.nanos() / 1e6 - answer.handlerMillis()));
            printSlowest(warm, rest, console);
            console.printf(
                    "  baseline, the page from the same function (no query): p50 %.1f ms (%d requests)%n",
                    milliseconds(page), page.size());
            console.printf(
                    "  warm / baseline %.1fx; cached / baseline %.2fx; warm / cached %.1fx%n",
                    milliseconds(warmTimes) / milliseconds(page),
                    milliseconds(cachedTimes) / milliseconds(page),
                    milliseconds(warmTimes) / milliseconds(cachedTimes));
        }
    }

    /**
     * One request's status, time, whether the answer said it came from the cache, and the function's own account of
     * its time ({@code Server-Timing}: the whole request in the function, the engine's part; NaN when not said).
     */
    private record Answer(int status, long nanos, boolean cached, double handlerMillis, double engineMillis) {}

    private static List<Long> times(List<Answer> answers, boolean cached) {
        return answers.stream()
                .filter(answer -> answer.status() == 200 && answer.cached() == cached)
                .map(Answer::nanos)
                .toList();
    }

    private static String failures(List<Answer> answers, boolean cached) {
        return answers.stream()
                .filter(answer -> answer.status() != 200 || answer.cached() != cached)
                .map(answer -> answer.status() == 200 ? "cached=" + answer.cached() : Integer.toString(answer.status()))
                .toList()
                .toString();
    }

    private static List<String> paths(LocalDate from, LocalDate to) {
        return PAGE_LOAD.stream()
                .map(request -> "/v1/dashboards/metrics?metric=" + request.get(0) + "&dimension=" + request.get(1)
                        + "&period=" + request.get(2) + "&from=" + from + "&to=" + to + "&scope=" + COUNTY)
                .toList();
    }

    private static Answer answer(HttpClient client, URI front, String token, String path)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(front.resolve(path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timedOut) {
            return new Answer(CLIENT_TIMEOUT, System.nanoTime() - started, false, Double.NaN, Double.NaN);
        }
        long elapsed = System.nanoTime() - started;
        boolean cached = response.statusCode() == 200
                && path.startsWith("/v1/")
                && JSON.readTree(response.body()).path("cached").asBoolean();
        String timing = response.headers().firstValue("server-timing").orElse("");
        return new Answer(response.statusCode(), elapsed, cached, timing(timing, "handler"), timing(timing, "engine"));
    }

    private static double timing(String serverTiming, String metric) {
        Matcher matcher = Pattern.compile("\\b" + metric + ";dur=([0-9.]+)").matcher(serverTiming);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    /** The demo data goes table → stream → lake writer → Parquet: wait until the lake stops growing. */
    private static int awaitTheLakeToSettle(LocalStack stack) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        List<String> previous = List.of();
        Instant unchangedSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            List<String> objects = stack
                    .s3Client()
                    .listObjectsV2Paginator(request -> request.bucket(LocalStack.LAKE_BUCKET))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .sorted()
                    .toList();
            if (!objects.equals(previous)) {
                previous = objects;
                unchangedSince = Instant.now();
            } else if (!objects.isEmpty()
                    && Duration.between(unchangedSince, Instant.now()).toSeconds() >= 5) {
                return objects.size();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the lake kept changing for five minutes");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double milliseconds(List<Long> nanos) {
        return BenchmarkFigures.median(nanos.stream().mapToDouble(value -> value / 1e6));
    }

    private static double medianOf(List<Answer> answers, ToDoubleFunction<Answer> part) {
        return BenchmarkFigures.median(answers.stream()
                .filter(answer -> answer.status() == 200)
                .mapToDouble(part)
                .filter(value -> !Double.isNaN(value)));
    }

    /** The warm requests whose engine took longest: what to look at first. */
    private static void printSlowest(List<Answer> warm, List<String> paths, PrintStream console) {
        List<Integer> order = IntStream.range(0, warm.size())
                .boxed()
                .sorted(Comparator.comparingDouble(index -> -warm.get(index).engineMillis()))
                .limit(5)
                .toList();
        console.printf("  the slowest warm requests (engine ms):%n");
        for (int index : order) {
            console.printf(
                    "    %8.1f  %s%n",
                    warm.get(index).engineMillis(),
                    paths.get(index).replaceFirst("&scope=.*", "").replace("/v1/dashboards/metrics?", ""));
        }
    }

    private static double maximum(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }
}
