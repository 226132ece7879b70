package io.gridsteward.lakemaintenance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The scheduled function: template.yaml's two EventBridge schedules send {@code {"job":"compaction"}} and
 * {@code {"job":"reconciliation"}}; an optional {@code "from"}/{@code "to"} (yyyy-MM-dd) names the days, otherwise
 * it is the {@code MAINTENANCE_LOOKBACK_DAYS} days before today (UTC). A reconciliation that finds a difference logs
 * it at ERROR with the ids and answers {@code consistent: false}.
 */
@Named(LakeMaintenanceFunction.NAME)
public class LakeMaintenanceFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String NAME = "lake-maintenance";
    private static final Logger LOG = Logger.getLogger(LakeMaintenanceFunction.class);

    private final LakeMaintenance maintenance;
    private final Clock clock;
    private final MaintenanceConfiguration settings;

    @Inject
    LakeMaintenanceFunction(LakeMaintenance maintenance, Clock clock, MaintenanceConfiguration settings) {
        this.maintenance = maintenance;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LakeDays period = period(event);
        Object job = event == null ? null : event.get("job");
        if ("compaction".equals(job)) {
            var days = maintenance.compact(period);
            MaintenanceReports.lines(days).forEach(line -> LOG.info(line));
            return MaintenanceReports.summary(days);
        }
        if ("reconciliation".equals(job)) {
            Reconciliation.Report report = maintenance.reconcile(period);
            MaintenanceReports.lines(report).forEach(line -> {
                if (report.consistent()) {
                    LOG.info(line);
                } else {
                    LOG.error(line);
                }
            });
            return MaintenanceReports.summary(report);
        }
        throw new IllegalArgumentException(
                "the event names no job (\"job\": \"compaction\" or \"reconciliation\"): " + event);
    }

    private LakeDays period(Map<String, Object> event) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LakeDays lookback = LakeDays.daysBefore(today, settings.lookbackDays());
        if (event == null || event.get("from") == null) {
            return lookback;
        }
        LocalDate from = LocalDate.parse(event.get("from").toString());
        return new LakeDays(
                from,
                event.get("to") == null ? from : LocalDate.parse(event.get("to").toString()));
    }
}
