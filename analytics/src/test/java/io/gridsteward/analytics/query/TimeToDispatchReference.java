package io.gridsteward.analytics.query;

import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The metric computed in plain Java from the same events, to hold the SQL to: nearest rank, by index. */
final class TimeToDispatchReference {

    record GridRow(String gridId, long tickets, double medianSeconds, double p90Seconds) {}

    private TimeToDispatchReference() {}

    static List<GridRow> compute(List<TicketEventRow> events) {
        Map<String, TicketEventRow> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.eventId(), event));
        Comparator<TicketEventRow> earliest =
                Comparator.comparing(TicketEventRow::occurredAt).thenComparingLong(TicketEventRow::sequence);
        Map<String, TicketEventRow> firstReported = new HashMap<>();
        Map<String, TicketEventRow> firstDispatched = new HashMap<>();
        for (TicketEventRow event : distinct.values()) {
            Map<String, TicketEventRow> first = switch (event.eventType()) {
                case "REPORTED" -> firstReported;
                case "DISPATCHED" -> firstDispatched;
                default -> null;
            };
            if (first != null) {
                first.merge(
                        event.ticketId(),
                        event,
                        (kept, candidate) -> earliest.compare(candidate, kept) < 0 ? candidate : kept);
            }
        }
        Map<String, List<Long>> millisecondsByGrid = new TreeMap<>();
        firstDispatched.forEach((ticketId, dispatched) -> {
            TicketEventRow reported = firstReported.get(ticketId);
            if (reported != null) {
                millisecondsByGrid
                        .computeIfAbsent(dispatched.gridId(), grid -> new ArrayList<>())
                        .add(Duration.between(reported.occurredAt(), dispatched.occurredAt())
                                .toMillis());
            }
        });
        List<GridRow> rows = new ArrayList<>();
        millisecondsByGrid.forEach((grid, milliseconds) -> {
            List<Long> sorted = milliseconds.stream().sorted().toList();
            rows.add(new GridRow(
                    grid, sorted.size(), nearestRank(sorted, 50) / 1000.0, nearestRank(sorted, 90) / 1000.0));
        });
        return rows;
    }

    /** The value at 1-based rank ceil(percent / 100 * n) of the sorted values. */
    static long nearestRank(List<Long> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(rank - 1);
    }
}
