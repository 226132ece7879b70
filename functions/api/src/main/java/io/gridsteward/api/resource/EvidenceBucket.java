package io.gridsteward.api.resource;

import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.resource.EvidenceKey;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Photos of projects' completion in the attachments bucket: presigned PUT URLs for the owner's phone, and whether a
 * key was uploaded (a HEAD per cited key, at most nine) before a completion may cite it.
 */
public class EvidenceBucket {

    private final UploadBucket bucket;

    public EvidenceBucket(UploadBucket bucket) {
        this.bucket = bucket;
    }

    /** For tests that decide what counts as uploaded without a bucket. */
    protected EvidenceBucket() {
        this.bucket = null;
    }

    public Upload uploadFor(EvidenceKey key, String contentType) {
        UploadBucket.PresignedPut put = bucket.presignPut(key.value(), contentType);
        return new Upload(key, put.url(), put.expiresAt(), contentType);
    }

    /** The keys among {@code keys} whose objects exist in the bucket. */
    public Set<EvidenceKey> uploaded(List<EvidenceKey> keys) {
        Set<String> present =
                bucket.present(keys.stream().map(EvidenceKey::value).toList());
        Set<EvidenceKey> found = new LinkedHashSet<>();
        keys.stream().filter(key -> present.contains(key.value())).forEach(found::add);
        return found;
    }

    public record Upload(EvidenceKey key, String url, Instant expiresAt, String contentType) {}
}
