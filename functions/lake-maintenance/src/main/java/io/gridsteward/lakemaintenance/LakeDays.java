package io.gridsteward.lakemaintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** Days from {@code first} to {@code last}, both included, in UTC (the lake's {@code dt}). */
public record LakeDays(LocalDate first, LocalDate last) {

    public LakeDays {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a period ends on or after its first day: " + first + " to " + last);
        }
    }

    /** The {@code dt} values of the period, oldest first. */
    public List<String> days() {
        return first.datesUntil(last.plusDays(1)).map(LocalDate::toString).toList();
    }

    public Instant start() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The {@code days} days before the given day, not including it: what a nightly job looks back over. */
    public static LakeDays daysBefore(LocalDate day, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("look back at least one day, not " + days);
        }
        return new LakeDays(day.minusDays(days), day.minusDays(1));
    }
}
