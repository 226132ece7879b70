package io.gridsteward.api.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.api.core.BucketObjects;
import io.gridsteward.domain.ticket.PhotoKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned S3 PUT URLs for photos: the client uploads straight to the attachments bucket, the ticket keeps only
 * the object key; a resolution's keys count once a HEAD finds their objects. Presigning is local computation. The endpoint is the SDK's own choice: AWS's, or
 * the one {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} names (LocalStack, the local S3 server), where
 * addressing is path-style, as local S3 servers have no per-bucket host names.
 */
public class AttachmentUploads implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final S3Presigner presigner;
    private final S3Client client;
    private final String bucket;

    public AttachmentUploads(String bucket, boolean pathStyle) {
        this.bucket = requireNonNull(bucket, "bucket");
        S3Configuration addressing =
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        this.presigner = S3Presigner.builder().serviceConfiguration(addressing).build();
        this.client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(addressing)
                .build();
    }

    /** A URL that accepts one PUT of {@code contentType} at {@code key} until {@link Upload#expiresAt()}. */
    public Upload uploadFor(PhotoKey key, String contentType) {
        PresignedPutObjectRequest request = presigner.presignPutObject(presign -> presign.signatureDuration(VALIDITY)
                .putObjectRequest(put -> put.bucket(bucket).key(key.value()).contentType(contentType)));
        return new Upload(key, request.url().toString(), request.expiration(), contentType);
    }

    /** The keys among {@code keys} whose objects are in the bucket. */
    public Set<PhotoKey> uploaded(List<PhotoKey> keys) {
        Set<String> present = BucketObjects.present(
                client, bucket, keys.stream().map(PhotoKey::value).toList());
        Set<PhotoKey> found = new LinkedHashSet<>();
        keys.stream().filter(key -> present.contains(key.value())).forEach(found::add);
        return found;
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    public record Upload(PhotoKey key, String url, Instant expiresAt, String contentType) {}
}
