package io.gridsteward.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The scheduled auto check-out (EventBridge, the same package as the SLA sweeper with {@code QUARKUS_LAMBDA_HANDLER}
 * set to {@value #NAME}): one pass per invocation.
 */
@Named(AutoCheckOutFunction.NAME)
public class AutoCheckOutFunction implements RequestHandler<Map<String, Object>, AutoCheckOut.Result> {

    public static final String NAME = "auto-check-out";
    private static final Logger LOG = Logger.getLogger(AutoCheckOutFunction.class);

    private final AutoCheckOut autoCheckOut;
    private final Clock clock;

    @Inject
    AutoCheckOutFunction(AutoCheckOut autoCheckOut, Clock clock) {
        this.autoCheckOut = autoCheckOut;
        this.clock = clock;
    }

    @Override
    public AutoCheckOut.Result handleRequest(Map<String, Object> event, Context context) {
        AutoCheckOut.Result result = autoCheckOut.run(clock.instant());
        LOG.infof(
                "auto check-out: %d open past their end, %d closed, %d closed already",
                result.found(), result.closed(), result.alreadyClosed());
        return result;
    }
}
