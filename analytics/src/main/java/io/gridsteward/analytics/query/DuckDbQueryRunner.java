package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import java.lang.ref.Cleaner;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The local engine: brings the lake mirror of the tables a SQL file reads (named in it or in the views it names) up
 * to date and runs the file on one in-memory DuckDB kept for the runner's life. Each lake table is a table of that
 * database loaded from the mirrored Parquet files (the partition column read from the {@code dt=} directory) when a
 * query first reads it and again only when the mirror's objects of that table changed, so a query reads memory, not
 * a glob of small files. A table with no objects yet is empty with the right columns,
 * so queries answer no rows. Files are matched by column name ({@code union_by_name}): a file written before a
 * column was added reads as null in it instead of failing the query. The views of {@code sql/views/} (Glue views on
 * Athena) are kept here as tables computed from their SQL whenever a table they read is loaded, directly or through
 * another view: every metric file reads a deduplicated view, often more than once, and a view would number every
 * event again on every read; the assessment's facts would join every ticket's steps again on every request. Each
 * query runs on its own connection to the database, so queries may run side by side; a reload replaces a table and
 * the views over it in one transaction, and a query running meanwhile reads them as they were.
 */
public final class DuckDbQueryRunner implements QueryRunner, AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

    private final LakeMirror mirror;
    private final Duration freshness;
    private final Clock clock;
    /** The mirrored objects (key → ETag) each table was last loaded from. */
    private final Map<String, Map<String, String>> loadedObjects = new HashMap<>();
    /** When each table's mirror was last brought up to date. */
    private final Map<String, Instant> synchronizedAt = new HashMap<>();

    private DuckDBConnection database;
    private Cleaner.Cleanable closing;

    /** A runner that lists the bucket before every query: each answer sees every object written before it. */
    public DuckDbQueryRunner(LakeMirror mirror) {
        this(mirror, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * A runner that lists a table's objects at most once per {@code freshness}: an answer may miss objects written in
     * that time, and a query saves the listing (on a local S3 server, hundreds of milliseconds for a busy lake).
     */
    public DuckDbQueryRunner(LakeMirror mirror, Duration freshness, Clock clock) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public QueryResult run(String sqlFile, List<?> parameters) {
        QueryParameters.validate(parameters);
        String sql = SqlFiles.read(sqlFile);
        try (Connection connection = current(tablesRead(sql)).duplicate();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                return read(resultSet);
            }
        } catch (SQLException exception) {
            throw new IllegalStateException(
                    "DuckDB failed to run " + sqlFile + ": " + exception.getMessage(), exception);
        }
    }

    /** Closes the database; a later query opens and loads a new one. */
    @Override
    public synchronized void close() {
        if (closing != null) {
            closing.clean();
            closing = null;
            database = null;
            loadedObjects.clear();
            synchronizedAt.clear();
        }
    }

    /** The lake tables a query reads: those it names, and those of the views it names, directly or through views. */
    static List<LakeTable> tablesRead(String sql) {
        List<String> texts = new ArrayList<>(List.of(uncommented(sql)));
        Set<View> read = new HashSet<>();
        boolean added = true;
        while (added) {
            added = false;
            for (View view : View.ALL) {
                if (!read.contains(view) && texts.stream().anyMatch(text -> names(text, view.name()))) {
                    read.add(view);
                    texts.add(view.uncommented());
                    added = true;
                }
            }
        }
        return LakeSchema.TABLES.stream()
                .filter(table -> texts.stream().anyMatch(text -> names(text, table.name())))
                .toList();
    }

    /** Whether SQL without its comments names this table or view (a file's comments may name others). */
    private static boolean names(String uncommentedSql, String name) {
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(uncommentedSql)
                .find();
    }

    private static String uncommented(String sql) {
        return COMMENT.matcher(sql).replaceAll("");
    }

    /**
     * A view of {@code sql/views/}, read once: the files are the jar's, and every query asks which tables its views
     * read. {@link #ALL} is in the list's order, which puts a view after those it reads.
     */
    private record View(String name, String sql, String uncommented) {

        private static final List<View> ALL = SqlFiles.views().stream()
                .map(file -> {
                    String sql = SqlFiles.read(file);
                    return new View(SqlFiles.viewName(file), sql, DuckDbQueryRunner.uncommented(sql));
                })
                .toList();
    }

    /** The database with these tables loaded from the mirror as it is now; the other tables as they were. */
    private synchronized DuckDBConnection current(List<LakeTable> tables) throws SQLException {
        Instant now = clock.instant();
        List<LakeTable> stale = tables.stream()
                .filter(table -> !synchronizedAt.containsKey(table.name())
                        || !now.isBefore(synchronizedAt.get(table.name()).plus(freshness)))
                .toList();
        if (!stale.isEmpty()) {
            mirror.synchronize(stale);
            stale.forEach(table -> synchronizedAt.put(table.name(), now));
        }
        if (database == null) {
            DuckDBConnection opened = open();
            try {
                // Every table first, empty, then the views over them; loaded when a query reads them.
                for (LakeTable table : LakeSchema.TABLES) {
                    execute(opened, "CREATE TABLE " + table.name() + " AS " + emptySelect(table));
                }
                for (View view : View.ALL) {
                    execute(opened, "CREATE TABLE " + view.name() + " AS " + view.sql());
                }
            } catch (SQLException | RuntimeException exception) {
                opened.close();
                throw exception;
            }
            database = opened;
            // A runner dropped without close() must not keep its native database for the rest of the process.
            closing = CLEANER.register(this, () -> closeQuietly(opened));
        }
        for (LakeTable table : tables) {
            if (!mirror.objects(table).equals(loadedObjects.get(table.name()))) {
                load(database, table);
            }
        }
        return database;
    }

    private DuckDBConnection open() throws SQLException {
        Properties properties = new Properties();
        // Nothing may be downloaded at run time: fail clearly instead of reaching for the network.
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "true");
        // On Lambda only /tmp is writable and HOME may be unset: keep DuckDB's files beside the mirror.
        properties.setProperty(
                "temp_directory", mirror.directory().resolve(".duckdb-temp").toString());
        // The driver directly, not DriverManager: under Quarkus' class loaders DriverManager may not see it.
        DuckDBConnection connection = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", properties);
        try {
            // Athena computes in UTC; so must calendar arithmetic on TIMESTAMP WITH TIME ZONE here.
            execute(connection, "SET TimeZone = 'UTC'");
            execute(
                    connection,
                    "SET home_directory = '" + escape(mirror.directory().toString()) + "'");
        } catch (SQLException exception) {
            connection.close();
            throw exception;
        }
        return connection;
    }

    private void load(Connection connection, LakeTable table) throws SQLException {
        Map<String, String> objects = mirror.objects(table);
        Path tableDirectory = mirror.directory().resolve(table.name());
        // The typed empty select first, the files BY NAME after it: a column of the schema that no file has yet
        // (just added) is still there, null, and a file without a newer column reads as null in it.
        String body = objects.isEmpty()
                ? emptySelect(table)
                : emptySelect(table) + " UNION ALL BY NAME SELECT * FROM read_parquet('"
                        + escape(
                                tableDirectory.resolve("*").resolve("*.parquet").toString())
                        + "', hive_partitioning = true, union_by_name = true, hive_types = {'"
                        + table.partitionColumn() + "': VARCHAR})";
        execute(connection, "BEGIN TRANSACTION");
        try {
            execute(connection, "CREATE OR REPLACE TABLE " + table.name() + " AS " + body);
            // The views over the table, and those over them: the list's order puts a view after those it reads.
            Set<String> reloaded = new HashSet<>(Set.of(table.name()));
            for (View view : View.ALL) {
                if (reloaded.stream().anyMatch(name -> names(view.uncommented(), name))) {
                    execute(connection, "CREATE OR REPLACE TABLE " + view.name() + " AS " + view.sql());
                    reloaded.add(view.name());
                }
            }
            execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException exception) {
            try {
                execute(connection, "ROLLBACK");
            } catch (SQLException rollbackFailed) {
                // The load's own failure is the one to report; a connection too broken to roll back says so beside it.
                exception.addSuppressed(rollbackFailed);
            }
            throw exception;
        }
        loadedObjects.put(table.name(), objects);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a database nobody uses any more: there is nobody to tell.
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
