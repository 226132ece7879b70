package io.gridsteward.lakewriter;

import io.gridsteward.analytics.testing.S3ProxyServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An S3Proxy for the function under test, reached the way the deployed function reaches S3: through the SDK's
 * standard settings (the system-property twins of AWS_ENDPOINT_URL_S3, AWS_REQUEST_CHECKSUM_CALCULATION, ...).
 */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "lake-writer-test";

    static S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET).close();
        System.setProperty("aws.endpointUrlS3", server.endpoint().toString());
        System.setProperty("aws.requestChecksumCalculation", "when_required");
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        return Map.of("lake.bucket", BUCKET);
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (Exception exception) {
            throw new IllegalStateException("S3Proxy did not stop", exception);
        }
    }
}
