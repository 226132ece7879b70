package io.gridsteward.api.resource;

import io.gridsteward.domain.resource.EvidenceKey;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attachments bucket for the function's tests, which run without an S3 server: a test says which keys were
 * uploaded; presigned URLs are made up (the end-to-end test against the embedded stack PUTs real ones).
 */
@Mock
@ApplicationScoped
public class UploadedEvidence extends EvidenceBucket {

    private static final Set<String> UPLOADED = ConcurrentHashMap.newKeySet();

    public static void upload(String key) {
        UPLOADED.add(key);
    }

    @Override
    public Upload uploadFor(EvidenceKey key, String contentType) {
        return new Upload(
                key, "http://attachments.invalid/" + key.value(), Instant.parse("2030-01-01T00:00:00Z"), contentType);
    }

    @Override
    public Set<EvidenceKey> uploaded(List<EvidenceKey> keys) {
        Set<EvidenceKey> found = new LinkedHashSet<>();
        keys.stream().filter(key -> UPLOADED.contains(key.value())).forEach(found::add);
        return found;
    }
}
