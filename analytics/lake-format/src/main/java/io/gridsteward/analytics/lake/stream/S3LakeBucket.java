package io.gridsteward.analytics.lake.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The lake bucket through the S3 API (ListObjectsV2, GetObject, PutObject, DeleteObject). */
public final class S3LakeBucket implements LakeBucket {

    private static final String PARQUET = "application/vnd.apache.parquet";

    private final S3Client s3;
    private final String bucket;

    public S3LakeBucket(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public List<LakeObject> list(String prefix) {
        List<LakeObject> objects = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            objects.add(new LakeObject(object.key(), object.size()));
        }
        return objects;
    }

    @Override
    public byte[] get(String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
    }

    @Override
    public void put(String key, byte[] body) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(PARQUET), RequestBody.fromBytes(body));
    }

    @Override
    public void delete(Collection<String> keys) {
        // One DeleteObject per key: a day has hundreds of objects at most, and every S3 server accepts it
        // (DeleteObjects needs a Content-MD5 that not every local S3 server checks the same way).
        for (String key : keys) {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        }
    }
}
