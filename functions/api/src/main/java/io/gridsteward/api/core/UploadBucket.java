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
 *
 * <p>The presigner and the client are built on first use: most requests (an intake among them) never upload, and building
 * them (the S3 model, its endpoint rules and signer) took 5% of the processor time to a first intake. SnapStart priming builds
 * them before the snapshot ({@link #prepare()}).
 */
public final class UploadBucket implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final String bucket;
    private final boolean pathStyle;
    private S3Presigner presigner;
    private S3Client client;

    public UploadBucket(String bucket, boolean pathStyle) {
        this.bucket = requireNonNull(bucket, "bucket");
        this.pathStyle = pathStyle;
    }

    /** Builds the presigner and the client now rather than on the first upload. */
    public void prepare() {
        presigner();
        client();
    }

    private synchronized S3Presigner presigner() {
        if (presigner == null) {
            presigner = S3Presigner.builder().serviceConfiguration(addressing()).build();
        }
        return presigner;
    }

    private synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .serviceConfiguration(addressing())
                    .build();
        }
        return client;
    }

    private S3Configuration addressing() {
        return S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
    }

    /** A URL that accepts one PUT of {@code contentType} at {@code key} for {@link #VALIDITY}. */
    public PresignedPut presignPut(String key, String contentType) {
        PresignedPutObjectRequest request = presigner()
                .presignPutObject(presign -> presign.signatureDuration(VALIDITY)
                        .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType)));
        return new PresignedPut(request.url().toString(), request.expiration());
    }

    /** The keys among {@code keys} whose objects are in the bucket, in the order given. */
    public Set<String> present(List<String> keys) {
        Set<String> found = new LinkedHashSet<>();
        for (String key : keys) {
            try {
                client().headObject(head -> head.bucket(bucket).key(key));
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
    public synchronized void close() {
        if (presigner != null) {
            presigner.close();
        }
        if (client != null) {
            client.close();
        }
    }

    public record PresignedPut(String url, Instant expiresAt) {}
}
