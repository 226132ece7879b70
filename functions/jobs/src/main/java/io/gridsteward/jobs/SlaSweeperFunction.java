package io.gridsteward.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The scheduled function (EventBridge {@code rate(5 minutes)} in template.yaml): one SLA sweep per invocation. The
 * event's content does not matter, so it is read as a plain map rather than a typed ScheduledEvent.
 */
@Named(SlaSweeperFunction.NAME)
public class SlaSweeperFunction implements RequestHandler<Map<String, Object>, SlaSweep.SweepResult> {

    public static final String NAME = "sla-sweeper";
    private static final Logger LOG = Logger.getLogger(SlaSweeperFunction.class);

    private final SlaSweep sweep;
    private final Clock clock;

    @Inject
    SlaSweeperFunction(SlaSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Override
    public SlaSweep.SweepResult handleRequest(Map<String, Object> event, Context context) {
        SlaSweep.SweepResult result = sweep.sweep(clock.instant());
        LOG.infof(
                "SLA sweep: %d overdue found, %d escalated, %d flagged at the town, %d already handled",
                result.found(), result.escalated(), result.flagged(), result.alreadyHandled());
        return result;
    }
}
