package io.gridsteward.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.query.SqlFiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricQueryTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
    private static final LocalDateTime NOW = LocalDateTime.parse("2026-12-07T17:30:05.250");
    private static final AssessmentRules RULES = AssessmentRules.bundled();

    @Test
    void durationsTakeTheirMeasureFirstAndOtherFilesOnlyTheGrouping() {
        assertThat(new MetricQuery(
                                Metric.TIME_TO_ACCEPT,
                                Dimension.DEPARTMENT,
                                Period.WEEK,
                                FIRST,
                                FIRST.plusDays(6),
                                NOW,
                                RULES)
                        .parameters())
                .containsExactly("time_to_accept", "department", "week", "2026-11-01", "2026-11-07");
        assertThat(new MetricQuery(Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST, NOW, RULES).parameters())
                .containsExactly("grid", "day", "2026-11-01", "2026-11-01");
    }

    @Test
    void filesThatJudgeAsOfNowOrByTheRulesTakeThemAfterTheGrouping() {
        assertThat(new MetricQuery(Metric.OVERDUE_BACKLOG, Dimension.GRID, Period.DAY, FIRST, FIRST, NOW, RULES)
                        .parameters())
                .containsExactly("grid", "day", "2026-11-01", "2026-11-01", "2026-12-07 17:30:05.250");
        assertThat(new MetricQuery(Metric.TICKET_RATES, Dimension.GRID, Period.DAY, FIRST, FIRST, NOW, RULES)
                        .parameters())
                .containsExactly("grid", "day", "2026-11-01", "2026-11-01", 5);
        AssessmentRules rules = new AssessmentRules(
                3, 20, 4, new BigDecimal("0.2"), new BigDecimal("0.5"), new BigDecimal("0.30"), new BigDecimal("0.9"));
        assertThat(new MetricQuery(Metric.ASSESSMENT, Dimension.TOWN, Period.MONTH, FIRST, FIRST, NOW, rules)
                        .parameters())
                .containsExactly(
                        "town",
                        "month",
                        "2026-11-01",
                        "2026-11-01",
                        "2026-12-07 17:30:05.250",
                        3,
                        20,
                        4,
                        "0.2",
                        "0.5",
                        "0.30",
                        "0.9");
    }

    @Test
    void theBundledRulesAreTheFilesDataAndBadRulesAreRefused() {
        assertThat(AssessmentRules.bundled())
                .isEqualTo(new AssessmentRules(
                        5,
                        10,
                        5,
                        new BigDecimal("0.1"),
                        new BigDecimal("0.5"),
                        new BigDecimal("0.4"),
                        new BigDecimal("1")));
        assertThatThrownBy(() -> new AssessmentRules(
                        5, 10, 5, new BigDecimal("0.2"), new BigDecimal("0.5"), new BigDecimal("0.4"), BigDecimal.ONE))
                .hasMessage("the score's weights sum to 1, not 1.1");
        assertThatThrownBy(() -> new AssessmentRules(
                        5, 0, 5, new BigDecimal("0.1"), new BigDecimal("0.5"), new BigDecimal("0.4"), BigDecimal.ONE))
                .hasMessage("minimum-tickets must be at least 1, not 0");
        assertThatThrownBy(() -> new AssessmentRules(
                        5,
                        10,
                        5,
                        new BigDecimal("0.1"),
                        new BigDecimal("0.5"),
                        new BigDecimal("0.4"),
                        new BigDecimal("1.2")))
                .hasMessage("a weight is between 0 and 1, not 1.2");
    }

    @Test
    void everyMetricFileExistsAndHasAsManyPlaceholdersAsItsParameters() {
        for (Metric metric : Metric.values()) {
            String sql = SqlFiles.read(metric.sqlFile());
            long placeholders =
                    sql.chars().filter(character -> character == '?').count();

            assertThat(placeholders)
                    .as(metric.sqlFile())
                    .isEqualTo(new MetricQuery(metric, Dimension.GRID, Period.DAY, FIRST, FIRST, NOW, RULES)
                            .parameters()
                            .size());
            assertThat(sql).as(metric.sqlFile()).contains("AT TIME ZONE '" + MetricQuery.TIME_ZONE.getId() + "'");
        }
    }

    @Test
    void everyDimensionAndPeriodIsNamedInEveryFile() {
        for (Metric metric : Metric.values()) {
            String sql = SqlFiles.read(metric.sqlFile());
            assertThat(metric.dimensions().stream().map(dimension -> "WHEN '" + dimension.parameterName() + "'"))
                    .as(metric.sqlFile())
                    .allMatch(sql::contains);
            assertThat(Arrays.stream(Period.values()).map(period -> "date_trunc('" + period.parameterName() + "'"))
                    .as(metric.sqlFile())
                    .allMatch(sql::contains);
        }
    }

    @Test
    void aReversedOrTooLongRangeIsRefused() {
        assertThatThrownBy(() -> new MetricQuery(
                        Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST.minusDays(1), NOW, RULES))
                .hasMessage("the last day 2026-10-31 is before the first day 2026-11-01");
        assertThatThrownBy(() -> new MetricQuery(
                        Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST.plusDays(1000), NOW, RULES))
                .hasMessage("at most 1000 days at a time, not 1001");
        assertThat(new MetricQuery(Metric.RATINGS, Dimension.GRID, Period.DAY, FIRST, FIRST.plusDays(999), NOW, RULES)
                        .lastDay())
                .isEqualTo(FIRST.plusDays(999));
    }

    @Test
    void parameterNamesAreLowerCaseConstantNames() {
        assertThat(ParameterName.parse(Metric.class, "on_time_rate")).contains(Metric.ON_TIME_RATE);
        assertThat(ParameterName.parse(Metric.class, "ON_TIME_RATE")).isEmpty();
        assertThat(ParameterName.accepted(Period.class)).isEqualTo("day, week, month");
    }
}
