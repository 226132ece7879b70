package io.gridsteward.api.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.fund.ReceiptKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Receipts as ticket photos are: a presigned S3 PUT URL for a key issued to one user ({@code receipts/{userId}/...}),
 * and, when a claim cites keys, a HEAD of each, so only keys that were issued and then uploaded count.
 */
public final class ReceiptUploads {

    private final UploadBucket bucket;

    public ReceiptUploads(UploadBucket bucket) {
        this.bucket = requireNonNull(bucket, "bucket");
    }

    public Upload uploadFor(ReceiptKey key, String contentType) {
        UploadBucket.PresignedPut put = bucket.presignPut(key.value(), contentType);
        return new Upload(key.value(), put.url(), put.expiresAt(), contentType);
    }

    /**
     * Refuses, naming {@code receiptKeys[i]}, every key whose object is not in the bucket. Called after the domain
     * checked that the keys were issued to the claimant, and before anything is written.
     */
    public void requireUploaded(List<ReceiptKey> keys, String field) {
        FieldErrors errors = new FieldErrors();
        Set<String> present =
                bucket.present(keys.stream().map(ReceiptKey::value).toList());
        for (int index = 0; index < keys.size(); index++) {
            if (!present.contains(keys.get(index).value())) {
                errors.add(field + "[" + index + "]", "was issued but nothing was uploaded to it");
            }
        }
        errors.throwIfAny();
    }

    public record Upload(String objectKey, String uploadUrl, Instant expiresAt, String contentType) {}
}
