package io.gridsteward.dashboard;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import io.gridsteward.domain.organisation.Organisation;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A lake of generated tickets in the two towns of {@link CountyTableResource} (seeded, so every run has the same
 * county): every grid reports, towns dispatch to their grids and to the county's departments, grids and departments
 * accept and resolve, the SLA sweeper escalates some grids' tickets (misses charged to the grid) and flags some left in
 * a town's queue (misses charged to the town).
 */
public class TwoTownLakeResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "dashboard-matrix-lake";
    static final int TICKETS = 60;
    private static final Instant FIRST_REPORT = Instant.parse("2026-11-02T01:00:00Z");
    private static final List<String> CATEGORIES = List.of("ROAD_DAMAGE", "STREETLIGHT", "WATER_LEAK");

    private S3ProxyServer server;
    private Path scratch;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start();
        try {
            scratch = Files.createTempDirectory("dashboard-matrix-");
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        List<TicketEventRow> rows = generate(new Random(20261207L));
        try (S3Client s3 = server.createBucket(BUCKET)) {
            Map<String, List<TicketEventRow>> byDay =
                    rows.stream().collect(Collectors.groupingBy(TicketEventRow::partitionValue));
            int shard = 0;
            for (List<TicketEventRow> day : byDay.values()) {
                shard++;
                String key = LakeSchema.objectKey(
                        LakeSchema.TICKET_EVENTS,
                        day.getFirst().partitionValue(),
                        "shard-" + shard,
                        "1",
                        String.valueOf(day.size()));
                ParquetFiles.put(s3, BUCKET, key, day, scratch);
            }
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

    static List<TicketEventRow> generate(Random random) {
        List<Organisation> grids = CountyTableResource.MATRIX_GRIDS;
        List<Organisation> departments = CountyTableResource.DEPARTMENTS.subList(0, 2);
        List<TicketEventRow> rows = new ArrayList<>();
        for (int number = 0; number < TICKETS; number++) {
            Organisation grid = grids.get(number % grids.size());
            String town = grid.townId().orElseThrow().value();
            String community = grid.communityId().orElseThrow().value();
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            String ticket = "ticket-" + number;
            Instant reported = FIRST_REPORT.plus(Duration.ofHours(random.nextInt(24 * 18)));
            Place place = new Place(ticket, grid.id().value(), community, town, category);
            rows.add(place.event(1, "REPORTED", null, "REPORTED", reported, "RESIDENT", null, null, null));
            if (number % 7 == 6) {
                // Left in the town's queue past its dispatch time: the sweeper flags it, a miss of the town.
                rows.add(place.event(
                        2,
                        "FLAGGED_OVERDUE",
                        "REPORTED",
                        "REPORTED",
                        reported.plus(Duration.ofHours(3)),
                        "SYSTEM",
                        null,
                        null,
                        null));
                continue;
            }
            boolean toDepartment = number % 4 == 3;
            String assignee = toDepartment
                    ? departments.get(number / 4 % 2).id().value()
                    : grid.id().value();
            String assigneeKind = toDepartment ? "DEPARTMENT" : "GRID";
            String assigneeRole = toDepartment ? "DEPARTMENT_OFFICER" : "GRID_WORKER";
            Instant dispatched = reported.plusSeconds(60 + random.nextInt(7_200));
            rows.add(place.event(
                    2,
                    "DISPATCHED",
                    "REPORTED",
                    "DISPATCHED",
                    dispatched,
                    "TOWN_DISPATCHER",
                    town,
                    assignee,
                    assigneeKind));
            if (!toDepartment && number % 5 == 0) {
                // Not accepted in time: the sweeper escalates it to the town, a miss of the grid.
                rows.add(place.event(
                        3,
                        "ESCALATED",
                        "DISPATCHED",
                        "ESCALATED",
                        dispatched.plus(Duration.ofHours(2)),
                        "SYSTEM",
                        null,
                        town,
                        "TOWN"));
                continue;
            }
            Instant accepted = dispatched.plusSeconds(30 + random.nextInt(3_600));
            rows.add(place.event(
                    3, "ACCEPTED", "DISPATCHED", "ACCEPTED", accepted, assigneeRole, assignee, assignee, assigneeKind));
            if (number % 3 != 2) {
                rows.add(place.event(
                        4,
                        "RESOLVED",
                        "ACCEPTED",
                        "RESOLVED",
                        accepted.plusSeconds(600 + random.nextInt(86_400)),
                        assigneeRole,
                        assignee,
                        assignee,
                        assigneeKind));
            }
        }
        rows.sort(Comparator.comparing(TicketEventRow::occurredAt));
        return rows;
    }

    /** Where a ticket is, and the events it goes through there. */
    private record Place(String ticket, String grid, String community, String town, String category) {

        TicketEventRow event(
                long sequence,
                String type,
                String fromStatus,
                String toStatus,
                Instant at,
                String actorRole,
                String actorOrganisation,
                String assignee,
                String assigneeKind) {
            return new TicketEventRow(
                    UUID.nameUUIDFromBytes((ticket + "/" + sequence).getBytes()).toString(),
                    ticket,
                    sequence,
                    type,
                    fromStatus,
                    toStatus,
                    at,
                    actorRole,
                    actorOrganisation,
                    grid,
                    community,
                    town,
                    category,
                    assignee,
                    "NORMAL",
                    at.plus(Duration.ofHours(2)),
                    at.plus(Duration.ofDays(2)),
                    null,
                    assigneeKind);
        }
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
