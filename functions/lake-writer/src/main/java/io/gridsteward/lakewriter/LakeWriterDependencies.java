package io.gridsteward.lakewriter;

import io.gridsteward.analytics.lake.S3Addressing;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.stream.LakeBatchWriter;
import io.gridsteward.analytics.lake.stream.S3LakeBucket;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires the writer. The S3 client takes region, credentials, endpoint ({@code AWS_ENDPOINT_URL_S3}) and checksum
 * policy ({@code AWS_REQUEST_CHECKSUM_CALCULATION}) from the SDK's standard environment settings itself.
 */
@ApplicationScoped
public class LakeWriterDependencies {

    @Produces
    @ApplicationScoped
    S3Client s3Client(LakeWriterConfiguration configuration) {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(configuration.s3PathStyle().orElseGet(S3Addressing::pathStyleByDefault))
                .build();
    }

    void close(@Disposes S3Client s3Client) {
        s3Client.close();
    }

    @Produces
    @ApplicationScoped
    LakeBatchWriter lakeBatchWriter(S3Client s3Client, LakeWriterConfiguration configuration) {
        return new LakeBatchWriter(
                new StreamRecordConverter(),
                new ParquetObjectWriter(configuration.compression()),
                new S3LakeBucket(s3Client, configuration.bucket()));
    }
}
