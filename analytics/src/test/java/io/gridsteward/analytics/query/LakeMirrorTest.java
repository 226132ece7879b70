package io.gridsteward.analytics.query;

import static io.gridsteward.analytics.testing.TicketEvents.dispatched;
import static io.gridsteward.analytics.testing.TicketEvents.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.query.LakeMirror.Synchronization;
import io.gridsteward.analytics.testing.MutableClock;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

class LakeMirrorTest {

    private static final String FIRST = "ticket_events/dt=2026-11-25/shardId-1-1-1.parquet";
    private static final String SECOND = "ticket_events/dt=2026-11-26/shardId-1-2-2.parquet";

    private static S3ProxyServer server;

    @TempDir
    Path temporary;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void downloadsOnlyNewOrChangedObjectsAndDropsVanishedOnes() throws Exception {
        S3Client s3 = server.createBucket("mirror-changes");
        Path cache = temporary.resolve("cache");
        LakeMirror mirror = new LakeMirror(s3, "mirror-changes", cache);
        ParquetFiles.put(
                s3,
                "mirror-changes",
                FIRST,
                List.of(reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"))),
                temporary);
        ParquetFiles.put(
                s3,
                "mirror-changes",
                SECOND,
                List.of(reported("t-2", "grid-1", Instant.parse("2026-11-26T08:00:00Z"))),
                temporary);
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket("mirror-changes")
                        .key("ticket_events/_SUCCESS")
                        .build(),
                RequestBody.fromString(""));

        assertThat(mirror.synchronize()).isEqualTo(new Synchronization(2, 0, 0));
        assertThat(mirror.synchronize()).isEqualTo(new Synchronization(0, 2, 0));
        assertThat(ParquetFiles.read(cache.resolve(FIRST)))
                .extracting("ticketId")
                .containsExactly("t-1");

        ParquetFiles.put(
                s3,
                "mirror-changes",
                FIRST,
                List.of(reported("t-3", "grid-1", Instant.parse("2026-11-25T09:00:00Z"))),
                temporary);
        s3.deleteObject(DeleteObjectRequest.builder()
                .bucket("mirror-changes")
                .key(SECOND)
                .build());

        assertThat(mirror.synchronize()).isEqualTo(new Synchronization(1, 0, 1));
        assertThat(ParquetFiles.read(cache.resolve(FIRST)))
                .extracting("ticketId")
                .containsExactly("t-3");
        assertThat(cache.resolve(SECOND)).doesNotExist();
        assertThat(cache.resolve("ticket_events/_SUCCESS")).doesNotExist();
        try (var files = Files.walk(cache)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void aNewMirrorOverAnExistingCacheReusesUnchangedFiles() {
        S3Client s3 = server.createBucket("mirror-restart");
        Path cache = temporary.resolve("cache");
        ParquetFiles.put(
                s3,
                "mirror-restart",
                FIRST,
                List.of(reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"))),
                temporary);
        new LakeMirror(s3, "mirror-restart", cache).synchronize();

        assertThat(new LakeMirror(s3, "mirror-restart", cache).synchronize()).isEqualTo(new Synchronization(0, 1, 0));
    }

    @Test
    void aRunnerKeptBetweenQueriesSeesObjectsAddedChangedAndRemovedSinceItsLastQuery() throws Exception {
        S3Client s3 = server.createBucket("runner-reloads");
        try (DuckDbQueryRunner runner =
                new DuckDbQueryRunner(new LakeMirror(s3, "runner-reloads", temporary.resolve("cache")))) {
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .isEmpty();

            ParquetFiles.put(
                    s3,
                    "runner-reloads",
                    FIRST,
                    List.of(reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"))),
                    temporary);
            ParquetFiles.put(
                    s3,
                    "runner-reloads",
                    SECOND,
                    List.of(reported("t-2", "grid-1", Instant.parse("2026-11-26T08:00:00Z"))),
                    temporary);
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactlyInAnyOrder("t-1", "t-2");

            ParquetFiles.put(
                    s3,
                    "runner-reloads",
                    FIRST,
                    List.of(reported("t-3", "grid-1", Instant.parse("2026-11-25T09:00:00Z"))),
                    temporary);
            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket("runner-reloads")
                    .key(SECOND)
                    .build());
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-3");
        }
    }

    @Test
    void anUnreadableObjectFailsTheQueryWithItsOwnErrorAndLeavesTheRunnerUsable() throws Exception {
        S3Client s3 = server.createBucket("runner-unreadable");
        try (DuckDbQueryRunner runner =
                new DuckDbQueryRunner(new LakeMirror(s3, "runner-unreadable", temporary.resolve("cache")))) {
            ParquetFiles.put(
                    s3,
                    "runner-unreadable",
                    FIRST,
                    List.of(reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"))),
                    temporary);
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-1");

            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket("runner-unreadable")
                            .key(SECOND)
                            .build(),
                    RequestBody.fromString("not a Parquet file"));
            assertThatThrownBy(() -> runner.run("views/ticket_events_deduplicated.sql"))
                    .as("the load's own failure, not the rollback's")
                    .hasStackTraceContaining("shardId-1-2-2.parquet")
                    .satisfies(failure -> assertThat(failure.getSuppressed()).isEmpty());

            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket("runner-unreadable")
                    .key(SECOND)
                    .build());
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-1");
        }
    }

    @Test
    void theDeduplicatedViewAMetricFileReadsFollowsItsTableThroughEveryReload() throws Exception {
        S3Client s3 = server.createBucket("view-follows");
        // One event delivered twice: the view keeps one copy.
        TicketEventRow delivered = reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"));
        try (DuckDbQueryRunner runner =
                new DuckDbQueryRunner(new LakeMirror(s3, "view-follows", temporary.resolve("cache")))) {
            assertThat(runner.run("fixtures/deduplicated_ticket_ids.sql").rows())
                    .isEmpty();

            ParquetFiles.put(s3, "view-follows", FIRST, List.of(delivered, delivered), temporary);
            assertThat(runner.run("fixtures/deduplicated_ticket_ids.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-1");

            ParquetFiles.put(
                    s3,
                    "view-follows",
                    SECOND,
                    List.of(reported("t-2", "grid-1", Instant.parse("2026-11-26T08:00:00Z"))),
                    temporary);
            assertThat(runner.run("fixtures/deduplicated_ticket_ids.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-1", "t-2");

            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket("view-follows")
                    .key(FIRST)
                    .build());
            assertThat(runner.run("fixtures/deduplicated_ticket_ids.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-2");
        }
    }

    @Test
    void theAssessmentsFactsAViewOverTheDeduplicatedViewFollowTheirTableThroughEveryReload() throws Exception {
        S3Client s3 = server.createBucket("facts-follow");
        // One receipt delivered twice: one fact.
        TicketEventRow delivered = dispatched("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"), 2);
        try (DuckDbQueryRunner runner =
                new DuckDbQueryRunner(new LakeMirror(s3, "facts-follow", temporary.resolve("cache")))) {
            assertThat(runner.run("fixtures/assessment_fact_tickets.sql").rows())
                    .isEmpty();

            ParquetFiles.put(s3, "facts-follow", FIRST, List.of(delivered, delivered), temporary);
            assertThat(runner.run("fixtures/assessment_fact_tickets.sql").rows())
                    .containsExactly(Map.of("fact", "receipt", "ticket_id", "t-1"));

            ParquetFiles.put(
                    s3,
                    "facts-follow",
                    SECOND,
                    List.of(dispatched("t-2", "grid-1", Instant.parse("2026-11-26T08:00:00Z"), 2)),
                    temporary);
            assertThat(runner.run("fixtures/assessment_fact_tickets.sql").rows())
                    .containsExactly(
                            Map.of("fact", "receipt", "ticket_id", "t-1"),
                            Map.of("fact", "receipt", "ticket_id", "t-2"));

            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket("facts-follow")
                    .key(FIRST)
                    .build());
            assertThat(runner.run("fixtures/assessment_fact_tickets.sql").rows())
                    .containsExactly(Map.of("fact", "receipt", "ticket_id", "t-2"));
        }
    }

    @Test
    void aRunnerWithAFreshnessListsATableAtMostOncePerThatTime() throws Exception {
        S3Client s3 = server.createBucket("runner-freshness");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
        try (DuckDbQueryRunner runner = new DuckDbQueryRunner(
                new LakeMirror(s3, "runner-freshness", temporary.resolve("cache")), Duration.ofSeconds(10), clock)) {
            ParquetFiles.put(
                    s3,
                    "runner-freshness",
                    FIRST,
                    List.of(reported("t-1", "grid-1", Instant.parse("2026-11-25T08:00:00Z"))),
                    temporary);
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-1");

            ParquetFiles.put(
                    s3,
                    "runner-freshness",
                    SECOND,
                    List.of(reported("t-2", "grid-1", Instant.parse("2026-11-26T08:00:00Z"))),
                    temporary);
            clock.advance(Duration.ofSeconds(9));
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactly("t-1");

            clock.advance(Duration.ofSeconds(1));
            assertThat(runner.run("views/ticket_events_deduplicated.sql").rows())
                    .extracting(row -> row.get("ticket_id"))
                    .containsExactlyInAnyOrder("t-1", "t-2");
        }
    }

    @Test
    void aQueryMirrorsAndLoadsOnlyTheTablesItReadsDirectlyOrThroughItsViews() {
        assertThat(DuckDbQueryRunner.tablesRead(SqlFiles.read("metrics/durations.sql")))
                .extracting(LakeTable::name)
                .containsExactly("ticket_events");
        assertThat(DuckDbQueryRunner.tablesRead(SqlFiles.read("metrics/assessment.sql")))
                .extracting(LakeTable::name)
                .containsExactly("ticket_events");
        assertThat(DuckDbQueryRunner.tablesRead(SqlFiles.read("metrics/fund_flows.sql")))
                .extracting(LakeTable::name)
                .containsExactly("fund_events");
        assertThat(DuckDbQueryRunner.tablesRead("SELECT count(*) FROM party_events"))
                .extracting(LakeTable::name)
                .containsExactly("party_events");
    }

    @Test
    void aMissingBucketIsAClearError() {
        LakeMirror mirror = new LakeMirror(server.client(), "no-such-bucket", temporary);

        assertThatThrownBy(mirror::synchronize).hasMessageContaining("no-such-bucket");
    }

    @Test
    void anUnknownSqlFileIsAClearError() {
        DuckDbQueryRunner runner = new DuckDbQueryRunner(new LakeMirror(server.client(), "unused", temporary));

        assertThatThrownBy(() -> runner.run("metrics/no_such_metric.sql"))
                .hasMessageContaining("no SQL file metrics/no_such_metric.sql");
        assertThatThrownBy(() -> runner.run("../secrets.sql")).hasMessageContaining("not a SQL file name");
        assertThatThrownBy(() -> runner.run("fixtures/time_to_dispatch_by_grid.sql", List.of(new Object())))
                .hasMessageContaining("query parameter 1 must be");
    }
}
