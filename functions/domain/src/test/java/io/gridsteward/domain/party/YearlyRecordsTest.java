package io.gridsteward.domain.party;

import static io.gridsteward.domain.party.PartyFixture.MEMBER;
import static io.gridsteward.domain.party.PartyFixture.RIVER;
import static io.gridsteward.domain.party.PartyFixture.RIVER_ONE;
import static io.gridsteward.domain.party.PartyFixture.RULES;
import static io.gridsteward.domain.party.PartyFixture.SCHOOL;
import static io.gridsteward.domain.party.PartyFixture.SECRETARY;
import static io.gridsteward.domain.party.PartyFixture.inService;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class YearlyRecordsTest {

    private final YearlyRecords records = new YearlyRecords(RULES);
    private final Instant reportedIn = Instant.parse("2026-01-10T02:00:00Z");
    private final EnrolmentChange reported =
            Enrolment.reportIn(new EnrolleeId("member-1"), inService(), RIVER, MEMBER, reportedIn);
    private final EnrolmentChange confirmed =
            reported.enrolment().confirm(Optional.of(RIVER_ONE), SECRETARY, reportedIn.plusSeconds(3600));

    @Test
    void pointsAreCappedPerKindAndTheTargetCountsCertifiedOverCredited() {
        List<Attendance> attendances = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            attendances.add(attendance(
                    ActivityKind.PATROL,
                    Instant.parse("2026-02-01T01:00:00Z").plusSeconds(86_400L * index),
                    180,
                    OptionalLong.empty()));
        }
        attendances.add(
                attendance(ActivityKind.MEETING, Instant.parse("2026-03-01T01:00:00Z"), 0, OptionalLong.of(180)));
        attendances.add(
                attendance(ActivityKind.SERVICE, Instant.parse("2026-04-01T01:00:00Z"), 180, OptionalLong.of(0)));
        // Starts on 1 January 2027 at 07:00 in Shanghai, the previous day in UTC: belongs to 2027.
        attendances.add(
                attendance(ActivityKind.SERVICE, Instant.parse("2026-12-31T23:00:00Z"), 180, OptionalLong.empty()));

        MemberYear year = records.member(
                2026,
                confirmed.enrolment(),
                List.of(reported.event(), confirmed.event()),
                attendances,
                Instant.parse("2026-12-31T15:59:59Z"));

        assertThat(year.creditedMinutes()).isEqualTo(9 * 180);
        assertThat(year.certifiedMinutes()).isEqualTo(180);
        assertThat(year.countedMinutes()).isEqualTo(9 * 180);
        assertThat(year.activitiesAttended()).isEqualTo(9);
        assertThat(year.pointsByKind())
                .containsEntry(ActivityKind.PATROL, 24)
                .containsEntry(ActivityKind.MEETING, 3)
                .doesNotContainKey(ActivityKind.SERVICE);
        assertThat(year.points()).isEqualTo(27);
        assertThat(year.targetMet()).as("27 h of 50").isFalse();
        assertThat(year.passMarkMet()).isFalse();
    }

    @Test
    void aMemberWhoMissedAHalfYearsReportCannotBeRatedQualified() {
        List<EnrolmentEvent> history = List.of(reported.event(), confirmed.event());
        // The first half-year ends at midnight of 30 June in Shanghai (16:00 UTC): not yet due a second before.
        MemberYear beforeDeadline =
                records.member(2026, confirmed.enrolment(), history, List.of(), Instant.parse("2026-06-30T15:59:59Z"));
        assertThat(beforeDeadline.reportPeriodsDue()).isZero();
        assertThat(beforeDeadline.mayBeRatedQualified()).isTrue();

        MemberYear yearEnd =
                records.member(2026, confirmed.enrolment(), history, List.of(), Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(yearEnd.reportPeriodsDue()).isEqualTo(2);
        assertThat(yearEnd.reportPeriodsMet()).isEqualTo(1);
        assertThat(yearEnd.mayBeRatedQualified()).isFalse();

        EnrolmentChange renewed = confirmed.enrolment().renew(MEMBER, Instant.parse("2026-09-01T02:00:00Z"));
        MemberYear renewedYear = records.member(
                2026,
                renewed.enrolment(),
                List.of(reported.event(), confirmed.event(), renewed.event()),
                List.of(),
                Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(renewedYear.reportInCompliant()).isTrue();
        assertThat(renewedYear.mayBeRatedQualified()).isTrue();
    }

    @Test
    void aUnitLosesEligibilityUnderTheThreshold() {
        MemberYear met = memberYear("m-1", true, true);
        MemberYear missed = memberYear("m-2", true, false);
        UnitYear unit = records.unit(2026, SCHOOL, true, List.of(met, missed, memberYear("m-3", false, false)));
        assertThat(unit.members()).isEqualTo(2);
        assertThat(unit.reportRate()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(unit.completionRate()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(unit.eligibleForAssessment()).isFalse();
        assertThat(records.unit(2026, SCHOOL, true, List.of(met)).eligibleForAssessment())
                .isTrue();
        assertThat(records.unit(2026, SCHOOL, false, List.of(met)).eligibleForAssessment())
                .isFalse();
    }

    private MemberYear memberYear(String id, boolean ofTheSchool, boolean targetMet) {
        return new MemberYear(
                2026,
                new EnrolleeId(id),
                EnrolleeKind.IN_SERVICE_MEMBER,
                RIVER.id(),
                Optional.empty(),
                ofTheSchool ? Optional.of(SCHOOL) : Optional.empty(),
                0,
                0,
                0,
                targetMet ? 3000 : 0,
                Map.of(),
                0,
                targetMet,
                false,
                2,
                2,
                true);
    }

    private Attendance attendance(ActivityKind kind, Instant start, long credited, OptionalLong certified) {
        ActivityWindow window = new ActivityWindow(start, start.plusSeconds(3 * 3600));
        ActivityFacts facts =
                new ActivityFacts(kind, RIVER_ONE.id(), RIVER.id(), PartyFixture.TOWN.id(), Optional.empty(), window);
        return new Attendance(
                new ActivityId("a-" + start.getEpochSecond()),
                new EnrolleeId("member-1"),
                EnrolleeKind.IN_SERVICE_MEMBER,
                facts,
                AttendanceStatus.CHECKED_OUT,
                start,
                Optional.of(window.endsAt()),
                "n",
                180,
                credited,
                certified,
                2,
                window.endsAt());
    }
}
