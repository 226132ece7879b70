package io.gridsteward.demo.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One run, three comparisons on the demo county and its month, as the county leader's page loads it: every panel's
 * request the first time (the engine runs the SQL file) against the same requests again (the dashboard's cache answers),
 * and the organisation tree in one request against the walk level by level the page used to make.
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.DashboardBenchmark [projectDirectory]}
 */
public final class DashboardBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTY = "county-qingshan";
    /** The requests of the page's first view (the county, this month): metric, dimension, period. */
    private static final List<List<String>> PAGE_LOAD = List.of(
            List.of("ticket_rates", "town", "day"), List.of("ticket_rates", "town", "month"),
            List.of("dispatch_modes", "town", "month"), List.of("time_to_accept", "town", "month"),
            List.of("time_to_resolve", "town", "month"), List.of("on_time_rate", "town", "month"),
            List.of("ratings", "town", "month"), List.of("overdue_backlog", "town", "month"),
            List.of("sla_misses", "town", "month"), List.of("ticket_rates", "grid", "month"),
            List.of("ticket_rates", "category", "month"), List.of("time_to_accept", "department", "month"));

    private DashboardBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Path project = Path.of(arguments.length > 0 ? arguments[0] : ".");
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDirectory = Files.createTempDirectory("grid-steward-dashboard-benchmark");
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, project).withDemoData(true);
        try (LocalStack stack = LocalStack.start(options, county.demoUsers(), console)) {
            new DemoSeeder(county).seed(stack, options, console);
            awaitTheLakeToSettle(stack);
            HttpClient client = HttpClient.newHttpClient();
            String token = stack.tokenFor("benchmark-leader", "COUNTY_LEADER", COUNTY);
            URI front = stack.httpEndpoint();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            List<String> paths = PAGE_LOAD.stream().map(request -> "/v1/dashboards/metrics?metric=" + request.get(0) + "&dimension="
                    + request.get(1) + "&period=" + request.get(2) + "&from=" + today.withDayOfMonth(1) + "&to=" + today).toList();

            List<Long> cold = new ArrayList<>();
            List<Long> cached = new ArrayList<>();
            for (String path : paths) {
                cold.add(timed(client, front, token, path, false));
            }
            for (String path : paths) {
                cached.add(timed(client, front, token, path, true));
            }
            console.printf("page load (%d panel requests, one after another), the county this month:%n", paths.size());
            console.printf("  first request of the instance (lake mirrored, engine started): %.1f ms%n", cold.getFirst() / 1e6);
            console.printf("  cold, engine runs the SQL file: p50 %.1f ms, total %.0f ms%n", median(cold.subList(1, cold.size())), sum(cold));
            console.printf("  cached:                         p50 %.1f ms, total %.0f ms%n", median(cached), sum(cached));
            console.printf("  cached / cold at the median: %.2f; the whole page %.1fx faster from the cache%n",
                    median(cached) / median(cold.subList(1, cold.size())), sum(cold) / sum(cached));

            long treeStarted = System.nanoTime();
            int organisations = get(client, front, token, "/v1/me/organisations").path("organisations").size();
            long tree = System.nanoTime() - treeStarted;
            long walkStarted = System.nanoTime();
            int requests = walk(client, front, token);
            long walk = System.nanoTime() - walkStarted;
            console.printf("organisation tree (%d organisations): one request %.1f ms; level by level %d requests %.1f ms (%.1fx)%n",
                    organisations, tree / 1e6, requests, walk / 1e6, (double) walk / tree);
        }
    }

    private static long timed(HttpClient client, URI front, String token, String path, boolean expectCached) throws Exception {
        long started = System.nanoTime();
        JsonNode answer = get(client, front, token, path);
        long elapsed = System.nanoTime() - started;
        if (answer.path("cached").asBoolean() != expectCached) {
            throw new IllegalStateException(path + " was " + (expectCached ? "not " : "") + "answered from the cache");
        }
        return elapsed;
    }

    /** The page's former walk: the root, then each level's children, one request per organisation with children. */
    private static int walk(HttpClient client, URI front, String token) throws Exception {
        int requests = 1;
        get(client, front, token, "/v1/orgs/" + COUNTY);
        List<String> level = List.of(COUNTY);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String id : level) {
                requests++;
                for (JsonNode child : get(client, front, token, "/v1/orgs/" + id + "/children")) {
                    String kind = child.path("kind").asText();
                    if (kind.equals("TOWN") || kind.equals("COMMUNITY")) {
                        next.add(child.path("id").asText());
                    }
                }
            }
            level = next;
        }
        return requests;
    }

    private static JsonNode get(HttpClient client, URI front, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(front.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The demo month goes table → stream → lake writer → Parquet: wait until the lake stops growing. */
    private static void awaitTheLakeToSettle(LocalStack stack) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        List<String> previous = List.of();
        Instant unchangedSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            List<String> objects = stack.s3Client().listObjectsV2Paginator(request -> request.bucket(LocalStack.LAKE_BUCKET).prefix("ticket_events/"))
                    .contents().stream().map(S3Object::key).sorted().toList();
            if (!objects.equals(previous)) {
                previous = objects;
                unchangedSince = Instant.now();
            } else if (!objects.isEmpty() && Duration.between(unchangedSince, Instant.now()).toSeconds() >= 5) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the lake kept changing for three minutes");
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2) / 1e6;
    }

    private static double sum(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sum() / 1e6;
    }
}
