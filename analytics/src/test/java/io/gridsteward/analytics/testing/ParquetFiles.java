package io.gridsteward.analytics.testing;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.LakeType;
import io.gridsteward.analytics.lake.TicketEventRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes and reads real Parquet files of the lake's ticket_events table with DuckDB (the test side's writer,
 * independent of the lake writer), typed from LakeSchema.
 */
public final class ParquetFiles {

    private static final LakeTable TABLE = LakeSchema.TICKET_EVENTS;

    private ParquetFiles() {}

    /** Writes the rows to one Parquet file (ZSTD), columns and types as LakeSchema says. */
    public static void write(List<TicketEventRow> rows, Path file) {
        write(rows, TABLE.columns(), file);
    }

    /**
     * Writes only the given columns of the rows (a subset of LakeSchema's, in its order): the shape of an object
     * written before the later columns existed.
     */
    public static void write(List<TicketEventRow> rows, List<LakeColumn> columns, Path file) {
        List<Integer> positions = columns.stream().map(TABLE.columns()::indexOf).toList();
        if (positions.contains(-1)) {
            throw new IllegalArgumentException("not all of " + columns + " are columns of " + TABLE.name());
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE TABLE rows ("
                    + columns.stream()
                            .map(column -> column.name() + " " + column.type().duckDbType()
                                    + (column.nullable() ? "" : " NOT NULL"))
                            .collect(Collectors.joining(", "))
                    + ")");
            String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO rows VALUES (" + placeholders + ")")) {
                for (TicketEventRow row : rows) {
                    List<Object> values = row.values();
                    int index = 1;
                    for (int position : positions) {
                        Object value = values.get(position);
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
            Files.createDirectories(file.toAbsolutePath().getParent());
            statement.execute("COPY rows TO '"
                    + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException exception) {
            throw new IllegalStateException("cannot write Parquet file " + file, exception);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Writes the rows as one object at the key, through the S3 API. */
    public static void put(S3Client s3, String bucket, String key, List<TicketEventRow> rows, Path scratchDirectory) {
        put(s3, bucket, key, rows, TABLE.columns(), scratchDirectory);
    }

    /** Writes the given columns of the rows as one object at the key, through the S3 API. */
    public static void put(
            S3Client s3,
            String bucket,
            String key,
            List<TicketEventRow> rows,
            List<LakeColumn> columns,
            Path scratchDirectory) {
        try {
            Path file = Files.createTempFile(scratchDirectory, "lake-", ".parquet");
            write(rows, columns, file);
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file));
            Files.delete(file);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** Reads a Parquet file back as rows in LakeSchema's terms, ordered as stored. */
    public static List<TicketEventRow> read(Path file) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            List<TicketEventRow> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery("SELECT * FROM read_parquet('"
                    + file.toAbsolutePath().toString().replace("'", "''") + "')")) {
                while (resultSet.next()) {
                    rows.add(new TicketEventRow(
                            resultSet.getString("event_id"),
                            resultSet.getString("ticket_id"),
                            resultSet.getLong("sequence"),
                            resultSet.getString("event_type"),
                            resultSet.getString("from_status"),
                            resultSet.getString("to_status"),
                            resultSet
                                    .getObject("occurred_at", OffsetDateTime.class)
                                    .toInstant(),
                            resultSet.getString("actor_role"),
                            resultSet.getString("actor_org_id"),
                            resultSet.getString("grid_id"),
                            resultSet.getString("community_id"),
                            resultSet.getString("town_id"),
                            resultSet.getString("category"),
                            resultSet.getString("assignee_org_id"),
                            resultSet.getString("priority"),
                            instant(resultSet, "accept_due_at"),
                            instant(resultSet, "resolve_due_at"),
                            resultSet.getObject("rating", Integer.class),
                            resultSet.getString("assignee_org_kind")));
                }
            }
            return rows;
        } catch (SQLException exception) {
            throw new IllegalStateException("cannot read Parquet file " + file, exception);
        }
    }

    private static Instant instant(ResultSet resultSet, String column) throws SQLException {
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Column names and DuckDB types of a Parquet file, as DuckDB reads them. */
    public static Map<String, LakeType> describe(Path file) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('"
                        + file.toAbsolutePath().toString().replace("'", "''") + "')")) {
            Map<String, LakeType> columns = new LinkedHashMap<>();
            while (resultSet.next()) {
                columns.put(resultSet.getString("column_name"), lakeType(resultSet.getString("column_type")));
            }
            return columns;
        } catch (SQLException exception) {
            throw new IllegalStateException("cannot describe Parquet file " + file, exception);
        }
    }

    /** The driver directly: after a Quarkus test in the same JVM, DriverManager may no longer see it. */
    private static Connection connect() throws SQLException {
        return new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }

    private static LakeType lakeType(String duckDbType) {
        for (LakeType type : LakeType.values()) {
            if (type.duckDbType().equals(duckDbType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no lake type for DuckDB type " + duckDbType);
    }
}
