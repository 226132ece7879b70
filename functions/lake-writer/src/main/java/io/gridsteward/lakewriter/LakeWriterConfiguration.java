package io.gridsteward.lakewriter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Settings of the lake writer; see application.properties for the environment variables behind them. */
@ConfigMapping(prefix = "lake")
public interface LakeWriterConfiguration {

    /** The lake bucket (env {@code LAKE_BUCKET}). */
    @WithDefault("grid-steward-lake")
    String bucket();

    /**
     * Parquet compression (env {@code LAKE_PARQUET_COMPRESSION}): SNAPPY (default) or UNCOMPRESSED. ZSTD is
     * tested to work too but needs zstd-jni (6.4 MB), which the function's zip leaves out.
     */
    @WithDefault("SNAPPY")
    CompressionCodecName compression();

    /**
     * Path-style S3 addressing (env {@code LAKE_S3_PATH_STYLE}). Unset: on when an S3 endpoint override
     * ({@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL}) is set, as local S3 servers need it.
     */
    Optional<Boolean> s3PathStyle();
}
