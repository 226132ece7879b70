package io.gridsteward.dashboard;

import io.gridsteward.analytics.lake.S3Addressing;
import io.gridsteward.analytics.query.AthenaQueryRunner;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.analytics.query.QueryRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the engine once per function instance. The AWS clients take region, credentials, endpoints
 * ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_ATHENA}) and the checksum policy
 * ({@code AWS_REQUEST_CHECKSUM_CALCULATION}) from the SDK's standard settings.
 */
@ApplicationScoped
public class QueryDependencies {

    @Produces
    @ApplicationScoped
    QueryCache queryCache(QueryRunner runner, DashboardConfiguration configuration) {
        return new QueryCache(
                runner, Clock.systemUTC(), configuration.cacheTimeToLive(), configuration.cacheCapacity());
    }

    @Produces
    @ApplicationScoped
    QueryRunner queryRunner(DashboardConfiguration configuration) {
        return switch (configuration.queryEngine()) {
            case athena ->
                new AthenaQueryRunner(
                        AthenaClient.builder()
                                .httpClient(UrlConnectionHttpClient.create())
                                .build(),
                        new AthenaQueryRunner.Settings(
                                configuration.athena().workgroup(),
                                configuration.athena().database(),
                                configuration.athena().resultReuseMaxAge(),
                                Duration.ofMillis(250),
                                Duration.ofSeconds(25)));
            case duckdb ->
                new DuckDbQueryRunner(
                        new LakeMirror(
                                S3Client.builder()
                                        .httpClient(UrlConnectionHttpClient.create())
                                        .forcePathStyle(
                                                configuration.s3PathStyle().orElseGet(S3Addressing::pathStyleByDefault))
                                        .build(),
                                configuration.lakeBucket(),
                                Path.of(configuration.lakeCacheDirectory())),
                        configuration.lakeFreshness(),
                        Clock.systemUTC());
        };
    }
}
