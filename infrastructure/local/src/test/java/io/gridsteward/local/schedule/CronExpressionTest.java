package io.gridsteward.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.local.template.SamTemplate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    @Test
    void theNightlyJobRunsAtItsMinuteOnceADayInUtc() {
        CronExpression nightly =
                CronExpression.fromSchedule("cron(30 1 * * ? *)").orElseThrow();

        assertThat(nightly.nextAfter(Instant.parse("2026-12-07T00:00:00Z")))
                .contains(Instant.parse("2026-12-07T01:30:00Z"));
        assertThat(nightly.nextAfter(Instant.parse("2026-12-07T01:29:59.999Z")))
                .contains(Instant.parse("2026-12-07T01:30:00Z"));
        assertThat(nightly.nextAfter(Instant.parse("2026-12-07T01:30:00Z")))
                .contains(Instant.parse("2026-12-08T01:30:00Z"));
        assertThat(nightly.nextAfter(Instant.parse("2026-12-31T23:59:00Z")))
                .contains(Instant.parse("2027-01-01T01:30:00Z"));
    }

    @Test
    void listsRangesAndIncrements() {
        assertThat(next("0/15 * * * ? *", "2026-12-07T10:07:00Z")).isEqualTo("2026-12-07T10:15:00Z");
        assertThat(next("0/15 * * * ? *", "2026-12-07T10:45:00Z")).isEqualTo("2026-12-07T11:00:00Z");
        assertThat(next("5,35 8-9 * * ? *", "2026-12-07T09:35:00Z")).isEqualTo("2026-12-08T08:05:00Z");
        assertThat(next("0 6-18/6 * * ? *", "2026-12-07T06:00:00Z")).isEqualTo("2026-12-07T12:00:00Z");
        assertThat(next("0 0 1 JAN-MAR/2 ? *", "2026-12-07T00:00:00Z")).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(next("0 0 1 JAN-MAR/2 ? *", "2027-01-01T00:00:00Z")).isEqualTo("2027-03-01T00:00:00Z");
    }

    @Test
    void daysOfTheWeekStartOnSunday() {
        // 2026-12-04 is a Friday: the next weekday morning is Monday the 7th.
        assertThat(next("0 8 ? * MON-FRI *", "2026-12-04T09:00:00Z")).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(next("0 8 ? * 2-6 *", "2026-12-04T09:00:00Z")).isEqualTo("2026-12-07T08:00:00Z");
        assertThat(next("0 8 ? * 1 *", "2026-12-04T09:00:00Z")).isEqualTo("2026-12-06T08:00:00Z");
        assertThat(next("0 8 ? * SAT *", "2026-12-04T09:00:00Z")).isEqualTo("2026-12-05T08:00:00Z");
    }

    @Test
    void lastDaysNearestWeekdaysAndNthWeekdays() {
        assertThat(next("0 12 L * ? *", "2028-02-01T00:00:00Z")).isEqualTo("2028-02-29T12:00:00Z");
        assertThat(next("0 12 L * ? *", "2027-02-01T00:00:00Z")).isEqualTo("2027-02-28T12:00:00Z");
        assertThat(next("0 12 L-2 * ? *", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-29T12:00:00Z");
        // The 15th of August 2026 is a Saturday: Friday the 14th; the 1st of May 2027 a Saturday: Monday the 3rd, in
        // May;
        // the 31st of May 2026 a Sunday and the month's last day: Friday the 29th.
        assertThat(next("0 0 15W * ? *", "2026-08-01T00:00:00Z")).isEqualTo("2026-08-14T00:00:00Z");
        assertThat(next("0 0 1W * ? *", "2027-04-30T00:00:00Z")).isEqualTo("2027-05-03T00:00:00Z");
        assertThat(next("0 0 31W * ? *", "2026-05-01T00:00:00Z")).isEqualTo("2026-05-29T00:00:00Z");
        // December 2026: Fridays 4, 11, 18, 25; Tuesdays 1, 8.
        assertThat(next("0 0 ? * 6L *", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-25T00:00:00Z");
        assertThat(next("0 0 ? * 3#2 *", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-08T00:00:00Z");
        assertThat(next("0 0 ? * TUE#1 *", "2026-12-01T00:00:00Z")).isEqualTo("2027-01-05T00:00:00Z");
    }

    @Test
    void yearsBoundTheFiringsAndAPastYearNeverFires() {
        assertThat(next("0 0 1 1 ? 2027-2028", "2026-12-07T00:00:00Z")).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(next("0 0 1 1 ? 2027-2028", "2027-01-01T00:00:00Z")).isEqualTo("2028-01-01T00:00:00Z");
        assertThat(CronExpression.parse("0 0 1 1 ? 2027").nextAfter(Instant.parse("2027-01-01T00:00:00Z")))
                .isEmpty();
        // The 30th of February never comes.
        assertThat(CronExpression.parse("0 0 30 2 ? *").nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void whatEventBridgeRefusesIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CronExpression.parse("30 1 * * ?")).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> CronExpression.parse("30 1 * * * *")).hasMessageContaining("'?'");
        assertThatThrownBy(() -> CronExpression.parse("30 1 ? * ? *")).hasMessageContaining("'?'");
        assertThatThrownBy(() -> CronExpression.parse("60 1 * * ? *"))
                .hasMessageContaining("minutes: 60 is outside 0-59");
        assertThatThrownBy(() -> CronExpression.parse("0 24 * * ? *")).hasMessageContaining("hours");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * FOO ? *")).hasMessageContaining("month: 'FOO'");
        assertThatThrownBy(() -> CronExpression.parse("0 0 ? * 8 *")).hasMessageContaining("day-of-week");
        assertThatThrownBy(() -> CronExpression.parse("0 5-1 * * ? *")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> CronExpression.parse("0 0 * * ? 1969")).hasMessageContaining("year");
    }

    @Test
    void rateIsNotCron() {
        assertThat(CronExpression.fromSchedule("rate(5 minutes)")).isEmpty();
    }

    @Test
    void everyCronScheduleOfTheTemplateParsesAndFiresWithinADay() throws Exception {
        List<SamTemplate.ScheduleEvent> crons = SamTemplate.load(Path.of("../../template.yaml")).functions().stream()
                .flatMap(function -> function.schedules().stream())
                .filter(schedule -> schedule.expression().startsWith("cron("))
                .toList();

        assertThat(crons)
                .extracting(SamTemplate.ScheduleEvent::name)
                .contains("LakeMaintenanceFunction-NightlyCompaction", "LakeMaintenanceFunction-NightlyReconciliation");
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        assertThat(crons)
                .allSatisfy(schedule -> assertThat(CronExpression.fromSchedule(schedule.expression())
                                .orElseThrow()
                                .nextAfter(now))
                        .hasValueSatisfying(next -> assertThat(next).isBetween(now, now.plusSeconds(86_400))));
    }

    private static String next(String fields, String after) {
        return CronExpression.parse(fields)
                .nextAfter(Instant.parse(after))
                .orElseThrow()
                .toString();
    }
}
