package io.gridsteward.api.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client that forwards every call to {@code table}'s and runs {@code afterRead} once each read has answered:
 * a test makes another request commit at exactly that moment, to try every interleaving of two racing requests.
 */
public final class InterleavedReads {

    private static final Set<String> READS = Set.of("getItem", "query", "batchGetItem");

    private InterleavedReads() {}

    /** A JSON request with an Idempotency-Key, by a caller with these verified claims, for a resource called directly. */
    public static APIGatewayV2HTTPEvent keyedRequest(Map<String, String> claims, String idempotencyKey) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(context);
        event.setHeaders(Map.of("content-type", "application/json", "idempotency-key", idempotencyKey));
        return event;
    }

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
