package io.gridsteward.api.ticket;

import io.gridsteward.domain.ticket.PhotoKey;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Presigned S3 PUT URLs for photos: the client uploads straight to the attachments bucket, the ticket keeps only
 * the object key. Presigning is local computation (no call to S3). Outside AWS the endpoint comes from
 * {@code AWS_ENDPOINT_URL_S3} with path-style addressing, as every local S3 client of the project does.
 */
public final class AttachmentUploads implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final S3Presigner presigner;
    private final String bucket;

    public AttachmentUploads(String bucket, Optional<URI> endpoint) {
        this.bucket = requireNonNull(bucket, "bucket");
        S3Presigner.Builder builder = S3Presigner.builder();
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        this.presigner = builder.build();
    }

    /** A URL that accepts one PUT of {@code contentType} at {@code key} until {@link Upload#expiresAt()}. */
    public Upload uploadFor(PhotoKey key, String contentType) {
        PresignedPutObjectRequest request = presigner.presignPutObject(presign -> presign
                .signatureDuration(VALIDITY)
                .putObjectRequest(put -> put.bucket(bucket).key(key.value()).contentType(contentType)));
        return new Upload(key, request.url().toString(), request.expiration(), contentType);
    }

    @Override
    public void close() {
        presigner.close();
    }

    public record Upload(PhotoKey key, String url, Instant expiresAt, String contentType) {
    }
}
