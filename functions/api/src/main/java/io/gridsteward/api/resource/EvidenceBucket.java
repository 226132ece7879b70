package io.gridsteward.api.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.api.core.BucketObjects;
import io.gridsteward.domain.resource.EvidenceKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Photos of projects' completion in the attachments bucket: presigned PUT URLs for the owner's phone, and whether a
 * key was uploaded (a HEAD per cited key, at most nine) before a completion may cite it. Outside AWS the endpoint is
 * {@code AWS_ENDPOINT_URL_S3}, path-style, as every local S3 client of the project.
 */
public class EvidenceBucket implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final String bucket;
    private final S3Presigner presigner;
    private final S3Client client;

    public EvidenceBucket(String bucket, Optional<URI> endpoint) {
        this.bucket = requireNonNull(bucket, "bucket");
        S3Presigner.Builder presignerBuilder = S3Presigner.builder();
        S3ClientBuilder clientBuilder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(uri -> {
            S3Configuration pathStyle =
                    S3Configuration.builder().pathStyleAccessEnabled(true).build();
            presignerBuilder.endpointOverride(uri).serviceConfiguration(pathStyle);
            clientBuilder.endpointOverride(uri).serviceConfiguration(pathStyle);
        });
        this.presigner = presignerBuilder.build();
        this.client = clientBuilder.build();
    }

    /** For tests that decide what counts as uploaded without a bucket. */
    protected EvidenceBucket() {
        this.bucket = "none";
        this.presigner = null;
        this.client = null;
    }

    public Upload uploadFor(EvidenceKey key, String contentType) {
        PresignedPutObjectRequest request = presigner.presignPutObject(presign -> presign.signatureDuration(VALIDITY)
                .putObjectRequest(put -> put.bucket(bucket).key(key.value()).contentType(contentType)));
        return new Upload(key, request.url().toString(), request.expiration(), contentType);
    }

    /** The keys among {@code keys} whose objects exist in the bucket. */
    public Set<EvidenceKey> uploaded(List<EvidenceKey> keys) {
        Set<String> present = BucketObjects.present(
                client, bucket, keys.stream().map(EvidenceKey::value).toList());
        Set<EvidenceKey> found = new LinkedHashSet<>();
        keys.stream().filter(key -> present.contains(key.value())).forEach(found::add);
        return found;
    }

    @Override
    public void close() {
        if (presigner != null) {
            presigner.close();
            client.close();
        }
    }

    public record Upload(EvidenceKey key, String url, Instant expiresAt, String contentType) {}
}
