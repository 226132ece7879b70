package io.gridsteward.analytics.metrics;

/** The calendar periods of the metric files, in the county's time zone; a week starts on Monday. */
public enum Period implements ParameterName {
    DAY,
    WEEK,
    MONTH;
}
