package io.gridsteward.analytics.benchmark;

import com.sun.management.OperatingSystemMXBean;
import io.gridsteward.analytics.metrics.AssessmentRules;
import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.metrics.MetricQuery;
import io.gridsteward.analytics.metrics.Period;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One run, three ways to answer the county leader's page on one lake (the Parquet objects of a local stack's lake
 * directory, put into S3Proxy): a fresh engine per query (a new database reading every object the file reads, what
 * each dashboard request cost before the engine was kept), one engine kept across queries that lists the bucket before
 * each, and one kept engine listing at most every 10 s (the dashboard's default). The page's 12 metric requests are run
 * for this month and the month before, each way in turn, after one unmeasured query that mirrors the lake (the fresh
 * engine only the first six).
 *
 * <p>Then every metric by every dimension on a warm engine, and the assessment on its kept facts against the same
 * figures computed from every ticket's steps in each query. Run (analytics/README.md, "Benchmark"):
 * {@code ./mvnw -B -q -o -pl analytics -am test-compile dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=cp.txt}, then {@code java -cp analytics/target/test-classes:analytics/target/classes:$(cat
 * analytics/cp.txt) io.gridsteward.analytics.benchmark.EngineBenchmark <stack data directory>/s3/grid-steward-lake}
 */
public final class EngineBenchmark {
    private static final String BUCKET = "engine-benchmark";
    private static final int FRESH_QUERIES = 6;
    private static final int PROFILE_REPETITIONS = 5;
    /** The assessment computed from every ticket's steps in each query: the baseline of its kept facts. */
    private static final String ASSESSMENT_BASELINE = "benchmark/assessment_from_steps.sql";

    private static final List<MetricRequest> PAGE_LOAD = List.of(
            new MetricRequest(Metric.TICKET_RATES, Dimension.TOWN, Period.DAY),
                    new MetricRequest(Metric.TICKET_RATES, Dimension.TOWN, Period.MONTH),
            new MetricRequest(Metric.DISPATCH_MODES, Dimension.TOWN, Period.MONTH),
                    new MetricRequest(Metric.TIME_TO_ACCEPT, Dimension.TOWN, Period.MONTH),
            new MetricRequest(Metric.TIME_TO_RESOLVE, Dimension.TOWN, Period.MONTH),
                    new MetricRequest(Metric.ON_TIME_RATE, Dimension.TOWN, Period.MONTH),
            new MetricRequest(Metric.RATINGS, Dimension.TOWN, Period.MONTH),
                    new MetricRequest(Metric.OVERDUE_BACKLOG, Dimension.TOWN, Period.MONTH),
            new MetricRequest(Metric.SLA_MISSES, Dimension.TOWN, Period.MONTH),
                    new MetricRequest(Metric.TICKET_RATES, Dimension.GRID, Period.MONTH),
            new MetricRequest(Metric.TICKET_RATES, Dimension.CATEGORY, Period.MONTH),
                    new MetricRequest(Metric.TIME_TO_ACCEPT, Dimension.DEPARTMENT, Period.MONTH));

    private record MetricRequest(Metric metric, Dimension dimension, Period period) {}

    private EngineBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Path lake = Path.of(arguments[0]);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path scratch = Files.createTempDirectory("engine-benchmark");
        try (S3ProxyServer server = S3ProxyServer.start()) {
            S3Client s3 = server.createBucket(BUCKET);
            int objects = upload(s3, lake);
            LocalDateTime now = LocalDateTime.now(MetricQuery.TIME_ZONE).truncatedTo(ChronoUnit.MINUTES);
            LocalDate today = now.toLocalDate();
            List<MetricQuery> queries = new ArrayList<>();
            for (LocalDate first :
                    List.of(today.withDayOfMonth(1), today.withDayOfMonth(1).minusMonths(1))) {
                LocalDate last = first.equals(today.withDayOfMonth(1))
                        ? today
                        : first.plusMonths(1).minusDays(1);
                PAGE_LOAD.forEach(request -> queries.add(new MetricQuery(
                        request.metric(),
                        request.dimension(),
                        request.period(),
                        first,
                        last,
                        now,
                        AssessmentRules.bundled())));
            }
            LakeMirror mirror = new LakeMirror(s3, BUCKET, scratch.resolve("mirror"));
            console.printf(
                    "%d lake objects; %d queries each way; load average %s%n", objects, queries.size(), loadAverage());

            // A fresh engine reads every object a file reads, each time: the first six requests are enough to show it.
            Timings fresh = timed(queries.subList(0, FRESH_QUERIES), query -> {
                try (DuckDbQueryRunner runner = new DuckDbQueryRunner(mirror)) {
                    return query.run(runner).rows().size();
                }
            });
            Timings keptListing;
            try (DuckDbQueryRunner runner = new DuckDbQueryRunner(mirror)) {
                queries.getFirst().run(runner);
                keptListing = timed(queries, query -> query.run(runner).rows().size());
            }
            Timings keptFresh;
            try (DuckDbQueryRunner runner = new DuckDbQueryRunner(mirror, Duration.ofSeconds(10), Clock.systemUTC())) {
                queries.getFirst().run(runner);
                keptFresh = timed(queries, query -> query.run(runner).rows().size());
            }
            console.printf(
                    "p50 per query, wall clock and this process's CPU time (DuckDB's threads included; the CPU time does not grow with the load):%n");
            console.printf("  a fresh engine per query (every object read each time): %s%n", fresh.describe());
            console.printf(
                    "  one engine kept, the bucket listed before each query:  %s, %.1fx less wall, %.1fx less CPU%n",
                    keptListing.describe(), fresh.wall() / keptListing.wall(), fresh.cpu() / keptListing.cpu());
            console.printf(
                    "  one engine kept, listed at most every 10 s:            %s, %.1fx less wall, %.1fx less CPU%n",
                    keptFresh.describe(), fresh.wall() / keptFresh.wall(), fresh.cpu() / keptFresh.cpu());
            console.printf("load average %s%n", loadAverage());
            try (DuckDbQueryRunner runner = new DuckDbQueryRunner(mirror, Duration.ofSeconds(10), Clock.systemUTC())) {
                profileEveryFile(runner, today, now, console);
                console.printf("load average %s%n", loadAverage());
                compareAssessmentWithItsBaseline(runner, today, now, console);
            }
            console.printf("load average %s%n", loadAverage());
        }
    }

    /**
     * Where a warm engine's time goes: every metric by every dimension it groups by, over the year to date, each asked
     * once to load its tables and then {@value #PROFILE_REPETITIONS} times; the slowest first.
     */
    private static void profileEveryFile(
            DuckDbQueryRunner runner, LocalDate today, LocalDateTime now, PrintStream console) {
        record Profile(String request, Timings timings) {}
        List<Profile> profiles = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            for (Dimension dimension : metric.dimensions()) {
                MetricQuery query = new MetricQuery(
                        metric, dimension, Period.MONTH, today.withDayOfYear(1), today, now, AssessmentRules.bundled());
                query.run(runner);
                Timings timings = timed(
                        Collections.nCopies(PROFILE_REPETITIONS, query),
                        repeated -> repeated.run(runner).rows().size());
                profiles.add(new Profile(metric.parameterName() + " by " + dimension.parameterName(), timings));
            }
        }
        profiles.sort((first, second) ->
                Double.compare(second.timings().wall(), first.timings().wall()));
        console.printf(
                "a warm engine, every metric by every dimension for the year to date, p50 of %d (slowest first):%n",
                PROFILE_REPETITIONS);
        profiles.forEach(profile -> console.printf(
                "  %-40s %s%n", profile.request(), profile.timings().describe()));
    }

    /**
     * The assessment on its kept facts (views/assessment_facts.sql, a table recomputed when ticket_events loads) against
     * the same figures computed from the steps in each query ({@value #ASSESSMENT_BASELINE}, the file before its facts
     * were kept), on the same warm engine, one after the other for each dimension; the rows must be equal.
     */
    private static void compareAssessmentWithItsBaseline(
            DuckDbQueryRunner runner, LocalDate today, LocalDateTime now, PrintStream console) {
        console.printf(
                "the assessment for the year to date, p50 of %d: on its kept facts vs computed from the steps in each query:%n",
                PROFILE_REPETITIONS);
        for (Dimension dimension : Metric.ASSESSMENT.dimensions()) {
            MetricQuery query = new MetricQuery(
                    Metric.ASSESSMENT,
                    dimension,
                    Period.MONTH,
                    today.withDayOfYear(1),
                    today,
                    now,
                    AssessmentRules.bundled());
            boolean sameRows = query.run(runner)
                    .rows()
                    .equals(runner.run(ASSESSMENT_BASELINE, query.parameters()).rows());
            List<MetricQuery> repeated = Collections.nCopies(PROFILE_REPETITIONS, query);
            Timings baseline = timed(
                    repeated,
                    each -> runner.run(ASSESSMENT_BASELINE, each.parameters())
                            .rows()
                            .size());
            Timings kept = timed(repeated, each -> each.run(runner).rows().size());
            console.printf(
                    "  by %-10s kept facts %s; from the steps %s; %.1fx less wall, %.1fx less CPU; same rows: %s%n",
                    dimension.parameterName(),
                    kept.describe(),
                    baseline.describe(),
                    baseline.wall() / kept.wall(),
                    baseline.cpu() / kept.cpu(),
                    sameRows);
        }
    }

    /** Medians in milliseconds. */
    private record Timings(double wall, double cpu) {
        String describe() {
            return "%.1f ms wall, %.1f ms CPU".formatted(wall, cpu);
        }
    }

    private static Timings timed(List<MetricQuery> queries, Function<MetricQuery, Integer> run) {
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (MetricQuery query : queries) {
            long started = System.nanoTime();
            long cpuStarted = system.getProcessCpuTime();
            run.apply(query);
            cpu.add(system.getProcessCpuTime() - cpuStarted);
            wall.add(System.nanoTime() - started);
        }
        return new Timings(median(wall), median(cpu));
    }

    private static int upload(S3Client s3, Path lake) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(lake)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".parquet"))
                    .toList();
        }
        for (Path file : files) {
            String key = lake.relativize(file).toString().replace('\\', '/');
            s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromFile(file));
        }
        return files.size();
    }

    private static String loadAverage() throws IOException {
        Path loadAverage = Path.of("/proc/loadavg");
        return Files.isReadable(loadAverage)
                ? String.join(
                        " ", List.of(Files.readString(loadAverage).split(" ")).subList(0, 3))
                : "unknown";
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2) / 1e6;
    }
}
