package io.gridsteward.api.ticket;

import io.gridsteward.domain.ticket.PhotoKey;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Presigned S3 PUT URLs for photos: the client uploads straight to the attachments bucket, the ticket keeps only
 * the object key. Presigning is local computation (no call to S3). The endpoint is the SDK's own choice: AWS's, or
 * the one {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} names (LocalStack, the local S3 server), where
 * addressing is path-style, as local S3 servers have no per-bucket host names.
 */
public final class AttachmentUploads implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final S3Presigner presigner;
    private final String bucket;

    public AttachmentUploads(String bucket, boolean pathStyle) {
        this.bucket = requireNonNull(bucket, "bucket");
        this.presigner = S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
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
