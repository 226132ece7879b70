package io.gridsteward.store.core;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The production client. No endpoint override: the SDK itself reads {@code AWS_ENDPOINT_URL_DYNAMODB} (or the
 * system property {@code aws.endpointUrlDynamoDb}, or {@code AWS_ENDPOINT_URL}), so the same function talks to
 * AWS, LocalStack or the local emulator unchanged. Region and credentials come from the default chains.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {}

    public static DynamoDbClient fromEnvironment() {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
