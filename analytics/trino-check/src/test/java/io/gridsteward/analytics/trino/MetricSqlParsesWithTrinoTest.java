package io.gridsteward.analytics.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.Query;
import io.trino.sql.tree.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Athena engine v3 is Trino: a metric file Trino's parser rejects would fail in production, whatever DuckDB thinks. */
class MetricSqlParsesWithTrinoTest {
    private static final Path SQL = Path.of(System.getProperty("sql.directory", "../sql"));
    private static final Path METRICS = SQL.resolve("metrics");
    /** The views (sql/views/) become Glue views that Athena expands into every query reading them. */
    private static final Path VIEWS = SQL.resolve("views");

    private final SqlParser parser = new SqlParser();

    @TestFactory
    Stream<DynamicTest> everyMetricFileIsOneTrinoQuery() {
        return metricFiles().stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    Statement statement = parser.createStatement(read(file));
                    assertThat(statement).as(file.toString()).isInstanceOf(Query.class);
                }));
    }

    @Test
    void thereAreMetricFilesToCheck() {
        assertThat(metricFiles()).isNotEmpty();
    }

    @Test
    void parserRejectsDuckDbOnlySyntax() {
        assertThatThrownBy(() -> parser.createStatement("SELECT x::integer FROM ticket_events"))
                .isInstanceOf(ParsingException.class);
        assertThatThrownBy(() -> parser.createStatement("FROM ticket_events SELECT event_id"))
                .isInstanceOf(ParsingException.class);
    }

    @TestFactory
    Stream<DynamicTest> everyViewFileIsOneTrinoQuery() {
        return sqlFiles(VIEWS).stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    Statement statement = parser.createStatement(read(file));
                    assertThat(statement).as(file.toString()).isInstanceOf(Query.class);
                }));
    }

    private static List<Path> metricFiles() {
        return sqlFiles(METRICS);
    }

    private static List<Path> sqlFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String read(Path file) throws IOException {
        // Trino's parser takes one statement without the terminating semicolon a file may end with.
        String text = Files.readString(file).strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }
}
