package io.gridsteward.dashboard;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.analytics.metrics.Metric;
import io.gridsteward.analytics.query.SqlFiles;
import io.gridsteward.http.DryRequests;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
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
    private static final List<APIGatewayV2HTTPEvent> DRY_REQUESTS = List.of(DryRequests.get("GET /", "/", "", null));

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
        return DryRequests.send(DRY_REQUESTS, "dashboard", 30_000);
    }
}
