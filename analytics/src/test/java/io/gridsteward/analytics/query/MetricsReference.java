package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The metric files' definitions (analytics/README.md, "Metric files") computed in plain Java from the same
 * events, ticket by ticket, to hold the SQL to. Rows come out as the files' rows do: column → value, ordered
 * by period start, then dimension value.
 */
final class MetricsReference {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private static final Set<String> OPEN = Set.of("REPORTED", "DISPATCHED", "ACCEPTED", "RETURNED", "ESCALATED", "REOPENED");
    private static final Comparator<TicketEventRow> EVENT_ORDER = Comparator.comparing(TicketEventRow::occurredAt)
            .thenComparingLong(TicketEventRow::sequence);

    /** One ticket's distinct events, in order. */
    private record Ticket(List<TicketEventRow> events) {

        Optional<TicketEventRow> first(String eventType) {
            return events.stream().filter(event -> event.eventType().equals(eventType)).findFirst();
        }

        Optional<TicketEventRow> last(Predicate<TicketEventRow> matching) {
            return events.reversed().stream().filter(matching).findFirst();
        }

        Optional<TicketEventRow> last(String eventType) {
            return last(event -> event.eventType().equals(eventType));
        }

        /** The last resolution, unless a reopening follows it. */
        Optional<TicketEventRow> currentResolution() {
            Optional<TicketEventRow> resolved = last("RESOLVED");
            Optional<TicketEventRow> reopened = last("REOPENED");
            return resolved.filter(resolution -> reopened.isEmpty() || reopened.get().sequence() < resolution.sequence());
        }

        boolean has(String eventType) {
            return first(eventType).isPresent();
        }
    }

    private final List<Ticket> tickets;
    private final String dimension;
    private final String period;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    MetricsReference(List<TicketEventRow> events, String dimension, String period, LocalDate firstDay, LocalDate lastDay) {
        Map<String, TicketEventRow> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
        this.tickets = distinct.values().stream()
                .collect(Collectors.groupingBy(TicketEventRow::ticketId, TreeMap::new, Collectors.toList()))
                .values().stream()
                .map(ticketEvents -> new Ticket(ticketEvents.stream().sorted(EVENT_ORDER).toList()))
                .toList();
        this.dimension = dimension;
        this.period = period;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    List<Map<String, Object>> durations(String measure) {
        Map<Group, List<Long>> milliseconds = new TreeMap<>();
        for (Ticket ticket : tickets) {
            Optional<TicketEventRow> start = ticket.first(measure.equals("time_to_accept") ? "DISPATCHED" : "REPORTED");
            Optional<TicketEventRow> end = switch (measure) {
                case "time_to_dispatch" -> ticket.first("DISPATCHED");
                case "time_to_accept" -> ticket.first("ACCEPTED");
                case "time_to_resolve" -> ticket.currentResolution();
                default -> throw new IllegalArgumentException(measure);
            };
            if (start.isPresent() && end.isPresent()) {
                group(end.get()).ifPresent(group -> milliseconds.computeIfAbsent(group, key -> new ArrayList<>())
                        .add(Duration.between(start.get().occurredAt(), end.get().occurredAt()).toMillis()));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        milliseconds.forEach((group, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            rows.add(row(group, "tickets", (long) sorted.size(),
                    "median_seconds", nearestRank(sorted, 50) / 1000.0, "p90_seconds", nearestRank(sorted, 90) / 1000.0));
        });
        return rows;
    }

    /**
     * Per dimension value and period of the first dispatch: auto-routed (dispatched by SYSTEM) and by hand, and the
     * hand-dispatched tickets' time to dispatch; no times when none was dispatched by hand.
     */
    List<Map<String, Object>> dispatchModes() {
        Map<Group, long[]> counts = new TreeMap<>();
        Map<Group, List<Long>> handMilliseconds = new TreeMap<>();
        for (Ticket ticket : tickets) {
            Optional<TicketEventRow> reported = ticket.first("REPORTED");
            Optional<TicketEventRow> dispatched = ticket.first("DISPATCHED");
            if (reported.isEmpty() || dispatched.isEmpty()) {
                continue;
            }
            group(dispatched.get()).ifPresent(group -> {
                long[] autoAndHand = counts.computeIfAbsent(group, key -> new long[2]);
                if (dispatched.get().actorRole().equals("SYSTEM")) {
                    autoAndHand[0]++;
                } else {
                    autoAndHand[1]++;
                    handMilliseconds.computeIfAbsent(group, key -> new ArrayList<>())
                            .add(Duration.between(reported.get().occurredAt(), dispatched.get().occurredAt()).toMillis());
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((group, autoAndHand) -> {
            Map<String, Object> row = row(group, "dispatched_tickets", autoAndHand[0] + autoAndHand[1],
                    "auto_routed_tickets", autoAndHand[0], "hand_dispatched_tickets", autoAndHand[1]);
            List<Long> sorted = handMilliseconds.getOrDefault(group, List.of()).stream().sorted().toList();
            row.put("hand_median_seconds", sorted.isEmpty() ? null : nearestRank(sorted, 50) / 1000.0);
            row.put("hand_p90_seconds", sorted.isEmpty() ? null : nearestRank(sorted, 90) / 1000.0);
            rows.add(row);
        });
        return rows;
    }

    List<Map<String, Object>> onTimeRate() {
        Map<Group, List<Boolean>> onTime = new TreeMap<>();
        for (Ticket ticket : tickets) {
            ticket.currentResolution().filter(resolution -> resolution.resolveDueAt() != null).ifPresent(resolution ->
                    group(resolution).ifPresent(group -> onTime.computeIfAbsent(group, key -> new ArrayList<>())
                            .add(!resolution.occurredAt().isAfter(resolution.resolveDueAt()))));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        onTime.forEach((group, flags) -> {
            long resolved = flags.size();
            long inTime = flags.stream().filter(flag -> flag).count();
            rows.add(row(group, "resolved_tickets", resolved, "on_time_tickets", inTime, "on_time_rate", (double) inTime / resolved));
        });
        return rows;
    }

    List<Map<String, Object>> overdueBacklog() {
        Map<Group, long[]> counts = new TreeMap<>();
        Set<LocalDate> periodStarts = new TreeSet<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            periodStarts.add(periodStart(day));
        }
        for (LocalDate periodStart : periodStarts) {
            LocalDateTime end = min(periodEnd(periodStart).atStartOfDay(), lastDay.plusDays(1).atStartOfDay());
            for (Ticket ticket : tickets) {
                Optional<TicketEventRow> state = ticket.last(event -> local(event.occurredAt()).isBefore(end));
                if (state.isEmpty() || !OPEN.contains(state.get().toStatus())) {
                    continue;
                }
                String value = dimensionValue(state.get());
                if (value != null) {
                    long[] openAndOverdue = counts.computeIfAbsent(new Group(periodStart.toString(), value), key -> new long[2]);
                    openAndOverdue[0]++;
                    Instant due = state.get().resolveDueAt();
                    if (due != null && local(due).isBefore(end)) {
                        openAndOverdue[1]++;
                    }
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((group, openAndOverdue) ->
                rows.add(row(group, "open_tickets", openAndOverdue[0], "overdue_tickets", openAndOverdue[1])));
        return rows;
    }

    List<Map<String, Object>> ticketRates() {
        Map<Group, List<Ticket>> cohorts = new TreeMap<>();
        for (Ticket ticket : tickets) {
            ticket.first("REPORTED").ifPresent(reported -> {
                String value = dimensionValue(ticket.events().getLast());
                LocalDate day = local(reported.occurredAt()).toLocalDate();
                if (value != null && inRange(day)) {
                    cohorts.computeIfAbsent(new Group(periodStart(day).toString(), value), key -> new ArrayList<>()).add(ticket);
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        cohorts.forEach((group, cohort) -> {
            long reported = cohort.size();
            long reopened = cohort.stream().filter(ticket -> ticket.has("REOPENED")).count();
            long escalated = cohort.stream().filter(ticket -> ticket.has("ESCALATED")).count();
            long returned = cohort.stream().filter(ticket -> ticket.has("RETURNED")).count();
            rows.add(row(group, "reported_tickets", reported, "reopened_tickets", reopened, "escalated_tickets", escalated,
                    "returned_tickets", returned, "reopen_rate", (double) reopened / reported,
                    "escalation_rate", (double) escalated / reported, "return_rate", (double) returned / reported));
        });
        return rows;
    }

    List<Map<String, Object>> ratings() {
        Map<Group, List<Integer>> ratings = new TreeMap<>();
        for (Ticket ticket : tickets) {
            ticket.last(event -> event.eventType().equals("EVALUATED") && event.rating() != null).ifPresent(evaluation ->
                    group(evaluation).ifPresent(group -> ratings.computeIfAbsent(group, key -> new ArrayList<>())
                            .add(evaluation.rating())));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ratings.forEach((group, values) -> {
            long sum = values.stream().mapToLong(Integer::longValue).sum();
            List<Object> columns = new ArrayList<>(List.of("rated_tickets", (long) values.size(),
                    "mean_rating", (double) sum / values.size()));
            for (int rating = 1; rating <= 5; rating++) {
                int value = rating;
                columns.add("rating_" + rating);
                columns.add(values.stream().filter(given -> given == value).count());
            }
            rows.add(row(group, columns.toArray()));
        });
        return rows;
    }

    /**
     * The SLA sweeper's events (SYSTEM's ESCALATED and FLAGGED_OVERDUE), each counted against the ticket's holder just
     * before it, in the event's period; rows per dimension value and responsible organisation.
     */
    List<Map<String, Object>> slaMisses() {
        Map<Group, Map<Responsible, List<TicketEventRow>>> misses = new TreeMap<>();
        for (Ticket ticket : tickets) {
            for (TicketEventRow event : ticket.events()) {
                boolean flagged = event.eventType().equals("FLAGGED_OVERDUE");
                if (!"SYSTEM".equals(event.actorRole()) || !(flagged || event.eventType().equals("ESCALATED"))) {
                    continue;
                }
                Optional<Responsible> responsible = flagged
                        ? Optional.of(new Responsible("TOWN", event.townId()))
                        : ticket.events().stream().filter(previous -> previous.sequence() == event.sequence() - 1)
                                .filter(previous -> previous.assigneeOrgId() != null && previous.assigneeOrgKind() != null)
                                .findFirst().map(previous -> new Responsible(previous.assigneeOrgKind(), previous.assigneeOrgId()));
                responsible.ifPresent(holder -> group(event, missDimensionValue(event, holder)).ifPresent(group ->
                        misses.computeIfAbsent(group, key -> new TreeMap<>())
                                .computeIfAbsent(holder, key -> new ArrayList<>()).add(event)));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        misses.forEach((group, byResponsible) -> byResponsible.forEach((responsible, events) -> {
            Map<String, Long> byStep = events.stream()
                    .collect(Collectors.groupingBy(event -> missedStep(event, responsible), Collectors.counting()));
            rows.add(row(group, "responsible_org_id", responsible.orgId(), "responsible_org_kind", responsible.kind(),
                    "misses", (long) events.size(), "dispatch_misses", byStep.getOrDefault("dispatch", 0L),
                    "acceptance_misses", byStep.getOrDefault("acceptance", 0L),
                    "resolution_misses", byStep.getOrDefault("resolution", 0L),
                    "missed_tickets", events.stream().map(TicketEventRow::ticketId).distinct().count()));
        }));
        return rows;
    }

    /** An organisation a miss counts against, ordered as the file orders them: by kind, then id. */
    private record Responsible(String kind, String orgId) implements Comparable<Responsible> {
        @Override
        public int compareTo(Responsible other) {
            return Comparator.comparing(Responsible::kind).thenComparing(Responsible::orgId).compare(this, other);
        }
    }

    /** Grid, community and department: the responsible organisation when of that kind; town and category: the place. */
    private String missDimensionValue(TicketEventRow miss, Responsible responsible) {
        return switch (dimension) {
            case "grid", "community", "department" ->
                    responsible.kind().equals(dimension.toUpperCase(Locale.ROOT)) ? responsible.orgId() : null;
            case "town", "category" -> dimensionValue(miss);
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    private static String missedStep(TicketEventRow miss, Responsible responsible) {
        return switch (miss.fromStatus()) {
            case "ACCEPTED" -> "resolution";
            case "REPORTED", "RETURNED" -> "dispatch";
            case "ESCALATED" -> responsible.kind().equals("TOWN") ? "dispatch" : "acceptance";
            default -> "acceptance";
        };
    }

    /** The value at 1-based rank ceil(percent / 100 * n) of the sorted values. */
    static long nearestRank(List<Long> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(rank - 1);
    }

    /** A period start (yyyy-MM-dd) and a dimension value, ordered as the files order their rows. */
    private record Group(String periodStart, String dimensionValue) implements Comparable<Group> {
        @Override
        public int compareTo(Group other) {
            return Comparator.comparing(Group::periodStart).thenComparing(Group::dimensionValue).compare(this, other);
        }
    }

    /** The group of a measured event: its local period and its dimension value, if in range and not empty. */
    private Optional<Group> group(TicketEventRow event) {
        return group(event, dimensionValue(event));
    }

    private Optional<Group> group(TicketEventRow event, String value) {
        LocalDate day = local(event.occurredAt()).toLocalDate();
        return value != null && inRange(day) ? Optional.of(new Group(periodStart(day).toString(), value)) : Optional.empty();
    }

    private boolean inRange(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    private String dimensionValue(TicketEventRow event) {
        return switch (dimension) {
            case "grid" -> event.gridId();
            case "community" -> event.communityId();
            case "town" -> event.townId();
            case "department" -> "DEPARTMENT".equals(event.assigneeOrgKind()) ? event.assigneeOrgId() : null;
            case "category" -> event.category();
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    private LocalDate periodStart(LocalDate day) {
        return switch (period) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> throw new IllegalArgumentException(period);
        };
    }

    private LocalDate periodEnd(LocalDate periodStart) {
        return switch (period) {
            case "day" -> periodStart.plusDays(1);
            case "week" -> periodStart.plusWeeks(1);
            case "month" -> periodStart.plusMonths(1);
            default -> throw new IllegalArgumentException(period);
        };
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, COUNTY);
    }

    private static LocalDateTime min(LocalDateTime first, LocalDateTime second) {
        return first.isBefore(second) ? first : second;
    }

    private static Map<String, Object> row(Group group, Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dimension_value", group.dimensionValue());
        row.put("period_start", group.periodStart());
        for (int index = 0; index < columnsAndValues.length; index += 2) {
            row.put((String) columnsAndValues[index], Objects.requireNonNull(columnsAndValues[index + 1]));
        }
        return row;
    }
}
