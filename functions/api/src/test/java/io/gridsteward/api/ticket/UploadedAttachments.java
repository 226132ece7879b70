package io.gridsteward.api.ticket;

import io.gridsteward.api.core.UploadBucket;
import io.gridsteward.domain.ticket.PhotoKey;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attachments bucket for the function's tests, which run without an S3 server: presigned URLs are the real
 * class's; a test says which keys were uploaded (the end-to-end test against the embedded stack PUTs real photos and
 * HEADs them in S3Proxy).
 */
@Mock
@ApplicationScoped
public class UploadedAttachments extends AttachmentUploads {

    private static final Set<String> UPLOADED = ConcurrentHashMap.newKeySet();

    public UploadedAttachments() {
        super(new UploadBucket("grid-steward-attachments", true));
    }

    public static void upload(String key) {
        UPLOADED.add(key);
    }

    @Override
    public Set<PhotoKey> uploaded(List<PhotoKey> keys) {
        Set<PhotoKey> found = new LinkedHashSet<>();
        keys.stream().filter(key -> UPLOADED.contains(key.value())).forEach(found::add);
        return found;
    }
}
