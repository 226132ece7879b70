package io.gridsteward.api.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.api.core.BucketObjects;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.fund.ReceiptKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Receipts as ticket photos are: a presigned S3 PUT URL for a key issued to one user ({@code receipts/{userId}/...}),
 * and, when a claim cites keys, a HEAD of each, so only keys that were issued and then uploaded count. Outside AWS the
 * endpoint comes from {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} with path-style addressing.
 */
public final class ReceiptUploads implements AutoCloseable {

    public static final Duration VALIDITY = Duration.ofMinutes(15);

    private final S3Presigner presigner;
    private final S3Client client;
    private final String bucket;

    /** The endpoint is the SDK's own choice, as for tickets' photos; path-style when the SDK is pointed away from AWS. */
    public ReceiptUploads(String bucket, boolean pathStyle) {
        this.bucket = requireNonNull(bucket, "bucket");
        S3Configuration addressing =
                S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        this.presigner = S3Presigner.builder().serviceConfiguration(addressing).build();
        this.client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(addressing)
                .build();
    }

    public Upload uploadFor(ReceiptKey key, String contentType) {
        PresignedPutObjectRequest request = presigner.presignPutObject(presign -> presign.signatureDuration(VALIDITY)
                .putObjectRequest(put -> put.bucket(bucket).key(key.value()).contentType(contentType)));
        return new Upload(key.value(), request.url().toString(), request.expiration(), contentType);
    }

    /**
     * Refuses, naming {@code receiptKeys[i]}, every key whose object is not in the bucket. Called after the domain
     * checked that the keys were issued to the claimant, and before anything is written.
     */
    public void requireUploaded(List<ReceiptKey> keys, String field) {
        FieldErrors errors = new FieldErrors();
        Set<String> present = BucketObjects.present(
                client, bucket, keys.stream().map(ReceiptKey::value).toList());
        for (int index = 0; index < keys.size(); index++) {
            if (!present.contains(keys.get(index).value())) {
                errors.add(field + "[" + index + "]", "was issued but nothing was uploaded to it");
            }
        }
        errors.throwIfAny();
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    public record Upload(String objectKey, String uploadUrl, Instant expiresAt, String contentType) {}
}
