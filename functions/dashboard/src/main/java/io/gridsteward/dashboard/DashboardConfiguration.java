package io.gridsteward.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Settings of the dashboard function; application.properties maps the environment variables onto them. */
@ConfigMapping(prefix = "dashboard")
public interface DashboardConfiguration {

    /** The engine that runs the SQL files (env {@code QUERY_ENGINE}). */
    @WithDefault("athena")
    QueryEngine queryEngine();

    /** The lake bucket (env {@code LAKE_BUCKET}), read by the DuckDB engine. */
    @WithDefault("grid-steward-lake")
    String lakeBucket();

    /** Where the DuckDB engine keeps its copy of the lake (env {@code LAKE_CACHE_DIRECTORY}). */
    @WithDefault("/tmp/lake-cache")
    String lakeCacheDirectory();

    /**
     * How long the DuckDB engine goes without listing a lake table's objects again (env {@code DASHBOARD_LAKE_FRESHNESS}):
     * objects written meanwhile show in answers at most this much later.
     */
    @WithDefault("10S")
    Duration lakeFreshness();

    /** Path-style S3 addressing; unset: on when an S3 endpoint override is set (local S3 servers need it). */
    @WithName("s3-path-style")
    Optional<Boolean> s3PathStyle();

    /** How long a query's answer is served from the cache (env {@code DASHBOARD_CACHE_TTL}, ISO-8601 or 60S). */
    @WithDefault("60S")
    Duration cacheTimeToLive();

    /** How many answers (SQL file and parameters) the cache keeps at most. */
    @WithDefault("500")
    int cacheCapacity();

    /** How long a caller's part of the county's structure is kept before it is read again (the jurisdiction). */
    @WithDefault("5M")
    Duration organisationTimeToLive();

    Athena athena();

    interface Athena {
        /** Env {@code ATHENA_WORKGROUP}. */
        @WithDefault("grid-steward")
        String workgroup();

        /** Env {@code ATHENA_DATABASE}. */
        @WithDefault("grid_steward")
        String database();

        /** How old a reused Athena result may be. */
        @WithDefault("5M")
        Duration resultReuseMaxAge();
    }

    enum QueryEngine {
        athena,
        duckdb
    }
}
