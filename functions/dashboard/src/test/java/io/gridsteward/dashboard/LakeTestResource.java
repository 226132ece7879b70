package io.gridsteward.dashboard;

import static io.gridsteward.analytics.testing.TicketEvents.dispatched;
import static io.gridsteward.analytics.testing.TicketEvents.flaggedOverdue;
import static io.gridsteward.analytics.testing.TicketEvents.reported;
import static io.gridsteward.analytics.testing.TicketEvents.resolved;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A lake in S3Proxy with a few Parquet objects, and the dashboard pointed at it with the local engine,
 * through the same settings the local stack uses (QUERY_ENGINE=duckdb, LAKE_BUCKET, LAKE_CACHE_DIRECTORY,
 * and the SDK's standard endpoint and checksum settings).
 */
public class LakeTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "dashboard-test-lake";
    static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

    private S3ProxyServer server;
    private Path scratch;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start();
        try {
            scratch = Files.createTempDirectory("dashboard-test-");
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        try (S3Client s3 = server.createBucket(BUCKET)) {
            // grid-east: 60 s, 120 s, 600 s → median 120 s, p90 600 s. grid-west: one ticket, 0.5 s. grid-north: none
            // dispatched.
            TicketEventRow northReported = reported("north-1", "grid-north", MORNING);
            List<TicketEventRow> firstDay = List.of(
                    reported("east-1", "grid-east", MORNING),
                    dispatched("east-1", "grid-east", MORNING.plusSeconds(60), 2),
                    reported("east-2", "grid-east", MORNING),
                    dispatched("east-2", "grid-east", MORNING.plusSeconds(120), 2),
                    reported("west-1", "grid-west", MORNING),
                    dispatched("west-1", "grid-west", MORNING.plusMillis(500), 2),
                    northReported,
                    // east-1 resolved two hours after its report, well before its resolve-by time (two days).
                    resolved("east-1", "grid-east", MORNING.plusSeconds(7_200), 3, MORNING.plus(Duration.ofDays(2))));
            List<TicketEventRow> secondDay = List.of(
                    reported("east-3", "grid-east", MORNING.plusSeconds(86_400)),
                    dispatched("east-3", "grid-east", MORNING.plusSeconds(86_400 + 600), 2));
            // east-2 resolved three days after its report, a day after its resolve-by time.
            List<TicketEventRow> fourthDay = List.of(resolved(
                    "east-2", "grid-east", MORNING.plus(Duration.ofDays(3)), 3, MORNING.plus(Duration.ofDays(2))));
            put(s3, firstDay, "shard-1", "1", "8");
            put(s3, secondDay, "shard-1", "9", "10");
            put(s3, fourthDay, "shard-1", "11", "11");
            // north-1 still waits for dispatch three hours after its report (19:00 local): the SLA sweeper flags it.
            put(s3, List.of(flaggedOverdue(northReported, MORNING.plus(Duration.ofHours(3)))), "shard-1", "12", "12");
        }
        System.setProperty("aws.endpointUrlS3", server.endpoint().toString());
        System.setProperty("aws.requestChecksumCalculation", "when_required");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        return Map.of(
                "dashboard.query-engine",
                "duckdb",
                "dashboard.lake-bucket",
                BUCKET,
                "dashboard.lake-cache-directory",
                scratch.resolve("lake-cache").toString());
    }

    private void put(S3Client s3, List<TicketEventRow> rows, String source, String first, String last) {
        String key =
                LakeSchema.objectKey(LakeSchema.TICKET_EVENTS, rows.getFirst().partitionValue(), source, first, last);
        ParquetFiles.put(s3, BUCKET, key, rows, scratch);
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (Exception exception) {
            throw new IllegalStateException("S3Proxy did not stop", exception);
        }
    }
}
