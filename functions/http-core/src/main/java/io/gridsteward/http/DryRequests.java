package io.gridsteward.http;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The requests a function sends itself when SnapStart priming runs: API Gateway payload 2.0 events, as the HTTP API
 * hands a caller's request over, sent through the Lambda HTTP adapter in a Lambda context of their own.
 */
public final class DryRequests {

    private static final Logger LOG = Logger.getLogger(DryRequests.class);
    private static final String NAME = "snapstart-priming";

    private DryRequests() {}

    /** A GET of {@code path} on {@code routeKey}, signed in with {@code claims} (none when null). */
    public static APIGatewayV2HTTPEvent get(String routeKey, String path, String query, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null
                ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(claims)
                                .build())
                        .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(Map.of("host", NAME + ".local", "accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(NAME)
                        .withAuthorizer(authorizer)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * Sends the requests through the function's HTTP handler, in the context of the function {@code functionName}
     * (Lambda's own name when it runs there) with {@code remainingMillis} left; returns their statuses.
     */
    public static List<Integer> send(List<APIGatewayV2HTTPEvent> requests, String functionName, int remainingMillis) {
        LambdaHttpHandler handler = new LambdaHttpHandler();
        return requests.stream()
                .map(request -> handler.handleRequest(request, new PrimingContext(functionName, remainingMillis)))
                .map(APIGatewayV2HTTPResponse::getStatusCode)
                .toList();
    }

    /** The Lambda context of a dry request: a request log reads its id. */
    private record PrimingContext(String functionName, int remainingMillis) implements Context {
        @Override
        public String getAwsRequestId() {
            return NAME;
        }

        @Override
        public String getLogGroupName() {
            return NAME;
        }

        @Override
        public String getLogStreamName() {
            return NAME;
        }

        @Override
        public String getFunctionName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", functionName);
        }

        @Override
        public String getFunctionVersion() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        }

        @Override
        public String getInvokedFunctionArn() {
            return "";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return remainingMillis;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    LOG.info(message);
                }

                @Override
                public void log(byte[] message) {
                    LOG.info(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
