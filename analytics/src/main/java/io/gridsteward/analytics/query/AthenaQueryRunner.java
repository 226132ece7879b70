package io.gridsteward.analytics.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;

/**
 * The AWS engine: StartQueryExecution in the workgroup (which holds the results location and the bytes-scanned
 * limit) with query result reuse, polls GetQueryExecution until the query ends, then pages GetQueryResults.
 * Athena returns every value as text; the column types of the result metadata turn them into the same Java
 * types the DuckDB runner returns.
 */
public final class AthenaQueryRunner implements QueryRunner {

    /** How the runner waits between polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param workgroup        Athena workgroup ({@code ATHENA_WORKGROUP})
     * @param database         Glue database of the lake tables ({@code ATHENA_DATABASE})
     * @param resultReuseMaxAge how old a cached result of the same query may be; zero turns reuse off
     * @param pollInterval     time between GetQueryExecution calls
     * @param timeout          give up (and stop the query) after this long
     */
    public record Settings(
            String workgroup, String database, Duration resultReuseMaxAge, Duration pollInterval, Duration timeout) {
        public Settings {
            Objects.requireNonNull(workgroup, "workgroup");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(resultReuseMaxAge, "resultReuseMaxAge");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(timeout, "timeout");
        }

        public static Settings of(String workgroup, String database) {
            return new Settings(
                    workgroup, database, Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofSeconds(25));
        }
    }

    private static final DateTimeFormatter ATHENA_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .appendZoneRegionId()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final AthenaClient athena;
    private final Settings settings;
    private final Sleeper sleeper;

    public AthenaQueryRunner(AthenaClient athena, Settings settings, Sleeper sleeper) {
        this.athena = Objects.requireNonNull(athena, "athena");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public AthenaQueryRunner(AthenaClient athena, Settings settings) {
        this(athena, settings, duration -> Thread.sleep(duration));
    }

    @Override
    public QueryResult run(String sqlFile, List<?> parameters) {
        QueryParameters.validate(parameters);
        String queryExecutionId = start(SqlFiles.read(sqlFile), parameters);
        awaitSuccess(sqlFile, queryExecutionId);
        return results(queryExecutionId);
    }

    private String start(String sql, List<?> parameters) {
        long reuseMinutes = settings.resultReuseMaxAge().toMinutes();
        StartQueryExecutionRequest.Builder request = StartQueryExecutionRequest.builder()
                .queryString(sql)
                .workGroup(settings.workgroup())
                .queryExecutionContext(context -> context.database(settings.database()))
                .resultReuseConfiguration(reuse -> reuse.resultReuseByAgeConfiguration(byAge ->
                        byAge.enabled(reuseMinutes > 0).maxAgeInMinutes(reuseMinutes > 0 ? (int) reuseMinutes : null)));
        if (!parameters.isEmpty()) {
            request.executionParameters(
                    parameters.stream().map(QueryParameters::sqlLiteral).toList());
        }
        return athena.startQueryExecution(request.build()).queryExecutionId();
    }

    private void awaitSuccess(String sqlFile, String queryExecutionId) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            QueryExecutionStatus status = athena.getQueryExecution(GetQueryExecutionRequest.builder()
                            .queryExecutionId(queryExecutionId)
                            .build())
                    .queryExecution()
                    .status();
            switch (status.state()) {
                case SUCCEEDED -> {
                    return;
                }
                case FAILED, CANCELLED ->
                    throw new IllegalStateException("Athena query " + queryExecutionId + " (" + sqlFile + ") ended "
                            + status.state() + ": " + status.stateChangeReason());
                case QUEUED, RUNNING -> {
                    if (System.nanoTime() > deadline) {
                        athena.stopQueryExecution(StopQueryExecutionRequest.builder()
                                .queryExecutionId(queryExecutionId)
                                .build());
                        throw new IllegalStateException("Athena query " + queryExecutionId + " (" + sqlFile
                                + ") took longer than " + settings.timeout() + "; stopped");
                    }
                    pause(queryExecutionId);
                }
                case UNKNOWN_TO_SDK_VERSION ->
                    throw new IllegalStateException(
                            "Athena query " + queryExecutionId + " is in a state this SDK does not know");
            }
        }
    }

    private void pause(String queryExecutionId) {
        try {
            sleeper.sleep(settings.pollInterval());
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for Athena query " + queryExecutionId, exception);
        }
    }

    private QueryResult results(String queryExecutionId) {
        List<ColumnInfo> columns = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean headerSkipped = false;
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(GetQueryResultsRequest.builder()
                .queryExecutionId(queryExecutionId)
                .build())) {
            if (columns == null) {
                columns = page.resultSet().resultSetMetadata().columnInfo();
            }
            for (Row row : page.resultSet().rows()) {
                if (!headerSkipped) {
                    // A SELECT's first result row repeats the column names.
                    headerSkipped = true;
                    continue;
                }
                rows.add(row(columns, row.data()));
            }
        }
        List<String> names = columns == null
                ? List.of()
                : columns.stream().map(ColumnInfo::name).toList();
        return new QueryResult(names, rows);
    }

    private static Map<String, Object> row(List<ColumnInfo> columns, List<Datum> data) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int index = 0; index < columns.size(); index++) {
            String text = index < data.size() ? data.get(index).varCharValue() : null;
            row.put(
                    columns.get(index).name(),
                    text == null ? null : value(columns.get(index).type(), text));
        }
        return row;
    }

    static Object value(String athenaType, String text) {
        return switch (athenaType.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "integer", "int", "bigint" -> Long.parseLong(text);
            case "double", "float", "real", "decimal" -> Double.parseDouble(text);
            case "boolean" -> Boolean.parseBoolean(text);
            case "timestamp", "timestamp with time zone" -> parseTimestamp(text);
            default -> text;
        };
    }

    private static Instant parseTimestamp(String text) {
        var parsed = ATHENA_TIMESTAMP.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime zoned
                ? zoned.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
