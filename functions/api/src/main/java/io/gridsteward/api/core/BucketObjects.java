package io.gridsteward.api.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which cited object keys were uploaded: a HEAD per key (a handful at most). Every context that takes photos or receipts
 * through presigned URLs counts a key only when its object is in the bucket, so a key that was issued but never used,
 * or made up, proves nothing.
 */
public final class BucketObjects {

    private BucketObjects() {}

    /** The keys among {@code keys} whose objects exist in {@code bucket}, in the order given. */
    public static Set<String> present(S3Client client, String bucket, List<String> keys) {
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
}
