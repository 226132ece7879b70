package io.gridsteward.store.core;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The project's DynamoDB emulator in memory, with the contract's table created in it. */
public final class LocalTable implements AutoCloseable {

    public static final String NAME = "grid-steward-test";

    private final DynamoDbEmulator emulator;
    private final DynamoDbClient client;

    private LocalTable(DynamoDbEmulator emulator, DynamoDbClient client) {
        this.emulator = emulator;
        this.client = client;
    }

    public static LocalTable start() {
        DynamoDbEmulator emulator = DynamoDbEmulator.start(0, Optional.empty());
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + emulator.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        client.createTable(TableDefinition.createRequest(NAME));
        return new LocalTable(emulator, client);
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Every item under one partition key, to see exactly what a write left behind. */
    public List<Map<String, AttributeValue>> partition(String partitionKey) {
        return client.query(request -> request.tableName(NAME)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))
                        .consistentRead(true))
                .items();
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
