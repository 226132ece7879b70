package io.gridsteward.api.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.http.DryRequests;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: before Lambda snapshots an initialised instance, dry requests go through the whole path a
 * caller's request takes (the Lambda HTTP adapter, routing, the request log, the caller's claims, the ticket store,
 * the DynamoDB client's marshalling, signing and HTTP client, Jackson, a problem+json answer), the OpenAPI
 * document is generated once and the attachments bucket's S3 presigner and client are built, so a restored instance answers its first request
 * with that code loaded, initialised and run. The ticket read asks for an id that cannot exist: nothing is written.
 * Outside SnapStart (locally, in tests) nobody takes a checkpoint and nothing runs.
 */
@Startup
@Singleton
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);
    /** A resident (no organisation to look up) reading a ticket id no intake ever makes (ids are UUIDs): a 404 after the read. */
    private static final List<APIGatewayV2HTTPEvent> DRY_REQUESTS = List.of(
            DryRequests.get(
                    "ANY /v1/{proxy+}",
                    "/v1/tickets/snapstart-priming",
                    "",
                    Map.of(CallerClaims.USER_ID, "snapstart-priming", CallerClaims.ROLE, "RESIDENT")),
            DryRequests.get("ANY /v1/{proxy+}", "/v1/openapi", "", null));

    private final UploadBucket uploads;

    SnapStartPriming(UploadBucket uploads) {
        this.uploads = uploads;
    }

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

    /** Sends the dry requests through the function's HTTP handler and builds the upload clients; returns the statuses. */
    public List<Integer> prime() {
        uploads.prepare();
        return DryRequests.send(DRY_REQUESTS, "api", 20_000);
    }
}
