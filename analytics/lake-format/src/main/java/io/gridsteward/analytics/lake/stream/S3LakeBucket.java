package io.gridsteward.analytics.lake.stream;

import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The lake bucket through the S3 API. */
public final class S3LakeBucket implements LakeBucket {

    private static final String PARQUET = "application/vnd.apache.parquet";

    private final S3Client s3;
    private final String bucket;

    public S3LakeBucket(S3Client s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    @Override
    public void put(String key, byte[] body) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(PARQUET).build(), RequestBody.fromBytes(body));
    }
}
