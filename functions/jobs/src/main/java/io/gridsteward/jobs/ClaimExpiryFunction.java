package io.gridsteward.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The scheduled fund claim expiry (EventBridge, the same package as the SLA sweeper with {@code QUARKUS_LAMBDA_HANDLER}
 * set to {@value #NAME}): one pass per invocation.
 */
@Named(ClaimExpiryFunction.NAME)
public class ClaimExpiryFunction implements RequestHandler<Map<String, Object>, ClaimExpiry.Result> {

    public static final String NAME = "claim-expiry";
    private static final Logger LOG = Logger.getLogger(ClaimExpiryFunction.class);

    private final ClaimExpiry claimExpiry;
    private final Clock clock;

    @Inject
    ClaimExpiryFunction(ClaimExpiry claimExpiry, Clock clock) {
        this.claimExpiry = claimExpiry;
        this.clock = clock;
    }

    @Override
    public ClaimExpiry.Result handleRequest(Map<String, Object> event, Context context) {
        ClaimExpiry.Result result = claimExpiry.run(clock.instant());
        LOG.infof(
                "claim expiry: %d past their expiry, %d expired, %d decided already",
                result.found(), result.expired(), result.alreadyDecided());
        return result;
    }
}
