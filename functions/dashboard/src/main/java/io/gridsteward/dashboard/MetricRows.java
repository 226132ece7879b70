package io.gridsteward.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One metric's rows as JSON: per dimension value and period start (a local date in {@code timeZone}), the
 * file's columns in camelCase ({@code medianSeconds}, {@code onTimeRate}, …). {@code exact} is false only for
 * a metric computed with an approximate function (none is, today). {@code computedAt} is when the engine ran the
 * query; {@code cached} says the answer came from the dashboard's short-lived cache.
 */
public record MetricRows(
        String metric,
        String dimension,
        String period,
        LocalDate from,
        LocalDate to,
        String timeZone,
        boolean exact,
        List<Map<String, Object>> rows,
        Instant computedAt,
        boolean cached) {
}
