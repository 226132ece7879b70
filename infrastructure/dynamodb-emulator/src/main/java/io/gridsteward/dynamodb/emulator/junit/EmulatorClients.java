package io.gridsteward.dynamodb.emulator.junit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * SDK v2 clients pointed at an emulator: region us-east-1, dummy static credentials, and the SDK's Apache HTTP client
 * when it is on the class path (with commons-logging or its JBoss bridge), otherwise the URL-connection client. The
 * Apache client is an order of magnitude quicker per call here; the JDK's HttpURLConnection under the other one costs
 * milliseconds. Needs {@code software.amazon.awssdk:dynamodb} and one of the two HTTP clients on the caller's class path.
 */
public final class EmulatorClients {
    private static final boolean APACHE_AVAILABLE = present("software.amazon.awssdk.http.apache.ApacheHttpClient")
            && present("org.apache.commons.logging.LogFactory");

    private EmulatorClients() {}

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return dynamoDb(endpoint, credentials(), Region.US_EAST_1);
    }

    public static DynamoDbStreamsClient dynamoDbStreams(URI endpoint) {
        return dynamoDbStreams(endpoint, credentials(), Region.US_EAST_1);
    }

    /** For another server than the emulator: the SDK's default credentials and region chains (us-east-1 failing a region). */
    public static DynamoDbClient dynamoDbWithDefaultCredentials(URI endpoint) {
        return dynamoDb(endpoint, DefaultCredentialsProvider.builder().build(), defaultRegion());
    }

    public static DynamoDbStreamsClient dynamoDbStreamsWithDefaultCredentials(URI endpoint) {
        return dynamoDbStreams(endpoint, DefaultCredentialsProvider.builder().build(), defaultRegion());
    }

    private static DynamoDbClient dynamoDb(URI endpoint, AwsCredentialsProvider credentials, Region region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient())
                .build();
    }

    private static DynamoDbStreamsClient dynamoDbStreams(
            URI endpoint, AwsCredentialsProvider credentials, Region region) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient())
                .build();
    }

    private static Region defaultRegion() {
        String configured = System.getenv("AWS_REGION");
        return configured == null || configured.isBlank() ? Region.US_EAST_1 : Region.of(configured);
    }

    private static SdkHttpClient httpClient() {
        return APACHE_AVAILABLE ? apache() : UrlConnectionHttpClient.create();
    }

    /** Its own method, so that the Apache classes are loaded only when they are there. */
    private static SdkHttpClient apache() {
        return ApacheHttpClient.builder().maxConnections(64).build();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, EmulatorClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"));
    }
}
