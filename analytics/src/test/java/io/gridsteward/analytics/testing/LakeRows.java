package io.gridsteward.analytics.testing;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeRow;
import io.gridsteward.analytics.lake.LakeTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Rows of any lake table written as one Parquet object, columns and types as their table says (DuckDB's writer, ZSTD). */
public final class LakeRows {

    private LakeRows() {}

    public static void put(
            S3Client s3, String bucket, String key, List<? extends LakeRow> rows, Path scratchDirectory) {
        try {
            Path file = Files.createTempFile(scratchDirectory, "lake-", ".parquet");
            write(rows.getFirst().table(), rows, file);
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file));
            Files.delete(file);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static void write(LakeTable table, List<? extends LakeRow> rows, Path file) {
        List<LakeColumn> columns = table.columns();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
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
                for (LakeRow row : rows) {
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
