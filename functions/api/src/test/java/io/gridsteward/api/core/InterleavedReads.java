package io.gridsteward.api.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client that forwards every call to {@code table}'s and runs {@code afterRead} once each read has answered:
 * a test makes another request commit at exactly that moment, to try every interleaving of two racing requests.
 */
public final class InterleavedReads {

    private static final Set<String> READS = Set.of("getItem", "query", "batchGetItem");

    private InterleavedReads() {}

    public static DynamoDbClient of(DynamoDbClient table, Runnable afterRead) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                (proxy, method, arguments) -> {
                    Object answer;
                    try {
                        answer = method.invoke(table, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                    if (READS.contains(method.getName())) {
                        afterRead.run();
                    }
                    return answer;
                });
    }
}
