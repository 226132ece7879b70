package io.gridsteward.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.local.PortInUseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class LocalS3ServerTest {

    @Test
    void storesObjectsUnderTheDataDirectoryAndListsOnlyObjects(@TempDir Path directory) {
        try (LocalS3Server server = LocalS3Server.start(0, directory);
                S3Client s3 = S3Client.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            assertThat(server.createBucketIfMissing("grid-steward-lake")).isTrue();
            assertThat(server.createBucketIfMissing("grid-steward-lake")).isFalse();

            s3.putObject(
                    request -> request.bucket("grid-steward-lake").key("ticket_events/dt=2026-11-25/a.parquet"),
                    RequestBody.fromString("x"));

            assertThat(s3.listObjectsV2(request ->
                                    request.bucket("grid-steward-lake").prefix("ticket_events/"))
                            .contents())
                    .extracting(S3Object::key)
                    .containsExactly("ticket_events/dt=2026-11-25/a.parquet");
            assertThat(directory.resolve("grid-steward-lake/ticket_events/dt=2026-11-25/a.parquet"))
                    .hasContent("x");
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    @Test
    void onlySignedRequestsReachObjectsAndAPresignedPutKeepsItsContentType(@TempDir Path directory) throws Exception {
        try (LocalS3Server server = LocalS3Server.start(0, directory);
                S3Presigner presigner = S3Presigner.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY)))
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build())
                        .build()) {
            server.createBucketIfMissing("grid-steward-lake");
            URI upload = presigner
                    .presignPutObject(presign -> presign.signatureDuration(Duration.ofMinutes(5))
                            .putObjectRequest(put -> put.bucket("grid-steward-lake")
                                    .key("attachments/t-1/photo.jpg")
                                    .contentType("image/jpeg")))
                    .url()
                    .toURI();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> otherType = http.send(
                    HttpRequest.newBuilder(upload)
                            .header("Content-Type", "text/html")
                            .PUT(HttpRequest.BodyPublishers.ofString("<script>"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(otherType.statusCode()).as(otherType.body()).isEqualTo(403);
            assertThat(directory.resolve("grid-steward-lake/attachments/t-1/photo.jpg"))
                    .doesNotExist();

            HttpResponse<String> signedType = http.send(
                    HttpRequest.newBuilder(upload)
                            .header("Content-Type", "image/jpeg")
                            .PUT(HttpRequest.BodyPublishers.ofString("jpeg"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedType.statusCode()).as(signedType.body()).isEqualTo(200);

            URI object = URI.create(server.endpoint() + "/grid-steward-lake/attachments/t-1/photo.jpg");
            assertThat(http.send(HttpRequest.newBuilder(object).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(403);
            assertThat(http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(server.endpoint() + "/grid-steward-lake?list-type=2"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(403);
            URI download = presigner
                    .presignGetObject(presign -> presign.signatureDuration(Duration.ofMinutes(5))
                            .getObjectRequest(
                                    get -> get.bucket("grid-steward-lake").key("attachments/t-1/photo.jpg")))
                    .url()
                    .toURI();
            HttpResponse<String> signedGet =
                    http.send(HttpRequest.newBuilder(download).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedGet.statusCode()).isEqualTo(200);
            assertThat(signedGet.body()).isEqualTo("jpeg");
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
