package io.gridsteward.analytics.lake.stream;

/**
 * The count of unreadable stream records as a CloudWatch Embedded Metric Format line: Lambda ships stdout to
 * CloudWatch Logs, which turns the line into the metric {@code GridSteward/Lake UnreadableRecords} (no SDK call, no
 * permission beyond logging). An alarm on it says a record is on its way to the dead-letter queue.
 */
final class UnreadableRecords {

    static final String NAMESPACE = "GridSteward/Lake";
    static final String METRIC = "UnreadableRecords";

    private UnreadableRecords() {}

    static String metricLine(int count, long epochMilliseconds) {
        return "{\"_aws\":{\"Timestamp\":" + epochMilliseconds + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + METRIC + "\",\"Unit\":\"Count\"}]}]},\""
                + METRIC + "\":" + count + "}";
    }
}
