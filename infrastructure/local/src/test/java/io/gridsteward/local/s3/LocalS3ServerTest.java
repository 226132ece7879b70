package io.gridsteward.local.s3;

import io.gridsteward.local.PortInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalS3ServerTest {

    @Test
    void storesObjectsUnderTheDataDirectoryAndListsOnlyObjects(@TempDir Path directory) {
        try (LocalS3Server server = LocalS3Server.start(0, directory);
             S3Client s3 = S3Client.builder()
                     .endpointOverride(server.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .forcePathStyle(true)
                     .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                     .httpClient(UrlConnectionHttpClient.create())
                     .build()) {
            assertThat(server.createBucketIfMissing("grid-steward-lake")).isTrue();
            assertThat(server.createBucketIfMissing("grid-steward-lake")).isFalse();

            s3.putObject(request -> request.bucket("grid-steward-lake").key("ticket_events/dt=2026-11-25/a.parquet"), RequestBody.fromString("x"));

            assertThat(s3.listObjectsV2(request -> request.bucket("grid-steward-lake").prefix("ticket_events/")).contents())
                    .extracting(S3Object::key).containsExactly("ticket_events/dt=2026-11-25/a.parquet");
            assertThat(directory.resolve("grid-steward-lake/ticket_events/dt=2026-11-25/a.parquet")).hasContent("x");
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    @Test
    void aTakenPortIsOneClearMessage(@TempDir Path directory) throws Exception {
        try (LocalS3Server first = LocalS3Server.start(0, directory.resolve("one"))) {
            assertThatThrownBy(() -> LocalS3Server.start(first.port(), directory.resolve("two")))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + first.port() + " is in use; pass --s3-port N");
        }
    }
}
