package io.gridsteward.analytics.query;

import static io.gridsteward.analytics.testing.TicketEvents.accepted;
import static io.gridsteward.analytics.testing.TicketEvents.dispatched;
import static io.gridsteward.analytics.testing.TicketEvents.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.query.TimeToDispatchReference.GridRow;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The metric SQL file on DuckDB over real Parquet objects in a real S3 server, held to the Java reference. */
class TimeToDispatchByGridTest {

    private static final String METRIC = "fixtures/time_to_dispatch_by_grid.sql";
    private static final Instant START = Instant.parse("2026-11-20T06:00:00.000Z");

    private static S3ProxyServer server;

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    Path temporary;

    private final int bucketNumber = BUCKETS.incrementAndGet();

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void handPickedCasesGiveTheNearestRankValues() {
        List<TicketEventRow> events = new ArrayList<>();
        // grid-ties: durations 10, 20, 20, 20, 50 s → median rank ceil(2.5)=3 → 20; p90 rank ceil(4.5)=5 → 50.
        long[] tiedSeconds = {20, 10, 20, 50, 20};
        for (int index = 0; index < tiedSeconds.length; index++) {
            String ticket = "ties-" + index;
            Instant at = START.plusSeconds(index * 3600L);
            events.add(reported(ticket, "grid-ties", at));
            events.add(dispatched(ticket, "grid-ties", at.plusSeconds(tiedSeconds[index]), 2));
        }
        // grid-single: one ticket, 0.2 s across a second boundary (…00.900 → …01.100).
        Instant single = Instant.parse("2026-11-21T10:00:00.900Z");
        events.add(reported("single", "grid-single", single));
        events.add(dispatched("single", "grid-single", single.plusMillis(200), 2));
        // grid-late: reported before midnight UTC, dispatched after it (two partitions); a second dispatch is ignored.
        Instant lateReport = Instant.parse("2026-11-21T23:59:00.000Z");
        events.add(reported("late", "grid-late", lateReport));
        events.add(dispatched("late", "grid-late", lateReport.plusSeconds(120), 2));
        events.add(accepted("late", "grid-late", lateReport.plusSeconds(180), 3));
        events.add(dispatched("late", "grid-late", lateReport.plusSeconds(600), 4));
        // grid-waiting: never dispatched, so no row at all.
        events.add(reported("waiting", "grid-waiting", START));

        writeLake("hand-picked", events, events.subList(0, 4));

        QueryResult result = runner().run(METRIC);

        assertThat(result.columns()).containsExactly("grid_id", "tickets", "median_seconds", "p90_seconds");
        assertThat(result.rows())
                .containsExactly(
                        Map.of("grid_id", "grid-late", "tickets", 1L, "median_seconds", 120.0, "p90_seconds", 120.0),
                        Map.of("grid_id", "grid-single", "tickets", 1L, "median_seconds", 0.2, "p90_seconds", 0.2),
                        Map.of("grid_id", "grid-ties", "tickets", 5L, "median_seconds", 20.0, "p90_seconds", 50.0));
        assertThat(asGridRows(result)).isEqualTo(TimeToDispatchReference.compute(events));
    }

    @Test
    void generatedLakeWithDuplicatesAgreesWithTheJavaReference() {
        Random random = new Random(20261125);
        List<TicketEventRow> events = new ArrayList<>();
        for (int ticket = 0; ticket < 400; ticket++) {
            String ticketId = "ticket-" + ticket;
            String gridId = "grid-" + random.nextInt(7);
            Instant reportedAt =
                    START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 6))).plusMillis(random.nextInt(1000));
            events.add(reported(ticketId, gridId, reportedAt));
            if (random.nextInt(5) > 0) {
                // Whole minutes for half of the tickets, so ties are frequent; milliseconds for the rest.
                long milliseconds = random.nextBoolean() ? 60_000L * random.nextInt(30) : random.nextInt(5 * 3_600_000);
                events.add(dispatched(ticketId, gridId, reportedAt.plusMillis(milliseconds), 2));
            }
        }
        List<TicketEventRow> redelivered =
                events.stream().filter(event -> random.nextInt(10) == 0).toList();

        writeLake("generated", events, redelivered);

        List<GridRow> expected = TimeToDispatchReference.compute(events);
        assertThat(expected).hasSize(7);
        assertThat(asGridRows(runner().run(METRIC))).isEqualTo(expected);
    }

    @Test
    void anEmptyLakeAnswersNoRows() {
        server.createBucket(bucket());

        QueryResult result = runner().run(METRIC);

        assertThat(result.columns()).containsExactly("grid_id", "tickets", "median_seconds", "p90_seconds");
        assertThat(result.rows()).isEmpty();
    }

    private DuckDbQueryRunner runner() {
        return new DuckDbQueryRunner(new LakeMirror(server.client(), bucket(), temporary.resolve("cache")));
    }

    private String bucket() {
        return "lake-" + bucketNumber;
    }

    /** Writes each partition's events as one object, and the redelivered copies as a second object (a retried batch). */
    private void writeLake(String batch, List<TicketEventRow> events, List<TicketEventRow> redelivered) {
        S3Client s3 = server.createBucket(bucket());
        put(s3, batch, events);
        put(s3, batch + "-redelivered", redelivered);
    }

    private void put(S3Client s3, String batch, List<TicketEventRow> events) {
        Map<String, List<TicketEventRow>> byPartition = events.stream()
                .collect(Collectors.groupingBy(TicketEventRow::partitionValue, TreeMap::new, Collectors.toList()));
        byPartition.forEach((partition, rows) -> ParquetFiles.put(
                s3,
                bucket(),
                LakeSchema.objectKey(
                        LakeSchema.TICKET_EVENTS, partition, "shardId-" + batch, "1", String.valueOf(rows.size())),
                rows,
                temporary));
    }

    private static List<GridRow> asGridRows(QueryResult result) {
        return result.rows().stream()
                .map(row -> new GridRow(
                        (String) row.get("grid_id"),
                        (Long) row.get("tickets"),
                        (Double) row.get("median_seconds"),
                        (Double) row.get("p90_seconds")))
                .toList();
    }
}
