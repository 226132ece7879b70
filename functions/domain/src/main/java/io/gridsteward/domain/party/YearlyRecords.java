package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.OrganisationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The yearly records (一人一档) computed from enrolments, their events and attendances, under one county's rules. */
public final class YearlyRecords {

    private final PartyRules rules;

    public YearlyRecords(PartyRules rules) {
        this.rules = requireNonNull(rules, "rules");
    }

    /**
     * The first instant of {@code year} and of the next, in the county's time zone: attendances belong to the year of
     * their activity's start.
     */
    public Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(rules.timeZone()).toInstant();
    }

    /** A person's year as of {@code asOf}; {@code attendances} are those whose activity starts in the year. */
    public MemberYear member(
            int year, Enrolment enrolment, List<EnrolmentEvent> history, List<Attendance> attendances, Instant asOf) {
        Instant from = yearStart(year);
        Instant until = yearStart(year + 1);
        List<Attendance> ofTheYear = attendances.stream()
                .filter(attendance -> !attendance.activity().window().startsAt().isBefore(from)
                        && attendance.activity().window().startsAt().isBefore(until))
                .toList();
        long credited =
                ofTheYear.stream().mapToLong(Attendance::creditedMinutes).sum();
        long certified = ofTheYear.stream()
                .mapToLong(attendance -> attendance.certifiedMinutes().orElse(0))
                .sum();
        long counted = ofTheYear.stream().mapToLong(Attendance::countedMinutes).sum();
        Map<ActivityKind, Long> attendedByKind = new EnumMap<>(ActivityKind.class);
        ofTheYear.stream()
                .filter(attendance -> attendance.countedMinutes() > 0)
                .forEach(
                        attendance -> attendedByKind.merge(attendance.activity().kind(), 1L, Long::sum));
        Map<ActivityKind, Integer> pointsByKind = new EnumMap<>(ActivityKind.class);
        attendedByKind.forEach(
                (kind, count) -> pointsByKind.put(kind, rules.pointsFor(kind).pointsFor(count)));
        int points = pointsByKind.values().stream().mapToInt(Integer::intValue).sum();
        int due = 0;
        int met = 0;
        Instant periodStart = from;
        for (MonthDay deadline : rules.reportInDeadlines()) {
            Instant periodEnd = deadline.atYear(year)
                    .plusDays(1)
                    .atStartOfDay(rules.timeZone())
                    .toInstant();
            if (!periodEnd.isAfter(asOf) && periodEnd.isAfter(enrolment.firstReportedAt())) {
                due++;
                Instant start = periodStart;
                if (history.stream()
                        .anyMatch(event -> event.isReport()
                                && !event.occurredAt().isBefore(start)
                                && event.occurredAt().isBefore(periodEnd))) {
                    met++;
                }
            }
            periodStart = periodEnd;
        }
        boolean confirmed = enrolment.status() == EnrolmentStatus.CONFIRMED;
        return new MemberYear(
                year,
                enrolment.id(),
                enrolment.kind(),
                enrolment.community(),
                enrolment.group(),
                enrolment.workplaceUnit(),
                (int) ofTheYear.stream()
                        .filter(attendance -> attendance.countedMinutes() > 0)
                        .count(),
                credited,
                certified,
                counted,
                pointsByKind,
                points,
                counted >= rules.yearlyTargetHours() * 60,
                points >= rules.passMark(),
                due,
                met,
                confirmed && due == met);
    }

    /** A unit's year from its own enrolment (if any) and the years of the in-service members who work there. */
    public UnitYear unit(int year, OrganisationId unit, boolean unitReportedIn, List<MemberYear> members) {
        List<MemberYear> own = members.stream()
                .filter(member -> member.workplaceUnit().filter(unit::equals).isPresent())
                .toList();
        int reported =
                (int) own.stream().filter(MemberYear::mayBeRatedQualified).count();
        int meeting = (int) own.stream().filter(MemberYear::targetMet).count();
        BigDecimal reportRate = rate(reported, own.size());
        BigDecimal completionRate = rate(meeting, own.size());
        boolean eligible = unitReportedIn
                && reportRate.compareTo(rules.unitRateThreshold()) >= 0
                && completionRate.compareTo(rules.unitRateThreshold()) >= 0;
        return new UnitYear(
                year,
                unit,
                unitReportedIn,
                own.size(),
                reported,
                meeting,
                reportRate,
                completionRate,
                own.stream().mapToLong(MemberYear::countedMinutes).sum(),
                eligible);
    }

    public CommunityYear community(
            int year, OrganisationId community, List<Enrolment> enrolments, List<MemberYear> members) {
        Map<EnrolleeKind, Integer> confirmed = new EnumMap<>(EnrolleeKind.class);
        enrolments.stream()
                .filter(enrolment -> enrolment.status() == EnrolmentStatus.CONFIRMED)
                .forEach(enrolment -> confirmed.merge(enrolment.kind(), 1, Integer::sum));
        List<MemberYear> partyMembers =
                members.stream().filter(member -> member.kind().isPartyMember()).toList();
        return new CommunityYear(
                year,
                community,
                confirmed,
                (int) partyMembers.stream()
                        .filter(MemberYear::mayBeRatedQualified)
                        .count(),
                (int) partyMembers.stream().filter(MemberYear::targetMet).count(),
                members.stream().mapToLong(MemberYear::creditedMinutes).sum(),
                members.stream().mapToLong(MemberYear::certifiedMinutes).sum(),
                members.stream().mapToLong(MemberYear::countedMinutes).sum());
    }

    /** A share with four decimals; no members is a full share, since nobody failed. */
    private static BigDecimal rate(int count, int of) {
        return of == 0
                ? BigDecimal.ONE.setScale(4, RoundingMode.UNNECESSARY)
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_EVEN);
    }

    /** The year an instant falls in, in the county's time zone. */
    public int yearOf(Instant instant) {
        return ZonedDateTime.ofInstant(instant, rules.timeZone()).getYear();
    }
}
