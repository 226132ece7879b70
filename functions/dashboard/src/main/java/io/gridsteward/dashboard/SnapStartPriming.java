package io.gridsteward.dashboard;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.query.SqlFiles;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: before Lambda snapshots an initialised instance, every SQL file the metrics run is read and the
 * page is asked for through the Lambda HTTP adapter and routing. No metric request is sent: on Athena its query would
 * cost a scan, and the engine's own first query is the one thing a restored instance still does on the caller's time.
 * Outside SnapStart (locally, in tests) nobody takes a checkpoint and nothing runs.
 */
@Startup
@Singleton
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    private static final List<APIGatewayV2HTTPEvent> DRY_REQUESTS = List.of(dryRequest("/", "", null));

    @PostConstruct
    void register() {
        // The global context holds resources weakly; this singleton lives as long as the application.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        List<Integer> statuses = prime();
        LOG.infof("SnapStart priming answered %s", statuses);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {}

    /** Reads every metric's SQL file and the views, then sends the dry requests; returns their statuses. */
    public List<Integer> prime() {
        Arrays.stream(Metric.values()).map(Metric::sqlFile).distinct().forEach(SqlFiles::read);
        SqlFiles.views().forEach(SqlFiles::read);
        LambdaHttpHandler handler = new LambdaHttpHandler();
        return DRY_REQUESTS.stream()
                .map(request -> handler.handleRequest(request, new PrimingContext()))
                .map(APIGatewayV2HTTPResponse::getStatusCode)
                .toList();
    }

    private static APIGatewayV2HTTPEvent dryRequest(String path, String query, Map<String, String> claims) {
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
                .withRouteKey("GET " + path)
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(Map.of("host", "snapstart-priming.local", "accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
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

    /** The Lambda context of a dry request. */
    private static final class PrimingContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "snapstart-priming";
        }

        @Override
        public String getLogGroupName() {
            return "snapstart-priming";
        }

        @Override
        public String getLogStreamName() {
            return "snapstart-priming";
        }

        @Override
        public String getFunctionName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "dashboard");
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
            return 30_000;
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
