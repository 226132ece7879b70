package io.gridsteward.api.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The attachments bucket that every context's photos, receipts and evidence go to: presigned PUT URLs, so that a client
 * uploads straight to it (presigning is local computation), and a HEAD per cited key (a handful at most), so that a key
 * counts only once its object is there: one issued but never used, or made up, proves nothing. The endpoint is the
 * SDK's own choice: AWS's, or the one {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} names (LocalStack, the
 * local S3 server), where addressing is path-style, as local S3 servers have no per-bucket host names.
 */
public final class UploadBucket implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final String bucket;
    private final S3Presigner presigner;
    private final S3Client client;

    public UploadBucket(String bucket, boolean pathStyle) {
        this.bucket = requireNonNull(bucket, "bucket");
        S3Configuration addressing =
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        this.presigner = S3Presigner.builder().serviceConfiguration(addressing).build();
        this.client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(addressing)
                .build();
    }

    /** A URL that accepts one PUT of {@code contentType} at {@code key} for {@link #VALIDITY}. */
    public PresignedPut presignPut(String key, String contentType) {
        PresignedPutObjectRequest request = presigner.presignPutObject(presign -> presign.signatureDuration(VALIDITY)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType)));
        return new PresignedPut(request.url().toString(), request.expiration());
    }

    /** The keys among {@code keys} whose objects are in the bucket, in the order given. */
    public Set<String> present(List<String> keys) {
        Set<String> found = new LinkedHashSet<>();
        for (String key : keys) {
            try {
                client.headObject(head -> head.bucket(bucket).key(key));
                found.add(key);
            } catch (SdkServiceException missing) {
                if (missing.statusCode() != 404) {
                    throw missing;
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    public record PresignedPut(String url, Instant expiresAt) {}
}
