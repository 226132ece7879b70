package io.gridsteward.api.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.ticket.PhotoKey;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tickets' photos in the attachments bucket: the client uploads straight to it through a presigned URL, the ticket keeps
 * only the object key; a resolution's keys count once their objects are there.
 */
public class AttachmentUploads {

    private final UploadBucket bucket;

    public AttachmentUploads(UploadBucket bucket) {
        this.bucket = requireNonNull(bucket, "bucket");
    }

    /** A URL that accepts one PUT of {@code contentType} at {@code key} until {@link Upload#expiresAt()}. */
    public Upload uploadFor(PhotoKey key, String contentType) {
        UploadBucket.PresignedPut put = bucket.presignPut(key.value(), contentType);
        return new Upload(key, put.url(), put.expiresAt(), contentType);
    }

    /** The keys among {@code keys} whose objects are in the bucket. */
    public Set<PhotoKey> uploaded(List<PhotoKey> keys) {
        Set<String> present = bucket.present(keys.stream().map(PhotoKey::value).toList());
        Set<PhotoKey> found = new LinkedHashSet<>();
        keys.stream().filter(key -> present.contains(key.value())).forEach(found::add);
        return found;
    }

    public record Upload(PhotoKey key, String url, Instant expiresAt, String contentType) {}
}
