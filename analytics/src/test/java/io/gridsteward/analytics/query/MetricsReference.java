package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.metrics.AssessmentRules;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * The metric files' definitions (analytics/README.md, "Metric files", "Fair definitions", "Assessment") computed in
 * plain Java from the same events, ticket by ticket, to hold the SQL to. Rows come out as the files' rows do: column →
 * value, ordered by period start, then dimension value.
 */
final class MetricsReference {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private static final Set<String> STATUS_KEEPING = Set.of("SUPERVISED", "FLAGGED_OVERDUE");
    private static final Set<String> CLOSED_STATES = Set.of("EVALUATED", "CLOSED", "CANCELLED");
    private static final Set<String> RECEIVING_KINDS = Set.of("GRID", "COMMUNITY", "DEPARTMENT");
    private static final Set<String> OPEN =
            Set.of("REPORTED", "DISPATCHED", "ACCEPTED", "RETURNED", "ESCALATED", "REOPENED");
    private static final Comparator<TicketEventRow> EVENT_ORDER =
            Comparator.comparing(TicketEventRow::occurredAt).thenComparingLong(TicketEventRow::sequence);

    /** One ticket's distinct events, in order. */
    private record Ticket(List<TicketEventRow> events) {

        Optional<TicketEventRow> first(String eventType) {
            return events.stream()
                    .filter(event -> event.eventType().equals(eventType))
                    .findFirst();
        }

        Optional<TicketEventRow> last(Predicate<TicketEventRow> matching) {
            return events.reversed().stream().filter(matching).findFirst();
        }

        /** Events that change the status: all but SUPERVISED and FLAGGED_OVERDUE. */
        List<TicketEventRow> steps() {
            return events.stream()
                    .filter(event -> !STATUS_KEEPING.contains(event.eventType()))
                    .toList();
        }

        /** The first step of that type after the event (by sequence). */
        Optional<TicketEventRow> firstStepAfter(TicketEventRow event, String eventType) {
            return steps().stream()
                    .filter(step -> step.sequence() > event.sequence()
                            && step.eventType().equals(eventType))
                    .min(Comparator.comparingLong(TicketEventRow::sequence));
        }

        /** The resolve-by time given at intake: that of the first event carrying one. */
        Optional<Instant> originalResolveDue() {
            return events.stream()
                    .map(TicketEventRow::resolveDueAt)
                    .filter(Objects::nonNull)
                    .findFirst();
        }

        /** The first SLA resolution miss: the sweeper's ESCALATED of an accepted ticket. */
        Optional<Instant> firstResolutionMiss() {
            return events.stream()
                    .filter(event -> event.eventType().equals("ESCALATED")
                            && "SYSTEM".equals(event.actorRole())
                            && "ACCEPTED".equals(event.fromStatus()))
                    .map(TicketEventRow::occurredAt)
                    .findFirst();
        }
    }

    private final List<Ticket> tickets;
    private final String dimension;
    private final String period;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final LocalDateTime now;
    private final AssessmentRules rules;

    MetricsReference(
            List<TicketEventRow> events,
            String dimension,
            String period,
            LocalDate firstDay,
            LocalDate lastDay,
            LocalDateTime now,
            AssessmentRules rules) {
        Map<String, TicketEventRow> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
        this.tickets = distinct.values().stream()
                .collect(Collectors.groupingBy(TicketEventRow::ticketId, TreeMap::new, Collectors.toList()))
                .values()
                .stream()
                .map(ticketEvents ->
                        new Ticket(ticketEvents.stream().sorted(EVENT_ORDER).toList()))
                .toList();
        this.dimension = dimension;
        this.period = period;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.now = now;
        this.rules = rules;
    }

    List<Map<String, Object>> durations(String measure) {
        Map<Group, List<Long>> milliseconds = new TreeMap<>();
        for (Ticket ticket : tickets) {
            Optional<TicketEventRow> end = switch (measure) {
                case "time_to_dispatch" -> ticket.first("DISPATCHED");
                case "time_to_accept" -> ticket.first("ACCEPTED");
                case "time_to_resolve" -> ticket.first("RESOLVED");
                default -> throw new IllegalArgumentException(measure);
            };
            // Time to accept runs from the hand-over to the acceptor: the last DISPATCHED or ESCALATED before it.
            Optional<TicketEventRow> start = measure.equals("time_to_accept")
                    ? end.flatMap(acceptance -> ticket.events().stream()
                            .filter(event -> event.sequence() < acceptance.sequence())
                            .filter(event -> event.eventType().equals("DISPATCHED")
                                    || event.eventType().equals("ESCALATED"))
                            .max(EVENT_ORDER))
                    : ticket.first("REPORTED");
            if (start.isPresent() && end.isPresent()) {
                group(end.get())
                        .ifPresent(group -> milliseconds
                                .computeIfAbsent(group, key -> new ArrayList<>())
                                .add(Duration.between(
                                                start.get().occurredAt(),
                                                end.get().occurredAt())
                                        .toMillis()));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        milliseconds.forEach((group, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            rows.add(row(
                    group,
                    "tickets",
                    (long) sorted.size(),
                    "median_seconds",
                    nearestRank(sorted, 50) / 1000.0,
                    "p90_seconds",
                    nearestRank(sorted, 90) / 1000.0));
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
                    handMilliseconds
                            .computeIfAbsent(group, key -> new ArrayList<>())
                            .add(Duration.between(
                                            reported.get().occurredAt(),
                                            dispatched.get().occurredAt())
                                    .toMillis());
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((group, autoAndHand) -> {
            Map<String, Object> row = row(
                    group,
                    "dispatched_tickets",
                    autoAndHand[0] + autoAndHand[1],
                    "auto_routed_tickets",
                    autoAndHand[0],
                    "hand_dispatched_tickets",
                    autoAndHand[1]);
            List<Long> sorted = handMilliseconds.getOrDefault(group, List.of()).stream()
                    .sorted()
                    .toList();
            row.put("hand_median_seconds", sorted.isEmpty() ? null : nearestRank(sorted, 50) / 1000.0);
            row.put("hand_p90_seconds", sorted.isEmpty() ? null : nearestRank(sorted, 90) / 1000.0);
            rows.add(row);
        });
        return rows;
    }

    /**
     * Per place (or category) and period of the first report: the tickets reported, and how many of them have been
     * returned, escalated or reopened at least once in the lake. A report has no department.
     */
    List<Map<String, Object>> ticketsReported() {
        Map<Group, long[]> counts = new TreeMap<>();
        if (dimension.equals("department")) {
            return List.of();
        }
        for (Ticket ticket : tickets) {
            ticket.first("REPORTED").flatMap(this::group).ifPresent(group -> {
                long[] reportedReturnedEscalatedReopened = counts.computeIfAbsent(group, key -> new long[4]);
                reportedReturnedEscalatedReopened[0]++;
                List<String> outcomes = List.of("RETURNED", "ESCALATED", "REOPENED");
                for (int index = 0; index < outcomes.size(); index++) {
                    if (ticket.first(outcomes.get(index)).isPresent()) {
                        reportedReturnedEscalatedReopened[index + 1]++;
                    }
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((group, figures) -> rows.add(row(
                group,
                "reported_tickets",
                figures[0],
                "returned_tickets",
                figures[1],
                "escalated_tickets",
                figures[2],
                "reopened_tickets",
                figures[3])));
        return rows;
    }

    /** First resolutions against the original resolve-by time; reopenings up to the cutoff shown apart. */
    List<Map<String, Object>> onTimeRate() {
        Map<Group, long[]> counts = new TreeMap<>();
        for (Ticket ticket : tickets) {
            Optional<TicketEventRow> resolution = ticket.first("RESOLVED");
            Optional<Instant> due = ticket.originalResolveDue();
            if (resolution.isEmpty() || due.isEmpty()) {
                continue;
            }
            TicketEventRow resolved = resolution.get();
            group(resolved).ifPresent(group -> {
                long[] resolvedOnTimeReopened = counts.computeIfAbsent(group, key -> new long[3]);
                resolvedOnTimeReopened[0]++;
                Optional<Instant> miss = ticket.firstResolutionMiss();
                if (!resolved.occurredAt().isAfter(due.get())
                        && (miss.isEmpty() || !miss.get().isBefore(resolved.occurredAt()))) {
                    resolvedOnTimeReopened[1]++;
                }
                if (ticket.first("REOPENED")
                        .filter(reopened -> beforeCutoff(reopened, group))
                        .isPresent()) {
                    resolvedOnTimeReopened[2]++;
                }
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((group, values) -> rows.add(row(
                group,
                "resolved_tickets",
                values[0],
                "on_time_tickets",
                values[1],
                "on_time_rate",
                (double) values[1] / values[0],
                "reopened_tickets",
                values[2])));
        return rows;
    }

    List<Map<String, Object>> overdueBacklog() {
        Map<Group, long[]> counts = new TreeMap<>();
        Set<LocalDate> periodStarts = new TreeSet<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            periodStarts.add(periodStart(day));
        }
        for (LocalDate periodStart : periodStarts) {
            if (!periodStart.atStartOfDay().isBefore(now)) {
                continue;
            }
            LocalDateTime end = min(
                    min(
                            periodEnd(periodStart).atStartOfDay(),
                            lastDay.plusDays(1).atStartOfDay()),
                    now);
            for (Ticket ticket : tickets) {
                Optional<TicketEventRow> state =
                        ticket.last(event -> local(event.occurredAt()).isBefore(end));
                if (state.isEmpty() || !OPEN.contains(state.get().toStatus())) {
                    continue;
                }
                String value = dimensionValue(state.get());
                if (value != null) {
                    long[] openAndOverdue =
                            counts.computeIfAbsent(new Group(periodStart.toString(), value), key -> new long[2]);
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

    /** Receipts and resolutions charged to their holder in their own period, outcomes up to the cutoff. */
    List<Map<String, Object>> ticketRates() {
        Map<Group, long[]> counts = new TreeMap<>();
        for (Ticket ticket : tickets) {
            for (TicketEventRow step : ticket.steps()) {
                boolean receipt = (step.eventType().equals("DISPATCHED")
                                || step.eventType().equals("ESCALATED"))
                        && step.assigneeOrgKind() != null
                        && RECEIVING_KINDS.contains(step.assigneeOrgKind());
                boolean resolution = step.eventType().equals("RESOLVED");
                if (!receipt && !resolution) {
                    continue;
                }
                String value = holderDimensionValue(dimension, step.assigneeOrgKind(), step.assigneeOrgId(), step);
                Optional<Group> charged = group(step, value);
                if (charged.isEmpty()) {
                    continue;
                }
                long[] values = counts.computeIfAbsent(charged.get(), key -> new long[5]);
                if (receipt) {
                    values[0]++;
                    Outcome outcome = handOverOutcome(ticket, step);
                    if (outcome.returned() && beforeCutoff(outcome.at(), charged.get())) {
                        values[1]++;
                    }
                    if (outcome.escalated() && beforeCutoff(outcome.at(), charged.get())) {
                        values[2]++;
                    }
                } else {
                    values[3]++;
                    if (reopenedAfter(ticket, step)
                            .filter(reopened -> beforeCutoff(reopened, charged.get()))
                            .isPresent()) {
                        values[4]++;
                    }
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((group, values) -> rows.add(row(
                group,
                "received_tickets",
                values[0],
                "returned_tickets",
                values[1],
                "escalated_tickets",
                values[2],
                "return_rate",
                ratio(values[1], values[0]),
                "escalation_rate",
                ratio(values[2], values[0]),
                "resolved_tickets",
                values[3],
                "reopened_tickets",
                values[4],
                "reopen_rate",
                ratio(values[4], values[3]))));
        return rows;
    }

    /** How a holding that began with a receipt ended: the next RETURNED, ESCALATED or DISPATCHED after it. */
    private record Outcome(boolean returned, boolean escalated, TicketEventRow at) {}

    private static Outcome handOverOutcome(Ticket ticket, TicketEventRow receipt) {
        return ticket.steps().stream()
                .filter(step -> step.sequence() > receipt.sequence())
                .filter(step -> Set.of("RETURNED", "ESCALATED", "DISPATCHED").contains(step.eventType()))
                .findFirst()
                .map(next -> new Outcome(
                        next.eventType().equals("RETURNED"), next.eventType().equals("ESCALATED"), next))
                .orElse(new Outcome(false, false, null));
    }

    /** The ticket's acceptance while the receiver held it: the first ACCEPTED before the holding ended. */
    private static Optional<TicketEventRow> acceptedDuring(Ticket ticket, TicketEventRow receipt) {
        for (TicketEventRow step : ticket.steps()) {
            if (step.sequence() <= receipt.sequence()) {
                continue;
            }
            switch (step.eventType()) {
                case "ACCEPTED" -> {
                    return Optional.of(step);
                }
                case "RETURNED", "ESCALATED", "DISPATCHED" -> {
                    return Optional.empty();
                }
                default -> {}
            }
        }
        return Optional.empty();
    }

    /** A reopening of this resolution: a REOPENED after it and before the next RESOLVED. */
    private static Optional<TicketEventRow> reopenedAfter(Ticket ticket, TicketEventRow resolution) {
        Optional<TicketEventRow> reopened = ticket.firstStepAfter(resolution, "REOPENED");
        Optional<TicketEventRow> resolvedAgain = ticket.firstStepAfter(resolution, "RESOLVED");
        return reopened.filter(reopening -> resolvedAgain.isEmpty()
                || reopening.sequence() < resolvedAgain.get().sequence());
    }

    private boolean beforeCutoff(TicketEventRow event, Group group) {
        return event != null && local(event.occurredAt()).isBefore(cutoff(group));
    }

    /** The period's end plus the freeze days: outcomes from then on change none of its figures. */
    private LocalDateTime cutoff(Group group) {
        return periodEnd(LocalDate.parse(group.periodStart())).atStartOfDay().plusDays(rules.freezeDays());
    }

    private static Double ratio(double part, long whole) {
        return whole == 0 ? null : part / whole;
    }

    /**
     * Grid and department: the holder of that kind; community: a community or one of its grids; town: the town's
     * dispatcher, its communities or grids; category: the ticket's, when the holder is known.
     */
    private static String holderDimensionValue(
            String dimension, String holderKind, String holderId, TicketEventRow event) {
        if (holderKind == null) {
            return null;
        }
        return switch (dimension) {
            case "grid" -> holderKind.equals("GRID") ? holderId : null;
            case "community" ->
                switch (holderKind) {
                    case "COMMUNITY" -> holderId;
                    case "GRID" -> event.communityId();
                    default -> null;
                };
            case "town" -> Set.of("TOWN", "COMMUNITY", "GRID").contains(holderKind) ? event.townId() : null;
            case "department" -> holderKind.equals("DEPARTMENT") ? holderId : null;
            case "category" -> event.category();
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /** Who holds the ticket after a step: its assignee, or the town's dispatcher while it waits in the queue. */
    private record Holder(String kind, String orgId) {
        static Holder of(TicketEventRow step) {
            if (step.assigneeOrgKind() != null) {
                return new Holder(step.assigneeOrgKind(), step.assigneeOrgId());
            }
            if (step.assigneeOrgId() == null && Set.of("REPORTED", "RETURNED").contains(step.toStatus())) {
                return new Holder("TOWN", step.townId());
            }
            return new Holder(null, null);
        }
    }

    /** Stays in each state per holder, in the period they ended (or now's, still running, measured to now). */
    List<Map<String, Object>> timeInState() {
        Map<StateGroup, List<long[]>> stays = new TreeMap<>();
        for (Ticket ticket : tickets) {
            List<TicketEventRow> steps = ticket.steps();
            for (int index = 0; index < steps.size(); index++) {
                TicketEventRow step = steps.get(index);
                LocalDateTime start = local(step.occurredAt());
                if (CLOSED_STATES.contains(step.toStatus()) || !start.isBefore(now)) {
                    continue;
                }
                LocalDateTime next =
                        index + 1 < steps.size() ? local(steps.get(index + 1).occurredAt()) : now;
                LocalDateTime end = min(next, now);
                Holder holder = Holder.of(step);
                String value = holderDimensionValue(dimension, holder.kind(), holder.orgId(), step);
                LocalDate endDay = end.toLocalDate();
                if (value == null || !inRange(endDay)) {
                    continue;
                }
                stays.computeIfAbsent(
                                new StateGroup(periodStart(endDay).toString(), value, step.toStatus()),
                                key -> new ArrayList<>())
                        .add(new long[] {Duration.between(start, end).toMillis(), next.isBefore(now) ? 0 : 1});
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        stays.forEach((group, values) -> {
            List<Long> sorted = values.stream().map(value -> value[0]).sorted().toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", group.dimensionValue());
            row.put("period_start", group.periodStart());
            row.put("state", group.state());
            row.put("stays", (long) sorted.size());
            row.put("open_stays", values.stream().filter(value -> value[1] == 1).count());
            row.put("total_seconds", sorted.stream().mapToLong(Long::longValue).sum() / 1000.0);
            row.put("median_seconds", nearestRank(sorted, 50) / 1000.0);
            row.put("p90_seconds", nearestRank(sorted, 90) / 1000.0);
            rows.add(row);
        });
        return rows;
    }

    /** One organisation's counts in a period, as assessment.sql gathers them. */
    private static final class Tally {
        long received;
        long responseJudged;
        long acceptedInTime;
        long returned;
        long due;
        long resolved;
        long onTimeClosures;
        long resolutions;
        long reopenedResolutions;
        long rated;
        long fives;
        long fours;
    }

    /** An organisation of a kind (the dimension, or a town or department ranked with the other) in a period. */
    private record KindGroup(String kind, Group group) {}

    /**
     * The assessment (analytics/README.md, "Assessment"): per organisation and period the rates with their counts and
     * Wilson intervals, the score, ranks and lists; towns and departments share one black list.
     */
    List<Map<String, Object>> assessment() {
        List<String> kinds =
                Set.of("town", "department").contains(dimension) ? List.of("town", "department") : List.of(dimension);
        Map<KindGroup, Tally> tallies = new HashMap<>();
        for (String kind : kinds) {
            for (Ticket ticket : tickets) {
                tallyReceiptsAndResolutions(kind, ticket, tallies);
                tallyDue(kind, ticket, tallies);
            }
            for (TicketEventRow evaluation : lastRatingPerPeriod()) {
                Holder holder = Holder.of(evaluation);
                group(evaluation, holderDimensionValue(kind, holder.kind(), holder.orgId(), evaluation))
                        .ifPresent(group -> {
                            Tally tally = tallies.computeIfAbsent(new KindGroup(kind, group), key -> new Tally());
                            tally.rated++;
                            tally.fives += evaluation.rating() == 5 ? 1 : 0;
                            tally.fours += evaluation.rating() == 4 ? 1 : 0;
                        });
            }
        }
        double basicallySatisfied =
                Double.parseDouble(rules.basicallySatisfiedWeight().toPlainString());
        Map<KindGroup, Map<String, Object>> rows = new HashMap<>();
        Map<KindGroup, Double> scores = new HashMap<>();
        tallies.forEach((kindGroup, tally) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dimension_value", kindGroup.group().dimensionValue());
            row.put("period_start", kindGroup.group().periodStart());
            row.put("received_tickets", tally.received);
            row.put("response_judged", tally.responseJudged);
            row.put("accepted_in_time", tally.acceptedInTime);
            rate(row, "response", tally.acceptedInTime, tally.responseJudged);
            row.put("returned_tickets", tally.returned);
            rate(row, "return", tally.returned, tally.received);
            row.put("due_tickets", tally.due);
            row.put("resolved_tickets", tally.resolved);
            rate(row, "resolution", tally.resolved, tally.due);
            row.put("on_time_closures", tally.onTimeClosures);
            rate(row, "on_time_closure", tally.onTimeClosures, tally.due);
            row.put("resolutions", tally.resolutions);
            row.put("reopened_resolutions", tally.reopenedResolutions);
            rate(row, "redo", tally.reopenedResolutions, tally.resolutions);
            row.put("rated_tickets", tally.rated);
            double satisfied = tally.fives + tally.fours * basicallySatisfied;
            row.put("satisfied", satisfied);
            rate(row, "satisfaction", satisfied, tally.rated);
            Double response = (Double) row.get("response_rate");
            Double resolution = (Double) row.get("resolution_rate");
            Double satisfaction = (Double) row.get("satisfaction_rate");
            Double score = response == null || resolution == null || satisfaction == null
                    ? null
                    : 100
                            * (weight(rules.responseWeight()) * response
                                    + weight(rules.resolutionWeight()) * resolution
                                    + weight(rules.satisfactionWeight()) * satisfaction);
            row.put("score", score);
            boolean ranked = tally.received >= rules.minimumTickets() && score != null;
            row.put("ranked", ranked);
            if (ranked) {
                scores.put(kindGroup, score);
            }
            rows.put(kindGroup, row);
        });
        List<Map<String, Object>> answer = new ArrayList<>();
        rows.entrySet().stream()
                .filter(entry -> entry.getKey().kind().equals(dimension))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(KindGroup::group)))
                .forEach(entry -> {
                    KindGroup kindGroup = entry.getKey();
                    Map<String, Object> row = entry.getValue();
                    Double score = scores.get(kindGroup);
                    Long rank = score == null
                            ? null
                            : 1
                                    + scores.entrySet().stream()
                                            .filter(other ->
                                                    other.getKey().kind().equals(kindGroup.kind()))
                                            .filter(other -> other.getKey()
                                                    .group()
                                                    .periodStart()
                                                    .equals(kindGroup.group().periodStart()))
                                            .filter(other -> other.getValue() > score)
                                            .count();
                    Long rankFromBottom = score == null
                            ? null
                            : 1
                                    + scores.entrySet().stream()
                                            .filter(other -> other.getKey()
                                                    .group()
                                                    .periodStart()
                                                    .equals(kindGroup.group().periodStart()))
                                            .filter(other -> other.getValue() < score)
                                            .count();
                    row.put("rank_in_kind", rank);
                    row.put("rank_from_bottom", rankFromBottom);
                    long rankedOfKind = scores.keySet().stream()
                            .filter(other -> other.kind().equals(kindGroup.kind()))
                            .filter(other -> other.group()
                                    .periodStart()
                                    .equals(kindGroup.group().periodStart()))
                            .count();
                    long rankedTogether = scores.keySet().stream()
                            .filter(other -> other.group()
                                    .periodStart()
                                    .equals(kindGroup.group().periodStart()))
                            .count();
                    row.put(
                            "listed",
                            rankFromBottom != null
                                            && rankFromBottom <= rules.listSize()
                                            && 2 * rankFromBottom <= rankedTogether
                                    ? "black"
                                    : rank != null && rank <= rules.listSize() && 2 * rank <= rankedOfKind
                                            ? "red"
                                            : null);
                    row.put("frozen", !now.isBefore(cutoff(kindGroup.group())));
                    row.put("formula", formula());
                    answer.add(row);
                });
        return answer;
    }

    private void tallyReceiptsAndResolutions(String kind, Ticket ticket, Map<KindGroup, Tally> tallies) {
        for (TicketEventRow step : ticket.steps()) {
            boolean receipt =
                    (step.eventType().equals("DISPATCHED") || step.eventType().equals("ESCALATED"))
                            && step.assigneeOrgKind() != null
                            && RECEIVING_KINDS.contains(step.assigneeOrgKind());
            boolean resolution = step.eventType().equals("RESOLVED");
            if (!receipt && !resolution) {
                continue;
            }
            Holder holder = Holder.of(step);
            Optional<Group> charged = group(step, holderDimensionValue(kind, holder.kind(), holder.orgId(), step));
            if (charged.isEmpty()) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(new KindGroup(kind, charged.get()), key -> new Tally());
            if (receipt) {
                tally.received++;
                Optional<TicketEventRow> accepted = acceptedDuring(ticket, step);
                LocalDateTime acceptDue = step.acceptDueAt() == null ? null : local(step.acceptDueAt());
                if (acceptDue != null && (accepted.isPresent() || !acceptDue.isAfter(now))) {
                    tally.responseJudged++;
                }
                if (acceptDue != null
                        && accepted.filter(acceptance ->
                                        !local(acceptance.occurredAt()).isAfter(acceptDue))
                                .filter(acceptance -> beforeCutoff(acceptance, charged.get()))
                                .isPresent()) {
                    tally.acceptedInTime++;
                }
                Outcome outcome = handOverOutcome(ticket, step);
                if (outcome.returned() && beforeCutoff(outcome.at(), charged.get())) {
                    tally.returned++;
                }
            } else {
                tally.resolutions++;
                if (reopenedAfter(ticket, step)
                        .filter(reopened -> beforeCutoff(reopened, charged.get()))
                        .isPresent()) {
                    tally.reopenedResolutions++;
                }
            }
        }
    }

    /** A ticket due (original resolve-by time) in the period and by now, charged to its holder when resolved or due. */
    private void tallyDue(String kind, Ticket ticket, Map<KindGroup, Tally> tallies) {
        Optional<Instant> originalDue = ticket.originalResolveDue();
        if (originalDue.isEmpty()) {
            return;
        }
        Instant due = originalDue.get();
        LocalDateTime localDue = local(due);
        if (localDue.isAfter(now) || !inRange(localDue.toLocalDate())) {
            return;
        }
        Optional<TicketEventRow> firstResolution = ticket.first("RESOLVED");
        Instant answeredAt = firstResolution
                .map(TicketEventRow::occurredAt)
                .filter(resolved -> resolved.isBefore(due))
                .orElse(due);
        Optional<TicketEventRow> holderStep = ticket.steps().stream()
                .filter(step -> !step.occurredAt().isAfter(answeredAt))
                .max(EVENT_ORDER);
        if (holderStep.isEmpty()) {
            return;
        }
        Holder holder = Holder.of(holderStep.get());
        String value = holderDimensionValue(kind, holder.kind(), holder.orgId(), holderStep.get());
        if (value == null) {
            return;
        }
        Group group = new Group(periodStart(localDue.toLocalDate()).toString(), value);
        Tally tally = tallies.computeIfAbsent(new KindGroup(kind, group), key -> new Tally());
        tally.due++;
        if (firstResolution.filter(resolved -> beforeCutoff(resolved, group)).isPresent()) {
            tally.resolved++;
        }
        Optional<Instant> miss = ticket.firstResolutionMiss();
        boolean onTime = firstResolution
                .filter(resolved -> !resolved.occurredAt().isAfter(due))
                .filter(resolved -> miss.isEmpty() || !miss.get().isBefore(resolved.occurredAt()))
                .isPresent();
        boolean reopened = ticket.first("REOPENED")
                .filter(reopening -> beforeCutoff(reopening, group))
                .isPresent();
        if (onTime && !reopened) {
            tally.onTimeClosures++;
        }
    }

    /** The rate, and its 95 % Wilson interval written as assessment.sql computes it; null without a count. */
    private static void rate(Map<String, Object> row, String name, double part, long whole) {
        if (whole == 0) {
            row.put(name + "_rate", null);
            row.put(name + "_rate_low", null);
            row.put(name + "_rate_high", null);
            return;
        }
        double share = part / whole;
        double spread = 1.96 * Math.sqrt(share * (1 - share) / whole + 3.8416 / (4 * whole * whole));
        row.put(name + "_rate", share);
        row.put(name + "_rate_low", (share + 3.8416 / (2 * whole) - spread) / (1 + 3.8416 / whole));
        row.put(name + "_rate_high", (share + 3.8416 / (2 * whole) + spread) / (1 + 3.8416 / whole));
    }

    private static double weight(BigDecimal weight) {
        return Double.parseDouble(weight.toPlainString());
    }

    private String formula() {
        return "score = 100 × (" + rules.responseWeight().toPlainString() + " × response rate + "
                + rules.resolutionWeight().toPlainString() + " × resolution rate + "
                + rules.satisfactionWeight().toPlainString()
                + " × satisfaction rate); satisfied = rating 5 + "
                + rules.basicallySatisfiedWeight().toPlainString()
                + " × rating 4; ranked from " + rules.minimumTickets() + " received tickets; red list: top "
                + rules.listSize()
                + " of each kind, black list: bottom " + rules.listSize()
                + " of all ranked together, each at most half of those ranked;"
                + " outcomes up to "
                + rules.freezeDays() + " days after the period";
    }

    /** A period, dimension value and state, ordered as time_in_state.sql orders its rows. */
    private record StateGroup(String periodStart, String dimensionValue, String state)
            implements Comparable<StateGroup> {
        @Override
        public int compareTo(StateGroup other) {
            return Comparator.comparing(StateGroup::periodStart)
                    .thenComparing(StateGroup::dimensionValue)
                    .thenComparing(StateGroup::state)
                    .compare(this, other);
        }
    }

    List<Map<String, Object>> ratings() {
        Map<Group, List<Integer>> ratings = new TreeMap<>();
        lastRatingPerPeriod()
                .forEach(evaluation -> group(evaluation)
                        .ifPresent(group -> ratings.computeIfAbsent(group, key -> new ArrayList<>())
                                .add(evaluation.rating())));
        List<Map<String, Object>> rows = new ArrayList<>();
        ratings.forEach((group, values) -> {
            long sum = values.stream().mapToLong(Integer::longValue).sum();
            List<Object> columns = new ArrayList<>(
                    List.of("rated_tickets", (long) values.size(), "mean_rating", (double) sum / values.size()));
            for (int rating = 1; rating <= 5; rating++) {
                int value = rating;
                columns.add("rating_" + rating);
                columns.add(values.stream().filter(given -> given == value).count());
            }
            rows.add(row(group, columns.toArray()));
        });
        return rows;
    }

    /** Each ticket's last evaluation with a rating in each period it was rated in (within the range). */
    private List<TicketEventRow> lastRatingPerPeriod() {
        List<TicketEventRow> ratings = new ArrayList<>();
        for (Ticket ticket : tickets) {
            Map<LocalDate, TicketEventRow> lastPerPeriod = new TreeMap<>();
            ticket.events().stream()
                    .filter(event -> event.eventType().equals("EVALUATED") && event.rating() != null)
                    .filter(event -> inRange(local(event.occurredAt()).toLocalDate()))
                    .forEach(event -> lastPerPeriod.put(
                            periodStart(local(event.occurredAt()).toLocalDate()), event));
            ratings.addAll(lastPerPeriod.values());
        }
        return ratings;
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
                if (!"SYSTEM".equals(event.actorRole())
                        || !(flagged || event.eventType().equals("ESCALATED"))) {
                    continue;
                }
                Optional<Responsible> responsible = flagged
                        ? Optional.of(new Responsible("TOWN", event.townId()))
                        : ticket.events().stream()
                                .filter(previous -> previous.sequence() == event.sequence() - 1)
                                .filter(previous ->
                                        previous.assigneeOrgId() != null && previous.assigneeOrgKind() != null)
                                .findFirst()
                                .map(previous -> new Responsible(previous.assigneeOrgKind(), previous.assigneeOrgId()));
                responsible.ifPresent(holder -> group(event, missDimensionValue(event, holder))
                        .ifPresent(group -> misses.computeIfAbsent(group, key -> new TreeMap<>())
                                .computeIfAbsent(holder, key -> new ArrayList<>())
                                .add(event)));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        misses.forEach((group, byResponsible) -> byResponsible.forEach((responsible, events) -> {
            Map<String, Long> byStep = events.stream()
                    .collect(Collectors.groupingBy(event -> missedStep(event, responsible), Collectors.counting()));
            rows.add(row(
                    group,
                    "responsible_org_id",
                    responsible.orgId(),
                    "responsible_org_kind",
                    responsible.kind(),
                    "misses",
                    (long) events.size(),
                    "dispatch_misses",
                    byStep.getOrDefault("dispatch", 0L),
                    "acceptance_misses",
                    byStep.getOrDefault("acceptance", 0L),
                    "resolution_misses",
                    byStep.getOrDefault("resolution", 0L),
                    "missed_tickets",
                    events.stream().map(TicketEventRow::ticketId).distinct().count()));
        }));
        return rows;
    }

    /** An organisation a miss counts against, ordered as the file orders them: by kind, then id. */
    private record Responsible(String kind, String orgId) implements Comparable<Responsible> {
        @Override
        public int compareTo(Responsible other) {
            return Comparator.comparing(Responsible::kind)
                    .thenComparing(Responsible::orgId)
                    .compare(this, other);
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
            return Comparator.comparing(Group::periodStart)
                    .thenComparing(Group::dimensionValue)
                    .compare(this, other);
        }
    }

    /** The group of a measured event: its local period and its dimension value, if in range and not empty. */
    private Optional<Group> group(TicketEventRow event) {
        return group(event, dimensionValue(event));
    }

    private Optional<Group> group(TicketEventRow event, String value) {
        LocalDate day = local(event.occurredAt()).toLocalDate();
        return value != null && inRange(day)
                ? Optional.of(new Group(periodStart(day).toString(), value))
                : Optional.empty();
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
            row.put((String) columnsAndValues[index], columnsAndValues[index + 1]);
        }
        return row;
    }
}
