package io.gridsteward.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.FundEventRow;
import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.metrics.AssessmentRules;
import io.gridsteward.analytics.metrics.Dimension;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.metrics.MetricQuery;
import io.gridsteward.analytics.metrics.Period;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * metrics/fund_flows.sql on DuckDB over real Parquet objects in a real S3 server: hand-picked flows with exact figures,
 * and a generated county held to a reference computed here in Java, for every dimension and period.
 */
class FundFlowsTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final Account GRID_A = new Account(
            "2026:grid-activity:grid-a",
            "GRID_PARTY_GROUP_ACTIVITY",
            "grid-a",
            "community-1",
            "town-1",
            "grid-a",
            null,
            null);
    private static final Account WORK_1 = new Account(
            "2026:community-work:community-1",
            "COMMUNITY_WORK",
            "community-1",
            "community-1",
            "town-1",
            null,
            null,
            null);
    private static final Account SERVICE_2 = new Account(
            "2026:service:community-2", "SERVICE_THE_MASSES", "community-2", "community-2", "town-2", null, null, null);
    private static final Account TASK_1 = new Account(
            "2026:task:task-1", "DELEGATED_TASK", "community-1", "community-1", "town-1", null, "task-1", "dept-civil");
    private static final Account TASK_2 = new Account(
            "2026:task:task-2", "DELEGATED_TASK", "community-2", "community-2", "town-2", null, "task-2", "dept-civil");
    private static final Account TASK_3 = new Account(
            "2026:task:task-3", "DELEGATED_TASK", "community-2", "community-2", "town-2", null, "task-3", "dept-water");
    private static final Account TOWN_1 =
            new Account("2026:town-party:town-1", "TOWN_PARTY_BUILDING", "town-1", null, "town-1", null, null, null);
    private static final List<Account> ACCOUNTS = List.of(GRID_A, WORK_1, SERVICE_2, TASK_1, TASK_2, TASK_3, TOWN_1);

    private static S3ProxyServer server;

    @TempDir
    Path temporary;

    private final String bucket = "funds-" + BUCKETS.incrementAndGet();

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(MetricsReference.COUNTY).toInstant();
    }

    /**
     * A grid's claim submitted on 31 March at 23:30 local (15:30 UTC: the UTC partition of March, the local month of
     * March), approved in part and paid in April, half of it paid back; a community's claim approved by the town above
     * the threshold and then by the county, paid; a rejected claim; two delegated tasks of one department; a transfer
     * that is no new money; and a redelivered copy of the payment.
     */
    @Test
    void handPickedFlowsHaveExactFigures() {
        Flows flows = new Flows();
        flows.allocated(GRID_A, 500_000, local("2026-03-01T09:00:00"));
        flows.allocated(WORK_1, 2_000_000, local("2026-03-01T09:00:00"));
        flows.allocated(TASK_1, 300_000, local("2026-03-10T10:00:00"));
        flows.allocated(TASK_2, 700_000, local("2026-04-02T10:00:00"));
        flows.transferred(TOWN_1, GRID_A, 100_000, local("2026-03-05T10:00:00"));
        Claim grid = flows.submitted(GRID_A, "claim-grid", 40_000, local("2026-03-31T23:30:00"));
        flows.approved(grid, 30_000, local("2026-04-01T08:00:00"));
        flows.paid(grid, local("2026-04-02T23:30:00"));
        flows.refunded(grid, 15_000, local("2026-04-20T10:00:00"));
        Claim work = flows.submitted(WORK_1, "claim-work", 1_500_000, local("2026-04-03T10:00:00"));
        flows.townApproved(work, local("2026-04-04T10:00:00"));
        flows.approved(work, 1_500_000, local("2026-04-05T10:00:00"));
        flows.paid(work, local("2026-04-06T10:00:00"));
        Claim rejected = flows.submitted(WORK_1, "claim-rejected", 5_000, local("2026-04-07T10:00:00"));
        flows.rejected(rejected, local("2026-04-08T10:00:00"));
        writeLake(flows.rows(), List.of(flows.rows().get(flows.rows().size() - 12)));

        assertThat(rows(Dimension.COMMUNITY, Period.MONTH, "2026-03-01", "2026-04-30"))
                .containsExactly(
                        row("community-1", "2026-03-01", 2_800_000, 40_000, 0, 0, 0, 0.0, 1, 0, null, null),
                        row(
                                "community-1",
                                "2026-04-01",
                                0,
                                1_505_000,
                                1_530_000,
                                1_530_000,
                                15_000,
                                null,
                                0,
                                2,
                                hours(48),
                                hours(72)),
                        row("community-2", "2026-04-01", 700_000, 0, 0, 0, 0, 0.0, 1, 0, null, null));
        assertThat(rows(Dimension.GRID, Period.MONTH, "2026-04-01", "2026-04-30"))
                .containsExactly(
                        row("grid-a", "2026-04-01", 0, 0, 30_000, 30_000, 15_000, null, 0, 1, hours(48), hours(48)));
        assertThat(rows(Dimension.DEPARTMENT, Period.MONTH, "2026-03-01", "2026-04-30"))
                .containsExactly(
                        row("dept-civil", "2026-03-01", 300_000, 0, 0, 0, 0, 0.0, 1, 0, null, null),
                        row("dept-civil", "2026-04-01", 700_000, 0, 0, 0, 0, 0.0, 1, 0, null, null));
        assertThat(rows(Dimension.CATEGORY, Period.DAY, "2026-03-31", "2026-03-31"))
                .containsExactly(
                        row("GRID_PARTY_GROUP_ACTIVITY", "2026-03-31", 0, 40_000, 0, 0, 0, null, 0, 0, null, null));
        assertThat(rows(Dimension.TOWN, Period.DAY, "2026-03-30", "2026-03-30")).isEmpty();
    }

    @Test
    void aGeneratedCountyAgreesWithTheReferenceForEveryDimensionAndPeriod() {
        Flows flows = generated(new Random(13));
        List<FundEventRow> redelivered = new ArrayList<>();
        Random pick = new Random(7);
        for (FundEventRow row : flows.rows()) {
            if (pick.nextInt(10) == 0) {
                redelivered.add(row);
            }
        }
        writeLake(flows.rows(), redelivered);

        for (Dimension dimension : Metric.FUND_FLOWS.dimensions()) {
            for (Period period : Period.values()) {
                List<Map<String, Object>> expected = reference(
                        flows.rows(), dimension, period, LocalDate.parse("2026-02-20"), LocalDate.parse("2026-05-10"));
                assertThat(rows(dimension, period, "2026-02-20", "2026-05-10"))
                        .as(dimension + " per " + period)
                        .containsExactlyElementsOf(expected);
            }
        }
        List<Map<String, Object>> byDepartment = reference(
                flows.rows(),
                Dimension.DEPARTMENT,
                Period.MONTH,
                LocalDate.parse("2026-02-20"),
                LocalDate.parse("2026-05-10"));
        assertThat(byDepartment.stream()
                        .mapToLong(row -> (long) row.get("tasks_funded"))
                        .sum())
                .as("delegated tasks funded")
                .isGreaterThan(1);
        assertThat(byDepartment)
                .as("the generated county has payments and refunds")
                .anyMatch(row -> (long) row.get("claims_paid") > 2)
                .anyMatch(row -> (long) row.get("reversed_fen") > 0);
    }

    /** Claims on every account over three months, at whole minutes half of the time (ties) and with milliseconds otherwise. */
    private static Flows generated(Random random) {
        Flows flows = new Flows();
        Instant start = local("2026-02-15T00:00:00");
        for (Account account : ACCOUNTS) {
            flows.allocated(
                    account,
                    1_000_000 + random.nextInt(1_000_000),
                    start.plus(Duration.ofHours(random.nextInt(24 * 60))));
        }
        for (int index = 0; index < 160; index++) {
            Account account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size() - 1));
            Instant at = start.plus(
                    random.nextBoolean()
                            ? Duration.ofMinutes(random.nextInt(60 * 24 * 80))
                            : Duration.ofMillis(random.nextLong(80L * 24 * 3_600_000)));
            Claim claim = flows.submitted(account, "claim-" + index, 1 + random.nextInt(200_000), at);
            at = later(at, random);
            switch (random.nextInt(5)) {
                case 0 -> flows.rejected(claim, at);
                case 1 -> flows.approved(claim, 1 + random.nextLong(claim.amount), at);
                default -> {
                    if (random.nextBoolean()) {
                        flows.townApproved(claim, at);
                        at = later(at, random);
                    }
                    flows.approved(claim, random.nextBoolean() ? claim.amount : 1 + random.nextLong(claim.amount), at);
                    at = later(at, random);
                    flows.paid(claim, at);
                    if (random.nextInt(4) == 0) {
                        flows.refunded(claim, 1 + random.nextLong(claim.amount), later(at, random));
                    }
                }
            }
        }
        return flows;
    }

    private static Instant later(Instant at, Random random) {
        return at.plus(
                random.nextBoolean()
                        ? Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60))
                        : Duration.ofMillis(1 + random.nextLong(3L * 24 * 3_600_000)));
    }

    /** The file's definitions, computed independently from the rows: one row per dimension value and local period. */
    private static List<Map<String, Object>> reference(
            List<FundEventRow> rows, Dimension dimension, Period period, LocalDate firstDay, LocalDate lastDay) {
        Map<String, FundEventRow> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.putIfAbsent(row.eventId(), row));
        Map<List<String>, List<FundEventRow>> groups = new TreeMap<>((left, right) -> {
            int byPeriod = left.get(0).compareTo(right.get(0));
            return byPeriod != 0 ? byPeriod : left.get(1).compareTo(right.get(1));
        });
        for (FundEventRow row : unique.values()) {
            LocalDate day = LocalDateTime.ofInstant(row.occurredAt(), MetricsReference.COUNTY)
                    .toLocalDate();
            String value = switch (dimension) {
                case GRID -> row.gridId();
                case COMMUNITY -> row.communityId();
                case TOWN -> row.townId();
                case DEPARTMENT -> row.departmentId();
                case CATEGORY -> row.fundKind();
                case PROVIDER -> throw new IllegalArgumentException("fund_flows does not group by provider");
            };
            if (value == null || day.isBefore(firstDay) || day.isAfter(lastDay)) {
                continue;
            }
            LocalDate periodStart = switch (period) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
            groups.computeIfAbsent(List.of(periodStart.toString(), value), ignored -> new ArrayList<>())
                    .add(row);
        }
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((group, members) -> {
            long allocated = sum(members, "LEDGER", "ALLOCATED", FundEventRow::fundedChangeFen);
            long reserved = sum(members, "LEDGER", "RESERVED", FundEventRow::reservedChangeFen);
            long approved = sum(members, "CLAIM", "APPROVED", FundEventRow::amountFen);
            long paid = sum(members, "LEDGER", "SETTLED", FundEventRow::paidChangeFen);
            long reversed = -sum(members, "LEDGER", "REFUNDED", FundEventRow::paidChangeFen);
            long tasks = members.stream()
                    .filter(row -> is(row, "LEDGER", "ALLOCATED") && row.taskId() != null)
                    .map(FundEventRow::taskId)
                    .distinct()
                    .count();
            List<Long> waits = members.stream()
                    .filter(row -> is(row, "CLAIM", "PAID"))
                    .map(row -> Duration.between(row.submittedAt(), row.occurredAt())
                            .toMillis())
                    .sorted()
                    .toList();
            result.add(row(
                    group.get(1),
                    group.get(0),
                    allocated,
                    reserved,
                    approved,
                    paid,
                    reversed,
                    allocated > 0 ? (double) (paid - reversed) / allocated : null,
                    tasks,
                    waits.size(),
                    waits.isEmpty() ? null : MetricsReference.nearestRank(waits, 50) / 1000.0,
                    waits.isEmpty() ? null : MetricsReference.nearestRank(waits, 90) / 1000.0));
        });
        return result;
    }

    private static long sum(
            List<FundEventRow> rows, String kind, String type, java.util.function.ToLongFunction<FundEventRow> value) {
        return rows.stream().filter(row -> is(row, kind, type)).mapToLong(value).sum();
    }

    private static boolean is(FundEventRow row, String kind, String type) {
        return row.recordKind().equals(kind) && row.eventType().equals(type);
    }

    private static Double hours(long hours) {
        return hours * 3600.0;
    }

    private static Map<String, Object> row(
            String dimensionValue,
            String periodStart,
            long allocated,
            long reserved,
            long approved,
            long paid,
            long reversed,
            Double utilisation,
            long tasks,
            long claimsPaid,
            Double median,
            Double p90) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dimension_value", dimensionValue);
        row.put("period_start", periodStart);
        row.put("allocated_fen", allocated);
        row.put("reserved_fen", reserved);
        row.put("approved_fen", approved);
        row.put("paid_fen", paid);
        row.put("reversed_fen", reversed);
        row.put("utilisation_rate", utilisation);
        row.put("tasks_funded", tasks);
        row.put("claims_paid", claimsPaid);
        row.put("median_seconds_to_payment", median);
        row.put("p90_seconds_to_payment", p90);
        return row;
    }

    private List<Map<String, Object>> rows(Dimension dimension, Period period, String firstDay, String lastDay) {
        MetricQuery query = new MetricQuery(
                Metric.FUND_FLOWS,
                dimension,
                period,
                LocalDate.parse(firstDay),
                LocalDate.parse(lastDay),
                LocalDateTime.parse("2026-06-01T12:00:00"),
                AssessmentRules.bundled());
        return query.run(new DuckDbQueryRunner(new LakeMirror(server.client(), bucket, temporary.resolve("cache"))))
                .rows();
    }

    /** Each partition's rows as one object, the redelivered copies as a second (a retried batch). */
    private void writeLake(List<FundEventRow> rows, List<FundEventRow> redelivered) {
        S3Client s3 = server.createBucket(bucket);
        put(s3, "batch", rows);
        put(s3, "redelivered", redelivered);
    }

    private void put(S3Client s3, String batch, List<FundEventRow> rows) {
        Map<String, List<FundEventRow>> byPartition = rows.stream()
                .collect(Collectors.groupingBy(FundEventRow::partitionValue, TreeMap::new, Collectors.toList()));
        byPartition.forEach((partition, partitionRows) -> {
            try {
                Path file = Files.createTempFile(temporary, "fund-", ".parquet");
                Files.delete(file);
                writeParquet(partitionRows, file);
                s3.putObject(
                        put -> put.bucket(bucket)
                                .key(LakeSchema.objectKey(
                                        LakeSchema.FUND_EVENTS,
                                        partition,
                                        "shardId-" + batch,
                                        "1",
                                        String.valueOf(partitionRows.size()))),
                        RequestBody.fromFile(file));
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        });
    }

    private static void writeParquet(List<FundEventRow> rows, Path file) {
        List<LakeColumn> columns = LakeSchema.FUND_EVENTS.columns();
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE TABLE rows ("
                    + columns.stream()
                            .map(column -> column.name() + " " + column.type().duckDbType()
                                    + (column.nullable() ? "" : " NOT NULL"))
                            .collect(Collectors.joining(", "))
                    + ")");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rows VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")) {
                for (FundEventRow row : rows) {
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
            throw new IllegalStateException("cannot write " + file, exception);
        }
    }

    private record Account(
            String id,
            String kind,
            String holder,
            String community,
            String town,
            String grid,
            String task,
            String department) {}

    private static final class Claim {
        private final Account account;
        private final String id;
        private final Instant submittedAt;
        private long amount;
        private long sequence = 1;

        private Claim(Account account, String id, long amount, Instant submittedAt) {
            this.account = account;
            this.id = id;
            this.amount = amount;
            this.submittedAt = submittedAt;
        }
    }

    /** Lake rows as the converter writes them for ledger entries and claim steps. */
    private static final class Flows {

        private final List<FundEventRow> rows = new ArrayList<>();
        private int entries;

        List<FundEventRow> rows() {
            return rows;
        }

        void allocated(Account account, long fen, Instant at) {
            ledger(account, "ALLOCATED", fen, 0, 0, at, null);
        }

        void transferred(Account from, Account to, long fen, Instant at) {
            ledger(from, "TRANSFERRED_OUT", -fen, 0, 0, at, null);
            ledger(to, "TRANSFERRED_IN", fen, 0, 0, at, null);
        }

        Claim submitted(Account account, String id, long fen, Instant at) {
            Claim claim = new Claim(account, id, fen, at);
            ledger(account, "RESERVED", 0, fen, 0, at, id);
            step(claim, "SUBMITTED", at, 0, 0);
            return claim;
        }

        void townApproved(Claim claim, Instant at) {
            step(claim, "TOWN_APPROVED", at, 0, 0);
        }

        void approved(Claim claim, long sanctioned, Instant at) {
            long released = claim.amount - sanctioned;
            claim.amount = sanctioned;
            step(claim, "APPROVED", at, -released, 0);
            if (released > 0) {
                ledger(claim.account, "RELEASED", 0, -released, 0, at, claim.id);
            }
        }

        void rejected(Claim claim, Instant at) {
            step(claim, "REJECTED", at, -claim.amount, 0);
            ledger(claim.account, "RELEASED", 0, -claim.amount, 0, at, claim.id);
        }

        void paid(Claim claim, Instant at) {
            step(claim, "PAID", at, -claim.amount, claim.amount);
            ledger(claim.account, "SETTLED", 0, -claim.amount, claim.amount, at, claim.id);
        }

        void refunded(Claim claim, long fen, Instant at) {
            step(claim, "REVERSED", at, 0, -fen);
            ledger(claim.account, "REFUNDED", 0, 0, -fen, at, claim.id);
        }

        private void ledger(
                Account account, String type, long funded, long reserved, long paid, Instant at, String claim) {
            rows.add(new FundEventRow(
                    "ledger:" + account.id() + ":" + (++entries),
                    FundEventRow.LEDGER,
                    type,
                    at,
                    account.id(),
                    account.kind(),
                    2026,
                    account.holder(),
                    account.community(),
                    account.town(),
                    account.grid(),
                    account.task(),
                    account.department(),
                    claim,
                    null,
                    null,
                    null,
                    null,
                    funded,
                    reserved,
                    paid,
                    null,
                    null,
                    null,
                    null,
                    "TOWN_SUPERVISOR",
                    account.town()));
        }

        private void step(Claim claim, String type, Instant at, long reserved, long paid) {
            long sequence = claim.sequence++;
            Account account = claim.account;
            rows.add(new FundEventRow(
                    "claim:" + claim.id + ":" + sequence,
                    FundEventRow.CLAIM,
                    type,
                    at,
                    account.id(),
                    account.kind(),
                    2026,
                    account.holder(),
                    account.community(),
                    account.town(),
                    account.grid(),
                    account.task(),
                    account.department(),
                    claim.id,
                    sequence,
                    null,
                    type,
                    claim.amount,
                    0,
                    reserved,
                    paid,
                    "party-activity",
                    "ACTIVITY",
                    claim.submittedAt,
                    null,
                    "COMMUNITY_SECRETARY",
                    account.community()));
        }
    }
}
