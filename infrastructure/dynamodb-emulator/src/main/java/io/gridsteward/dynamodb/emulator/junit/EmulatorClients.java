package io.gridsteward.dynamodb.emulator.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;

/**
 * SDK v2 clients pointed at an emulator: region us-east-1, dummy static credentials, the URL-connection HTTP client.
 * Needs {@code software.amazon.awssdk:dynamodb} and {@code url-connection-client} on the caller's class path.
 */
public final class EmulatorClients
{
    private EmulatorClients() {}

    public static DynamoDbClient dynamoDb(URI endpoint)
    {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static DynamoDbStreamsClient dynamoDbStreams(URI endpoint)
    {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static StaticCredentialsProvider credentials()
    {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"));
    }
}
