package io.gridsteward.analytics.lake;

/**
 * The physical types the lake uses. Each names its Athena (Hive DDL) type and its DuckDB type, so the DDL,
 * the local engine and the writer agree on one list.
 */
public enum LakeType {
    /** UTF-8 string (Parquet BINARY annotated STRING). */
    STRING("string", "VARCHAR"),
    /** Signed 32-bit integer (Parquet INT32). */
    INT32("int", "INTEGER"),
    /** Signed 64-bit integer (Parquet INT64). */
    INT64("bigint", "BIGINT"),
    /** Instant in UTC with microsecond precision (Parquet INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true)). */
    TIMESTAMP_MICROS_UTC("timestamp", "TIMESTAMP WITH TIME ZONE");

    private final String athenaType;
    private final String duckDbType;

    LakeType(String athenaType, String duckDbType) {
        this.athenaType = athenaType;
        this.duckDbType = duckDbType;
    }

    public String athenaType() {
        return athenaType;
    }

    public String duckDbType() {
        return duckDbType;
    }
}
