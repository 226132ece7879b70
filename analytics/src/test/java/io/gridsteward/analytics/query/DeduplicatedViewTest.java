package io.gridsteward.analytics.query;

import static io.gridsteward.analytics.testing.TicketEvents.dispatched;
import static io.gridsteward.analytics.testing.TicketEvents.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The views of sql/views/: one row per event on DuckDB over real objects, and the same SQL in template.yaml's Glue view. */
class DeduplicatedViewTest {

    private static final String VIEW = "views/ticket_events_deduplicated.sql";
    private static final String FACTS = "views/assessment_facts.sql";
    private static final Path VIEW_DIRECTORY = Path.of("sql", "views");
    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3ProxyServer server;

    @TempDir
    Path temporary;

    private final String bucket = "dedup-" + BUCKETS.incrementAndGet();

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void theViewListNamesEveryFileOfTheViewsDirectory() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(VIEW_DIRECTORY)) {
            files = listing.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .map(name -> "views/" + name)
                    .sorted()
                    .toList();
        }

        assertThat(SqlFiles.views()).containsExactlyInAnyOrderElementsOf(files).isNotEmpty();
        assertThat(SqlFiles.viewName(VIEW)).isEqualTo("ticket_events_deduplicated");
    }

    @Test
    void redeliveredEventsAppearOnceInTheView() {
        Instant start = Instant.parse("2026-11-20T23:59:00Z");
        List<TicketEventRow> events = new ArrayList<>();
        for (int ticket = 0; ticket < 20; ticket++) {
            events.add(reported("ticket-" + ticket, "grid-1", start.plusSeconds(ticket * 7L)));
            events.add(dispatched("ticket-" + ticket, "grid-1", start.plusSeconds(ticket * 7L + 90), 2));
        }
        S3Client s3 = server.createBucket(bucket);
        // The first half twice (a redelivered batch), then everything again (a backfill beside the stream's objects).
        put(s3, "batch-1", events.subList(0, 20));
        put(s3, "batch-1-again", events.subList(0, 20));
        put(s3, "backfill", events);

        QueryResult counts = runner().run("testing/ticket_events_counts.sql");
        QueryResult view = runner().run(VIEW);

        assertThat(counts.rows()).containsExactly(Map.of("table_rows", 80L, "table_events", 40L, "view_rows", 40L));
        assertThat(view.rows())
                .extracting(row -> (String) row.get("event_id"))
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(TicketEventRow::eventId).toList());
    }

    @Test
    void theViewHasEverySchemaColumnThenThePartition() {
        server.createBucket(bucket);

        QueryResult empty = runner().run(VIEW);

        List<String> expected = new ArrayList<>(LakeSchema.TICKET_EVENTS.columnNames());
        expected.add(LakeSchema.PARTITION_COLUMN);
        assertThat(empty.columns()).containsExactlyElementsOf(expected);
        assertThat(empty.rows()).isEmpty();
    }

    @Test
    void theTemplatesGlueViewCarriesTheViewFilesSqlAndColumns() throws IOException {
        String template = Files.readString(TEMPLATE);

        assertGlueView(template, "TicketEventsDeduplicatedView", VIEW, LakeSchema.TICKET_EVENTS);
        assertGlueView(
                template, "FundEventsDeduplicatedView", "views/fund_events_deduplicated.sql", LakeSchema.FUND_EVENTS);
        assertGlueView(
                template,
                "ResourceEventsDeduplicatedView",
                "views/resource_events_deduplicated.sql",
                LakeSchema.RESOURCE_EVENTS);
    }

    @Test
    void theTemplatesGlueViewOfTheAssessmentsFactsCarriesTheViewFilesSqlAndTheColumnsItAnswers() throws IOException {
        server.createBucket(bucket);
        List<String> columns = List.of(
                "fact varchar",
                "ticket_id varchar",
                "holder_kind varchar",
                "holder_id varchar",
                "community_id varchar",
                "town_id varchar",
                "category varchar",
                "charged_at timestamp(3)",
                "accepted boolean",
                "accepted_in_time boolean",
                "local_accept_due timestamp(3)",
                "outcome_at timestamp(3)",
                "returned boolean",
                "returned_at timestamp(3)",
                "resolved boolean",
                "on_time boolean",
                "reopened_at timestamp(3)",
                "reopened boolean",
                "rating integer",
                "next_rated_at timestamp(3)");

        QueryResult empty = runner().run(FACTS);

        assertThat(empty.columns())
                .containsExactlyElementsOf(columns.stream()
                        .map(column -> column.substring(0, column.indexOf(' ')))
                        .toList());
        assertGlueView(Files.readString(TEMPLATE), "AssessmentFactsView", FACTS, columns);
    }

    /** The Glue view resource {@code resource} holds the view file's SQL and the table's columns, in Trino's types. */
    private static void assertGlueView(String template, String resource, String viewFile, LakeTable table) {
        List<String> expected = new ArrayList<>(table.columns().stream()
                .map(column -> column.name() + " " + trinoType(column.type().athenaType()))
                .toList());
        expected.add(table.partitionColumn() + " varchar");
        assertGlueView(template, resource, viewFile, expected);
    }

    /** The Glue view resource {@code resource} holds the view file's SQL and these columns ("name trino-type"). */
    private static void assertGlueView(String template, String resource, String viewFile, List<String> expected) {
        int start = template.indexOf("\n  " + resource + ":\n");
        assertThat(start).as(resource + " in template.yaml").isNotNegative();
        int end = template.indexOf("\n\n", start + 1);
        String definition = template.substring(start, end < 0 ? template.length() : end);
        Matcher originalSql = Pattern.compile("\"originalSql\":\"([^\"]*)\"").matcher(definition);
        assertThat(originalSql.find())
                .as("a Presto view definition in " + resource)
                .isTrue();
        // In a single-quoted YAML scalar (the !Sub), a quote is written twice.
        assertThat(originalSql.group(1))
                .isEqualTo(oneLine(SqlFiles.read(viewFile)).replace("'", "''"));

        Matcher columns =
                Pattern.compile("\\{\"name\":\"(\\w+)\",\"type\":\"([^\"]+)\"}").matcher(definition);
        List<String> viewColumns = new ArrayList<>();
        while (columns.find()) {
            viewColumns.add(columns.group(1) + " " + columns.group(2));
        }
        assertThat(viewColumns).containsExactlyElementsOf(expected);
        assertThat(definition)
                .contains("Name: " + SqlFiles.viewName(viewFile), "TableType: VIRTUAL_VIEW", "presto_view: \"true\"");
    }

    /** The SQL as the view encoding holds it: comments dropped, whitespace collapsed, no space inside parentheses. */
    private static String oneLine(String sql) {
        String withoutComments =
                sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + " " + b);
        return withoutComments
                .replaceAll("\\s+", " ")
                .strip()
                .replace("( ", "(")
                .replace(" )", ")");
    }

    /** Hive DDL types as Trino names them in a view's column list. */
    private static String trinoType(String hiveType) {
        return switch (hiveType) {
            case "string" -> "varchar";
            case "int" -> "integer";
            case "timestamp" -> "timestamp(3)";
            default -> hiveType;
        };
    }

    private DuckDbQueryRunner runner() {
        return new DuckDbQueryRunner(new LakeMirror(server.client(), bucket, temporary.resolve("cache")));
    }

    private void put(S3Client s3, String batch, List<TicketEventRow> rows) {
        Map<String, List<TicketEventRow>> byDay = new TreeMap<>();
        rows.forEach(row -> byDay.computeIfAbsent(row.partitionValue(), day -> new ArrayList<>())
                .add(row));
        byDay.forEach((day, dayRows) -> ParquetFiles.put(
                s3, bucket, LakeSchema.objectKey(LakeSchema.TICKET_EVENTS, day, batch, "1", "2"), dayRows, temporary));
    }
}
