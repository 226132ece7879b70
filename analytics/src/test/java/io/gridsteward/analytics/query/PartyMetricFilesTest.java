package io.gridsteward.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.PartyEventRow;
import io.gridsteward.analytics.metrics.AssessmentRules;
import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.metrics.MetricQuery;
import io.gridsteward.analytics.metrics.Period;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The party metric files on DuckDB over real Parquet objects in a real S3 server, held to hand-picked values and to
 * {@link PartyMetricsReference} on a generated county of members, units, sunk cadres, moves and transfers, activities
 * across local midnight and month ends, auto-closed check-outs, certifications and redelivered copies.
 */
class PartyMetricFilesTest {

    private static final Path RULES = Path.of(
            "..",
            "functions",
            "domain",
            "src",
            "main",
            "resources",
            "io",
            "gridsteward",
            "domain",
            "party",
            "party-rules.csv");
    private static final long YEARLY_TARGET_HOURS = 50;
    private static final String[][] GRIDS = {
        {"grid-a", "community-1", "town-1"},
        {"grid-b", "community-1", "town-1"},
        {"grid-c", "community-2", "town-1"},
        {"grid-d", "community-3", "town-2"},
        {"grid-e", "community-3", "town-2"}
    };
    private static final String[] KINDS = {
        "IN_SERVICE_MEMBER", "IN_SERVICE_MEMBER", "IN_SERVICE_MEMBER", "SCATTERED_MEMBER", "SUNK_STAFF", "UNIT"
    };
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    /** The queries' now (local time): August's and its last weeks' figures are judged as of it, later weeks not listed. */
    private static final LocalDateTime NOW = LocalDateTime.parse("2026-08-20T12:00:00");

    private static S3ProxyServer server;

    @TempDir
    Path temporary;

    private final String bucket = "party-metrics-" + BUCKETS.incrementAndGet();
    private final AtomicInteger eventIds = new AtomicInteger();

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime)
                .atZone(PartyMetricsReference.COUNTY)
                .toInstant();
    }

    @Test
    void theFilesTargetAndHalfYearsAreThoseOfTheRulesFile() throws IOException {
        String rules = Files.readString(RULES);
        assertThat(rules)
                .contains("*,yearlyTargetHours," + YEARLY_TARGET_HOURS + "\n", "*,reportInDeadlines,06-30 12-31\n");
        Matcher target = Pattern.compile("SELECT (\\d+) AS yearly_target_hours")
                .matcher(SqlFiles.read(Metric.PARTY_MEMBERS.sqlFile()));
        assertThat(target.find()).isTrue();
        assertThat(Long.parseLong(target.group(1))).isEqualTo(YEARLY_TARGET_HOURS);
    }

    /**
     * A patrol of grid-a from 23:30 local on 31 January to 01:30 on 1 February (15:30 UTC, the same UTC day): a member's
     * forgotten check-out closed by the job at its end (120 credited) that the organiser certified down to 0, a cadre who
     * left half an hour early (90 credited), a member who came for the last half hour (under the share: 0 credited)
     * whom the organiser certified 100 minutes. A community's own activity (no grid) in February. A member moved from grid-a to grid-b on 10 February.
     */
    @Test
    void handPickedServiceAndMembers() {
        List<PartyEventRow> events = new ArrayList<>();
        Instant start = local("2026-01-31T23:30:00");
        Instant end = start.plus(Duration.ofHours(2));
        String[] gridA = GRIDS[0];
        events.add(enrolment(
                "alice",
                "IN_SERVICE_MEMBER",
                "REPORTED_IN",
                1,
                local("2026-01-05T10:00:00"),
                "REPORTED",
                gridA,
                false));
        events.add(enrolment(
                "alice", "IN_SERVICE_MEMBER", "CONFIRMED", 2, local("2026-01-05T11:00:00"), "CONFIRMED", gridA, true));
        events.add(enrolment(
                "alice", "IN_SERVICE_MEMBER", "MOVED", 3, local("2026-02-10T09:00:00"), "CONFIRMED", GRIDS[1], true));
        events.add(enrolment(
                "cadre", "SUNK_STAFF", "REPORTED_IN", 1, local("2026-01-06T10:00:00"), "REPORTED", gridA, false));
        events.add(enrolment(
                "cadre", "SUNK_STAFF", "CONFIRMED", 2, local("2026-01-06T11:00:00"), "CONFIRMED", gridA, true));
        events.addAll(attendance(
                "patrol", "alice", "IN_SERVICE_MEMBER", gridA, start, end, start.minusSeconds(600), null, 0L, true));
        events.addAll(attendance(
                "patrol", "cadre", "SUNK_STAFF", gridA, start, end, start, end.minusSeconds(1800), null, false));
        events.addAll(attendance(
                "patrol", "bob", "SCATTERED_MEMBER", gridA, start, end, start.plusSeconds(5400), end, 100L, false));
        String[] community = {null, "community-1", "town-1"};
        Instant february = local("2026-02-14T09:00:00");
        events.addAll(attendance(
                "fair",
                "alice",
                "IN_SERVICE_MEMBER",
                community,
                february,
                february.plusSeconds(3600),
                february,
                february.plusSeconds(3600),
                null,
                false));
        writeLake(events, List.of());

        assertThat(rows(Metric.PARTY_SERVICE, Dimension.GRID, Period.MONTH, "2026-01-01", "2026-02-28"))
                .containsExactly(service("grid-a", "2026-01-01", 3, 2, 1, 1, 120, 100, 100, 90, 0, 90));
        assertThat(rows(Metric.PARTY_SERVICE, Dimension.COMMUNITY, Period.DAY, "2026-01-31", "2026-02-14"))
                .containsExactly(
                        service("community-1", "2026-01-31", 3, 2, 1, 1, 120, 100, 100, 90, 0, 90),
                        service("community-1", "2026-02-14", 1, 1, 0, 0, 60, 0, 60, 0, 0, 0));
        List<Map<String, Object>> grids =
                rows(Metric.PARTY_MEMBERS, Dimension.GRID, Period.MONTH, "2026-01-01", "2026-02-28");
        assertThat(grids)
                .extracting(row -> row.get("dimension_value") + " " + row.get("period_start") + " "
                        + row.get("members_reported_in") + " " + row.get("sunk_staff_reported_in"))
                .containsExactly("grid-a 2026-01-01 1 1", "grid-a 2026-02-01 0 1", "grid-b 2026-02-01 1 0");
        assertThat(grids.getFirst().get("report_in_compliance")).isEqualTo(1.0);
        assertThat(new PartyMetricsReference(
                                events,
                                "grid",
                                "month",
                                LocalDate.parse("2026-01-01"),
                                LocalDate.parse("2026-02-28"),
                                YEARLY_TARGET_HOURS,
                                NOW)
                        .members())
                .isEqualTo(grids);
    }

    @Test
    void generatedCountyAgreesWithTheReferenceForEveryDimensionAndPeriod() {
        Random random = new Random(20261207);
        List<PartyEventRow> events = generated(random);
        List<PartyEventRow> redelivered =
                events.stream().filter(event -> random.nextInt(10) == 0).toList();
        writeLake(events, redelivered);

        for (Dimension dimension : List.of(Dimension.GRID, Dimension.COMMUNITY, Dimension.TOWN)) {
            for (Period period : Period.values()) {
                String first = period == Period.DAY ? "2026-06-24" : "2026-01-01";
                String last = period == Period.DAY ? "2026-07-03" : "2026-08-31";
                PartyMetricsReference reference = new PartyMetricsReference(
                        events,
                        dimension.parameterName(),
                        period.parameterName(),
                        LocalDate.parse(first),
                        LocalDate.parse(last),
                        YEARLY_TARGET_HOURS,
                        NOW);
                assertThat(rows(Metric.PARTY_SERVICE, dimension, period, first, last))
                        .as("service by %s per %s", dimension, period)
                        .containsExactlyElementsOf(reference.service());
                assertThat(rows(Metric.PARTY_MEMBERS, dimension, period, first, last))
                        .as("members by %s per %s", dimension, period)
                        .containsExactlyElementsOf(reference.members());
            }
        }
        List<Map<String, Object>> months =
                rows(Metric.PARTY_MEMBERS, Dimension.TOWN, Period.MONTH, "2026-01-01", "2026-08-31");
        assertThat(months)
                .as("the generated county exercises every column")
                .anyMatch(row -> (long) row.get("members_meeting_target") > 0)
                .anyMatch(row -> (long) row.get("units_reported_in") > 0)
                .anyMatch(row -> (double) row.get("report_in_compliance") < 1.0);
        assertThat(rows(Metric.PARTY_SERVICE, Dimension.TOWN, Period.MONTH, "2026-01-01", "2026-08-31"))
                .anyMatch(row -> (long) row.get("auto_closed_check_outs") > 0)
                .anyMatch(row -> (double) row.get("member_certified_hours") > 0)
                .anyMatch(row -> (double) row.get("sunk_staff_credited_hours") > 0);
    }

    @Test
    void serviceByCategoryIsByActivityKindAndDepartmentsGiveNoRows() {
        List<PartyEventRow> events = generated(new Random(7));
        writeLake(events, List.of());

        assertThat(rows(Metric.PARTY_SERVICE, Dimension.CATEGORY, Period.MONTH, "2026-01-01", "2026-08-31"))
                .containsExactlyElementsOf(new PartyMetricsReference(
                                events,
                                "category",
                                "month",
                                LocalDate.parse("2026-01-01"),
                                LocalDate.parse("2026-08-31"),
                                YEARLY_TARGET_HOURS,
                                NOW)
                        .service())
                .extracting(row -> row.get("dimension_value"))
                .contains("PATROL");
        assertThat(rows(Metric.PARTY_SERVICE, Dimension.DEPARTMENT, Period.MONTH, "2026-01-01", "2026-08-31"))
                .isEmpty();
        assertThat(rows(Metric.PARTY_MEMBERS, Dimension.DEPARTMENT, Period.MONTH, "2026-01-01", "2026-08-31"))
                .isEmpty();
        assertThat(rows(Metric.PARTY_MEMBERS, Dimension.CATEGORY, Period.MONTH, "2026-01-01", "2026-08-31"))
                .isEmpty();
    }

    /**
     * Sixty people in five grids of three communities and two towns reporting in from January to March (some at local
     * midnight), confirmed, some moved to another grid, some renewing in July, some transferring; a hundred and twenty
     * activities from January to August starting at any local hour (some crossing midnight and month ends), each
     * attended by a few: checked out, auto-closed or still open, some certified; and three volunteers past the target.
     */
    private List<PartyEventRow> generated(Random random) {
        List<PartyEventRow> events = new ArrayList<>();
        List<String[]> people = new ArrayList<>();
        for (int index = 0; index < 60; index++) {
            String person = "person-" + index;
            String kind = KINDS[random.nextInt(KINDS.length)];
            String[] grid = GRIDS[random.nextInt(GRIDS.length)];
            String[] place = kind.equals("UNIT") ? new String[] {null, grid[1], grid[2]} : grid;
            Instant reported = local("2026-01-01T00:00:00").plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
            if (index % 10 == 0) {
                reported = local("2026-01-31T23:59:00");
            }
            long sequence = 1;
            events.add(enrolment(person, kind, "REPORTED_IN", sequence++, reported, "REPORTED", place, false));
            Instant at = reported.plus(Duration.ofHours(1 + random.nextInt(72)));
            if (random.nextInt(8) == 0) {
                events.add(enrolment(person, kind, "DECLINED", sequence, at, "DECLINED", place, false));
                continue;
            }
            events.add(enrolment(person, kind, "CONFIRMED", sequence++, at, "CONFIRMED", place, place[0] != null));
            if (place[0] != null && random.nextInt(4) == 0) {
                place = GRIDS[random.nextInt(GRIDS.length)];
                at = at.plus(Duration.ofDays(1 + random.nextInt(60)));
                events.add(enrolment(person, kind, "MOVED", sequence++, at, "CONFIRMED", place, true));
            }
            if (random.nextInt(3) > 0) {
                at = local("2026-07-01T00:00:00").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
                events.add(enrolment(person, kind, "RENEWED", sequence++, at, "CONFIRMED", place, place[0] != null));
            }
            if (random.nextInt(10) == 0) {
                String[] elsewhere = GRIDS[random.nextInt(GRIDS.length)];
                at = at.plus(Duration.ofDays(1 + random.nextInt(20)));
                events.add(enrolment(
                        person,
                        kind,
                        "TRANSFERRED",
                        sequence++,
                        at,
                        "REPORTED",
                        new String[] {null, elsewhere[1], elsewhere[2]},
                        false));
                if (random.nextBoolean()) {
                    events.add(enrolment(
                            person,
                            kind,
                            "CONFIRMED",
                            sequence,
                            at.plus(Duration.ofHours(5)),
                            "CONFIRMED",
                            kind.equals("UNIT") ? new String[] {null, elsewhere[1], elsewhere[2]} : elsewhere,
                            !kind.equals("UNIT")));
                }
            }
            if (!kind.equals("UNIT")) {
                people.add(new String[] {person, kind});
            }
        }
        for (int index = 0; index < 120; index++) {
            String activity = "activity-" + index;
            String[] grid = random.nextInt(5) == 0
                    ? new String[] {null, GRIDS[random.nextInt(GRIDS.length)][1], null}
                    : GRIDS[random.nextInt(GRIDS.length)];
            if (grid[2] == null) {
                String community = grid[1];
                grid[2] = Arrays.stream(GRIDS)
                        .filter(candidate -> candidate[1].equals(community))
                        .findFirst()
                        .orElseThrow()[2];
            }
            Instant start = local("2026-01-01T00:00:00").plus(Duration.ofMinutes(random.nextInt(240 * 24 * 60)));
            if (index % 15 == 0) {
                start = local("2026-03-31T23:00:00").plus(Duration.ofDays(31L * (index / 15 % 5)));
            }
            long minutes = 60 + random.nextInt(4) * 30;
            Instant end = start.plus(Duration.ofMinutes(minutes));
            List<String[]> attendees = new ArrayList<>(people);
            Collections.shuffle(attendees, random);
            for (String[] attendee : attendees.subList(0, 2 + random.nextInt(6))) {
                Instant in = start.plus(Duration.ofMinutes(random.nextInt((int) minutes) - 15));
                int ending = random.nextInt(6);
                Instant out = ending == 0
                        ? null
                        : ending == 1 ? end : in.plus(Duration.ofMinutes(random.nextInt((int) minutes + 30)));
                Long certified = random.nextInt(6) == 0 ? (long) random.nextInt((int) minutes + 1) : null;
                events.addAll(attendance(
                        activity, attendee[0], attendee[1], grid, start, end, in, out, certified, ending == 1));
            }
        }
        // Three devoted volunteers: twenty three-hour duties each from February to June, 60 hours, past the yearly
        // target.
        for (String[] volunteer : people.stream()
                .filter(person -> !person[1].equals("SUNK_STAFF"))
                .limit(3)
                .toList()) {
            for (int duty = 0; duty < 20; duty++) {
                String[] grid = GRIDS[duty % GRIDS.length];
                Instant start = local("2026-02-02T09:00:00").plus(Duration.ofDays(7L * duty));
                Instant end = start.plus(Duration.ofHours(3));
                events.addAll(attendance(
                        "duty-" + volunteer[0] + "-" + duty,
                        volunteer[0],
                        volunteer[1],
                        grid,
                        start,
                        end,
                        start,
                        end,
                        null,
                        false));
            }
        }
        return events;
    }

    private PartyEventRow enrolment(
            String person,
            String kind,
            String type,
            long sequence,
            Instant at,
            String status,
            String[] place,
            boolean placed) {
        return new PartyEventRow(
                "event-" + eventIds.incrementAndGet(),
                PartyEventRow.ENROLMENT,
                type,
                sequence,
                at,
                PartyEventRow.memberKey(person),
                kind,
                status,
                "COMMUNITY_SECRETARY",
                place[1],
                place[1],
                place[2],
                placed ? place[0] : null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * An attendance's events: the check-in, then the member's check-out ({@code out}), or the job's auto check-out at
     * the end ({@code autoClosed}), or nothing (still open); then the organiser's certification when {@code certified}.
     * Credited minutes as the domain computes them: presence within the window, zero under 60 % of it.
     */
    private List<PartyEventRow> attendance(
            String activity,
            String person,
            String kind,
            String[] place,
            Instant start,
            Instant end,
            Instant in,
            Instant out,
            Long certified,
            boolean autoClosed) {
        List<PartyEventRow> steps = new ArrayList<>();
        steps.add(attendanceRow(activity, person, kind, place, "CHECKED_IN", 1, in, start, end, in, null, 0, 0, null));
        if (out == null && !autoClosed) {
            return steps;
        }
        Instant checkedOut = autoClosed ? end : out;
        Instant from = in.isAfter(start) ? in : start;
        Instant until = checkedOut.isBefore(end) ? checkedOut : end;
        long present = until.isAfter(from) ? Duration.between(from, until).toMinutes() : 0;
        long window = Duration.between(start, end).toMinutes();
        long credited = present * 10 >= window * 6 ? present : 0;
        Instant closedAt = autoClosed ? end.plusSeconds(300) : checkedOut;
        steps.add(attendanceRow(
                activity,
                person,
                kind,
                place,
                autoClosed ? "AUTO_CHECKED_OUT" : "CHECKED_OUT",
                2,
                closedAt,
                start,
                end,
                in,
                checkedOut,
                present,
                credited,
                null));
        if (certified != null) {
            steps.add(attendanceRow(
                    activity,
                    person,
                    kind,
                    place,
                    "CERTIFIED",
                    3,
                    closedAt.plus(Duration.ofDays(1)),
                    start,
                    end,
                    in,
                    checkedOut,
                    present,
                    credited,
                    certified));
        }
        return steps;
    }

    private PartyEventRow attendanceRow(
            String activity,
            String person,
            String kind,
            String[] place,
            String type,
            long sequence,
            Instant at,
            Instant start,
            Instant end,
            Instant in,
            Instant out,
            long present,
            long credited,
            Long certified) {
        return new PartyEventRow(
                "event-" + eventIds.incrementAndGet(),
                PartyEventRow.ATTENDANCE,
                type,
                sequence,
                at,
                PartyEventRow.memberKey(person),
                kind,
                null,
                type.equals("AUTO_CHECKED_OUT") ? "SYSTEM" : "RESIDENT",
                null,
                place[1],
                place[2],
                place[0],
                null,
                null,
                null,
                activity,
                "PATROL",
                place[0] == null ? place[1] : place[0],
                start,
                end,
                in,
                out,
                present,
                credited,
                certified);
    }

    private static Map<String, Object> service(
            String value,
            String periodStart,
            long checkIns,
            long members,
            long sunkStaff,
            long autoClosed,
            long memberCredited,
            long memberCertified,
            long memberCounted,
            long sunkCredited,
            long sunkCertified,
            long sunkCounted) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dimension_value", value);
        row.put("period_start", periodStart);
        row.put("check_ins", checkIns);
        row.put("active_members", members);
        row.put("active_sunk_staff", sunkStaff);
        row.put("auto_closed_check_outs", autoClosed);
        row.put("member_credited_hours", memberCredited / 60.0);
        row.put("member_certified_hours", memberCertified / 60.0);
        row.put("member_counted_hours", memberCounted / 60.0);
        row.put("sunk_staff_credited_hours", sunkCredited / 60.0);
        row.put("sunk_staff_certified_hours", sunkCertified / 60.0);
        row.put("sunk_staff_counted_hours", sunkCounted / 60.0);
        return row;
    }

    private List<Map<String, Object>> rows(
            Metric metric, Dimension dimension, Period period, String firstDay, String lastDay) {
        MetricQuery query = new MetricQuery(
                metric,
                dimension,
                period,
                LocalDate.parse(firstDay),
                LocalDate.parse(lastDay),
                NOW,
                AssessmentRules.bundled());
        return query.run(new DuckDbQueryRunner(new LakeMirror(server.client(), bucket, temporary.resolve("cache"))))
                .rows();
    }

    /** Each partition's events as one object, the redelivered copies as another (a retried batch). */
    private void writeLake(List<PartyEventRow> events, List<PartyEventRow> redelivered) {
        S3Client s3 = server.createBucket(bucket);
        put(s3, "batch", events);
        put(s3, "redelivered", redelivered);
    }

    private void put(S3Client s3, String batch, List<PartyEventRow> events) {
        Map<String, List<PartyEventRow>> byPartition = events.stream()
                .collect(Collectors.groupingBy(PartyEventRow::partitionValue, TreeMap::new, Collectors.toList()));
        byPartition.forEach((partition, rows) -> {
            try {
                Path file = Files.createTempFile(temporary, "party-", ".parquet");
                write(rows, file);
                s3.putObject(
                        PutObjectRequest.builder()
                                .bucket(bucket)
                                .key(LakeSchema.objectKey(
                                        LakeSchema.PARTY_EVENTS,
                                        partition,
                                        "shardId-" + batch,
                                        "1",
                                        String.valueOf(rows.size())))
                                .build(),
                        RequestBody.fromFile(file));
            } catch (IOException exception) {
                throw new IllegalStateException(exception);
            }
        });
    }

    /** Writes the rows as one Parquet file with DuckDB (the test side's writer, independent of the lake writer). */
    private static void write(List<PartyEventRow> rows, Path file) {
        LakeTable table = LakeSchema.PARTY_EVENTS;
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE TABLE rows ("
                    + table.columns().stream()
                            .map(column -> column.name() + " " + column.type().duckDbType()
                                    + (column.nullable() ? "" : " NOT NULL"))
                            .collect(Collectors.joining(", "))
                    + ")");
            String placeholders =
                    String.join(", ", Collections.nCopies(table.columns().size(), "?"));
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO rows VALUES (" + placeholders + ")")) {
                for (PartyEventRow row : rows) {
                    int index = 1;
                    for (Object value : row.values()) {
                        insert.setObject(
                                index++,
                                value instanceof Instant instant
                                        ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                                        : value);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute("COPY rows TO '"
                    + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException exception) {
            throw new IllegalStateException("cannot write Parquet file " + file, exception);
        }
    }
}
