package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.PartyEventRow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The party metric files' definitions (party_service.sql, party_members.sql) computed in plain Java from the same
 * events, person by person, to hold the SQL to. Rows come out as the files' rows do, ordered by period start, then
 * dimension value.
 */
final class PartyMetricsReference {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Set<String> PARTY_MEMBERS = Set.of("IN_SERVICE_MEMBER", "SCATTERED_MEMBER");
    private static final Set<String> REPORTS = Set.of("REPORTED_IN", "RENEWED", "TRANSFERRED");

    private final List<PartyEventRow> events;
    private final String dimension;
    private final String period;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final long yearlyTargetHours;
    private final LocalDateTime now;

    PartyMetricsReference(
            List<PartyEventRow> events,
            String dimension,
            String period,
            LocalDate firstDay,
            LocalDate lastDay,
            long yearlyTargetHours,
            LocalDateTime now) {
        Map<String, PartyEventRow> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
        this.events = List.copyOf(distinct.values());
        this.dimension = dimension;
        this.period = period;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.yearlyTargetHours = yearlyTargetHours;
        this.now = now;
    }

    List<Map<String, Object>> service() {
        Map<String, List<PartyEventRow>> attendances = events.stream()
                .filter(event -> event.recordKind().equals(PartyEventRow.ATTENDANCE))
                .collect(Collectors.groupingBy(event -> event.activityId() + "|" + event.memberKey()));
        Map<List<String>, List<PartyEventRow>> groups = new TreeMap<>(
                Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        Map<PartyEventRow, Boolean> autoClosed = new LinkedHashMap<>();
        for (List<PartyEventRow> steps : attendances.values()) {
            PartyEventRow latest = steps.stream()
                    .max(Comparator.comparingLong(PartyEventRow::sequence))
                    .orElseThrow();
            String value = value(latest);
            LocalDateTime start = local(latest.startsAt());
            if (value == null
                    || start.toLocalDate().isBefore(firstDay)
                    || start.toLocalDate().isAfter(lastDay)) {
                continue;
            }
            groups.computeIfAbsent(
                            List.of(periodStart(start.toLocalDate()).toString(), value), key -> new ArrayList<>())
                    .add(latest);
            autoClosed.put(
                    latest, steps.stream().anyMatch(step -> step.eventType().equals("AUTO_CHECKED_OUT")));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.forEach((key, latest) -> {
            List<PartyEventRow> members = latest.stream()
                    .filter(row -> PARTY_MEMBERS.contains(row.enrolleeKind()))
                    .toList();
            List<PartyEventRow> sunk = latest.stream()
                    .filter(row -> row.enrolleeKind().equals("SUNK_STAFF"))
                    .toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", key.get(1));
            row.put("period_start", key.get(0));
            row.put("check_ins", (long) latest.size());
            row.put(
                    "active_members",
                    members.stream().map(PartyEventRow::memberKey).distinct().count());
            row.put(
                    "active_sunk_staff",
                    sunk.stream().map(PartyEventRow::memberKey).distinct().count());
            row.put(
                    "auto_closed_check_outs",
                    latest.stream().filter(autoClosed::get).count());
            row.put("member_credited_hours", hours(members, PartyEventRow::creditedMinutes));
            row.put("member_certified_hours", hours(members, PartyEventRow::certifiedMinutes));
            row.put("member_counted_hours", hours(members, PartyMetricsReference::counted));
            row.put("sunk_staff_credited_hours", hours(sunk, PartyEventRow::creditedMinutes));
            row.put("sunk_staff_certified_hours", hours(sunk, PartyEventRow::certifiedMinutes));
            row.put("sunk_staff_counted_hours", hours(sunk, PartyMetricsReference::counted));
            rows.add(row);
        });
        return rows;
    }

    List<Map<String, Object>> members() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LocalDateTime[] bounds : periods()) {
            LocalDateTime end = bounds[1];
            LocalDateTime lastMoment = end.minusSeconds(1);
            LocalDateTime halfYear = lastMoment.getMonthValue() > 6
                    ? LocalDate.of(lastMoment.getYear(), 7, 1).atStartOfDay()
                    : LocalDate.of(lastMoment.getYear(), 1, 1).atStartOfDay();
            LocalDateTime year = LocalDate.of(lastMoment.getYear(), 1, 1).atStartOfDay();
            Map<String, List<PartyEventRow>> enrolments = events.stream()
                    .filter(event -> event.recordKind().equals(PartyEventRow.ENROLMENT)
                            && local(event.occurredAt()).isBefore(end))
                    .collect(Collectors.groupingBy(PartyEventRow::memberKey));
            Map<String, Long> counted = new LinkedHashMap<>();
            events.stream()
                    .filter(event -> event.recordKind().equals(PartyEventRow.ATTENDANCE)
                            && local(event.occurredAt()).isBefore(end)
                            && !local(event.startsAt()).isBefore(year))
                    .collect(Collectors.groupingBy(event -> event.activityId() + "|" + event.memberKey()))
                    .values()
                    .forEach(steps -> {
                        PartyEventRow latest = steps.stream()
                                .max(Comparator.comparingLong(PartyEventRow::sequence))
                                .orElseThrow();
                        counted.merge(latest.memberKey(), counted(latest), Long::sum);
                    });
            Map<String, long[]> byValue = new TreeMap<>();
            for (List<PartyEventRow> history : enrolments.values()) {
                PartyEventRow state = history.stream()
                        .max(Comparator.comparing((PartyEventRow event) -> local(event.occurredAt()))
                                .thenComparingLong(PartyEventRow::sequence))
                        .orElseThrow();
                String value = value(state);
                if (!"CONFIRMED".equals(state.toStatus()) || value == null) {
                    continue;
                }
                long[] counts = byValue.computeIfAbsent(value, key -> new long[5]);
                boolean member = PARTY_MEMBERS.contains(state.enrolleeKind());
                boolean compliant = history.stream()
                        .anyMatch(event -> REPORTS.contains(event.eventType())
                                && !local(event.occurredAt()).isBefore(halfYear));
                counts[0] += member ? 1 : 0;
                counts[1] += state.enrolleeKind().equals("SUNK_STAFF") ? 1 : 0;
                counts[2] += state.enrolleeKind().equals("UNIT") ? 1 : 0;
                counts[3] += member && compliant ? 1 : 0;
                counts[4] += member && counted.getOrDefault(state.memberKey(), 0L) >= yearlyTargetHours * 60 ? 1 : 0;
            }
            byValue.forEach((value, counts) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension_value", value);
                row.put("period_start", bounds[0].toLocalDate().toString());
                row.put("members_reported_in", counts[0]);
                row.put("sunk_staff_reported_in", counts[1]);
                row.put("units_reported_in", counts[2]);
                row.put("members_report_in_compliant", counts[3]);
                row.put("report_in_compliance", counts[0] == 0 ? null : (double) counts[3] / counts[0]);
                row.put("members_meeting_target", counts[4]);
                rows.add(row);
            });
        }
        return rows;
    }

    /**
     * Every period with a day in [firstDay, lastDay] that has begun by now: its local start and its end (the earliest of
     * the next period's start, the day after lastDay, and now).
     */
    private List<LocalDateTime[]> periods() {
        Set<LocalDate> starts = new HashSet<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            starts.add(periodStart(day));
        }
        return starts.stream()
                .sorted()
                .filter(start -> start.atStartOfDay().isBefore(now))
                .map(start -> {
                    LocalDate next = switch (period) {
                        case "day" -> start.plusDays(1);
                        case "week" -> start.plusWeeks(1);
                        case "month" -> start.plusMonths(1);
                        default -> throw new IllegalArgumentException(period);
                    };
                    LocalDateTime end = (next.isAfter(lastDay.plusDays(1)) ? lastDay.plusDays(1) : next).atStartOfDay();
                    return new LocalDateTime[] {start.atStartOfDay(), end.isAfter(now) ? now : end};
                })
                .toList();
    }

    private LocalDate periodStart(LocalDate day) {
        return switch (period) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> throw new IllegalArgumentException(period);
        };
    }

    /** An event's dimension value: its place, or for attendances under "category" the activity's kind. */
    private String value(PartyEventRow row) {
        return switch (dimension) {
            case "grid" -> row.gridId();
            case "community" -> row.communityId();
            case "town" -> row.townId();
            case "category" -> row.activityKind();
            default -> null;
        };
    }

    private static long counted(PartyEventRow row) {
        return row.certifiedMinutes() != null ? row.certifiedMinutes() : row.creditedMinutes();
    }

    private static double hours(Collection<PartyEventRow> rows, Function<PartyEventRow, Long> minutes) {
        return (double) rows.stream()
                        .map(minutes)
                        .filter(value -> value != null)
                        .mapToLong(Long::longValue)
                        .sum()
                / 60;
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, COUNTY);
    }
}
