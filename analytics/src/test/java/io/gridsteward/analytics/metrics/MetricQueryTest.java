package io.gridsteward.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.query.SqlFiles;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricQueryTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-11-01");

    @Test
    void durationsTakeTheirMeasureFirstAndOtherFilesOnlyTheGrouping() {
        assertThat(new MetricQuery(Metric.TIME_TO_ACCEPT, Dimension.DEPARTMENT, Period.WEEK, FIRST, FIRST.plusDays(6)).parameters())
                .containsExactly("time_to_accept", "department", "week", "2026-11-01", "2026-11-07");
        assertThat(new MetricQuery(Metric.OVERDUE_BACKLOG, Dimension.GRID, Period.DAY, FIRST, FIRST).parameters())
                .containsExactly("grid", "day", "2026-11-01", "2026-11-01");
    }

    @Test
    void everyMetricFileExistsAndHasAsManyPlaceholdersAsItsParameters() {
        for (Metric metric : Metric.values()) {
            String sql = SqlFiles.read(metric.sqlFile());
            long placeholders = sql.chars().filter(character -> character == '?').count();

            assertThat(placeholders).as(metric.sqlFile())
                    .isEqualTo(new MetricQuery(metric, Dimension.GRID, Period.DAY, FIRST, FIRST).parameters().size());
            assertThat(sql).as(metric.sqlFile()).contains("AT TIME ZONE '" + MetricQuery.TIME_ZONE.getId() + "'");
        }
    }

    @Test
    void everyDimensionAndPeriodIsNamedInEveryFile() {
        for (Metric metric : Metric.values()) {
            String sql = SqlFiles.read(metric.sqlFile());
            assertThat(Arrays.stream(Dimension.values()).map(dimension -> "WHEN '" + dimension.parameterName() + "'"))
                    .as(metric.sqlFile()).allMatch(sql::contains);
            assertThat(Arrays.stream(Period.values()).map(period -> "date_trunc('" + period.parameterName() + "'"))
                    .as(metric.sqlFile()).allMatch(sql::contains);
        }
    }

    @Test
    void aReversedOrTooLongRangeIsRefused() {
        assertThatThrownBy(() -> new MetricQuery(Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST.minusDays(1)))
                .hasMessage("the last day 2026-10-31 is before the first day 2026-11-01");
        assertThatThrownBy(() -> new MetricQuery(Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST.plusDays(1000)))
                .hasMessage("at most 1000 days at a time, not 1001");
        assertThat(new MetricQuery(Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST.plusDays(999)).lastDay())
                .isEqualTo(FIRST.plusDays(999));
    }

    @Test
    void parameterNamesAreLowerCaseConstantNames() {
        assertThat(ParameterName.parse(Metric.class, "on_time_rate")).contains(Metric.ON_TIME_RATE);
        assertThat(ParameterName.parse(Metric.class, "ON_TIME_RATE")).isEmpty();
        assertThat(ParameterName.accepted(Period.class)).isEqualTo("day, week, month");
    }
}
