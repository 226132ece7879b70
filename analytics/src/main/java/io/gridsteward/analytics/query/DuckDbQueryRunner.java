package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;

/**
 * The local engine: brings the lake mirror up to date, opens an in-memory DuckDB with one view per lake table
 * over the mirrored Parquet files (the partition column read from the {@code dt=} directory), and runs the
 * SQL file. A table with no objects yet is an empty view of the right columns, so queries answer no rows.
 * Files are matched by column name ({@code union_by_name}): a file written before a column was added reads as
 * null in it instead of failing the query. Then the views of {@code sql/views/} are created over the tables.
 */
public final class DuckDbQueryRunner implements QueryRunner {

    private final LakeMirror mirror;

    public DuckDbQueryRunner(LakeMirror mirror) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
    }

    @Override
    public QueryResult run(String sqlFile, List<?> parameters) {
        QueryParameters.validate(parameters);
        String sql = SqlFiles.read(sqlFile);
        mirror.synchronize();
        try (Connection connection = open()) {
            for (LakeTable table : LakeSchema.TABLES) {
                createView(connection, table);
            }
            for (String view : SqlFiles.views()) {
                createView(connection, SqlFiles.viewName(view), SqlFiles.read(view));
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int index = 0; index < parameters.size(); index++) {
                    statement.setObject(index + 1, parameters.get(index));
                }
                try (ResultSet resultSet = statement.executeQuery()) {
                    return read(resultSet);
                }
            }
        } catch (SQLException exception) {
            throw new IllegalStateException("DuckDB failed to run " + sqlFile + ": " + exception.getMessage(), exception);
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        // Nothing may be downloaded at run time: fail clearly instead of reaching for the network.
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "true");
        // On Lambda only /tmp is writable and HOME may be unset: keep DuckDB's files beside the mirror.
        properties.setProperty("temp_directory", mirror.directory().resolve(".duckdb-temp").toString());
        // The driver directly, not DriverManager: under Quarkus' class loaders DriverManager may not see it.
        Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", properties);
        try (Statement statement = connection.createStatement()) {
            // Athena computes in UTC; so must calendar arithmetic on TIMESTAMP WITH TIME ZONE here.
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SET home_directory = '" + escape(mirror.directory().toString()) + "'");
        } catch (SQLException exception) {
            connection.close();
            throw exception;
        }
        return connection;
    }

    private void createView(Connection connection, LakeTable table) throws SQLException {
        Path tableDirectory = mirror.directory().resolve(table.name());
        // The typed empty select first, the files BY NAME after it: a column of the schema that no file has yet
        // (just added) is still there, null, and a file without a newer column reads as null in it.
        String body = hasParquetFiles(tableDirectory)
                ? emptySelect(table) + " UNION ALL BY NAME SELECT * FROM read_parquet('"
                        + escape(tableDirectory.resolve("*").resolve("*.parquet").toString())
                        + "', hive_partitioning = true, union_by_name = true, hive_types = {'"
                        + table.partitionColumn() + "': VARCHAR})"
                : emptySelect(table);
        createView(connection, table.name(), body);
    }

    private static void createView(Connection connection, String name, String select) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW " + name + " AS " + select);
        }
    }

    private static boolean hasParquetFiles(Path tableDirectory) {
        if (!Files.isDirectory(tableDirectory)) {
            return false;
        }
        try (Stream<Path> files = Files.find(tableDirectory, 2,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(".parquet"))) {
            return files.findAny().isPresent();
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot list " + tableDirectory, exception);
        }
    }

    private static String emptySelect(LakeTable table) {
        Stream<String> columns = table.columns().stream()
                .map(column -> "CAST(NULL AS " + column.type().duckDbType() + ") AS " + column.name());
        Stream<String> partition = Stream.of("CAST(NULL AS VARCHAR) AS " + table.partitionColumn());
        return "SELECT " + Stream.concat(columns, partition).collect(Collectors.joining(", ")) + " WHERE false";
    }

    private static String escape(String path) {
        return path.replace("'", "''");
    }

    private static QueryResult read(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            columns.add(metadata.getColumnLabel(column));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= columns.size(); column++) {
                row.put(columns.get(column - 1), normalise(resultSet.getObject(column)));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    private static Object normalise(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean flag -> flag;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.longValueExact();
            case Double number -> number;
            case Float number -> number.doubleValue();
            case BigDecimal number -> number.doubleValue();
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime dateTime -> dateTime.toInstant();
            default -> value.toString();
        };
    }
}
