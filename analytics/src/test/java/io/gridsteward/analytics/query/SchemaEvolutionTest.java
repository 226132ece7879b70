package io.gridsteward.analytics.query;

import static io.gridsteward.analytics.testing.TicketEvents.dispatched;
import static io.gridsteward.analytics.testing.TicketEvents.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.S3ProxyServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adding a column must not break old files or queries: a file written before the schema's newest column existed
 * sits beside a file that has it, and both the table and the deduplicated view answer, the old rows with null.
 */
class SchemaEvolutionTest {

    @TempDir
    Path temporary;

    @Test
    void aFileWithoutTheNewestColumnStillReadsBesideNewFiles() throws Exception {
        LakeColumn newest = LakeSchema.TICKET_EVENTS.columns().getLast();
        assertThat(newest.nullable())
                .as("a column added later is optional, or old rows could not be read")
                .isTrue();
        TicketEventRow before = reported("old-ticket", "grid-1", Instant.parse("2026-11-01T08:00:00Z"));
        TicketEventRow after = dispatched("old-ticket", "grid-1", Instant.parse("2026-11-01T09:00:00Z"), 2);
        Path oldFile = temporary.resolve("old.parquet");
        Path newFile = temporary.resolve("new.parquet");
        ParquetFiles.write(List.of(before), temporary.resolve("full.parquet"));
        dropColumn(temporary.resolve("full.parquet"), newest.name(), oldFile);
        ParquetFiles.write(List.of(after), newFile);
        assertThat(ParquetFiles.describe(oldFile)).doesNotContainKey(newest.name());

        try (S3ProxyServer server = S3ProxyServer.start()) {
            S3Client s3 = server.createBucket("evolution");
            s3.putObject(
                    request -> request.bucket("evolution").key("ticket_events/dt=2026-11-01/old.parquet"),
                    RequestBody.fromFile(oldFile));
            s3.putObject(
                    request -> request.bucket("evolution").key("ticket_events/dt=2026-11-01/new.parquet"),
                    RequestBody.fromFile(newFile));
            DuckDbQueryRunner runner =
                    new DuckDbQueryRunner(new LakeMirror(server.client(), "evolution", temporary.resolve("cache")));

            QueryResult view = runner.run("views/ticket_events_deduplicated.sql");
            QueryResult metric = runner.run("fixtures/time_to_dispatch_by_grid.sql");

            assertThat(view.rows()).hasSize(2);
            Map<String, Object> oldRow = view.rows().stream()
                    .filter(row -> row.get("event_id").equals(before.eventId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(oldRow).containsEntry(newest.name(), null).containsEntry("ticket_id", "old-ticket");
            assertThat(metric.rows())
                    .singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("median_seconds", 3600.0));
        }
    }

    private static void dropColumn(Path source, String column, Path target) throws SQLException {
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * EXCLUDE (" + column + ") FROM read_parquet('" + source + "')) TO '"
                    + target + "' (FORMAT parquet)");
        }
    }
}
