package io.gridsteward.dashboard;

import java.time.Instant;
import java.util.List;

/** The response-times dashboard: time to dispatch per grid of {@code scope}, exact nearest-rank percentiles. */
public record ResponseTimes(String metric, String scope, List<GridResponseTime> rows, Instant computedAt) {

    public static final String METRIC = "time_to_dispatch";

    public record GridResponseTime(String gridId, long tickets, double medianSeconds, double p90Seconds) {
    }
}
