package io.gridsteward.analytics.lake;

import java.util.Optional;
import java.util.stream.Stream;

/** How the functions' S3 clients address buckets when nothing says otherwise. */
public final class S3Addressing {

    private S3Addressing() {}

    /**
     * Path-style addressing is on when the SDK is pointed at another S3 endpoint ({@code AWS_ENDPOINT_URL_S3},
     * {@code AWS_ENDPOINT_URL}, or their system-property twins): local S3 servers such as S3Proxy have no
     * per-bucket host names. On AWS it stays off (virtual-hosted style).
     */
    public static boolean pathStyleByDefault() {
        return Stream.of(
                        Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL_S3")),
                        Optional.ofNullable(System.getProperty("aws.endpointUrlS3")),
                        Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")),
                        Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .flatMap(Optional::stream)
                .anyMatch(value -> !value.isBlank());
    }
}
