package io.gridsteward.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One metric's rows as JSON: per dimension value and period start (a local date in {@code timeZone}), the
 * file's columns in camelCase ({@code medianSeconds}, {@code onTimeRate}, …). {@code exact} is false only for
 * a metric computed with an approximate function (none is, today). {@code scope} is the organisation the rows lie in (the
 * one asked for, or the caller's own): rows about organisations outside it are not in the answer. {@code computedAt} is when the engine ran the
 * query; {@code cached} says the answer came from the dashboard's short-lived cache.
 */
public record MetricRows(
        String metric,
        String dimension,
        String period,
        LocalDate from,
        LocalDate to,
        String scope,
        String timeZone,
        boolean exact,
        List<Map<String, Object>> rows,
        Instant computedAt,
        boolean cached) {}
