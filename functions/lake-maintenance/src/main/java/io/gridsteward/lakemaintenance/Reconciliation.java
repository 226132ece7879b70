package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.parquet.ParquetRowReader;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The proof of "nothing lost, nothing doubled": per day, the TicketEvent items of the table against the distinct
 * event ids in the lake's objects of that {@code dt}. Copies of an event in several objects are not a difference
 * (the views keep one); an id on one side only is, and is named.
 */
public final class Reconciliation {

    private final TableEvents table;
    private final LakeBucket storage;
    private final ParquetRowReader reader;

    public Reconciliation(TableEvents table, LakeBucket storage, ParquetRowReader reader) {
        this.table = Objects.requireNonNull(table, "table");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * One day's comparison.
     *
     * @param lakeRows       rows in the day's objects, copies included
     * @param missingFromLake event ids in the table and not in the lake, sorted
     * @param extraInLake     event ids in the lake and not in the table, sorted
     */
    public record DayReconciliation(
            String day,
            long tableEvents,
            long lakeEvents,
            long lakeRows,
            List<String> missingFromLake,
            List<String> extraInLake) {

        public boolean consistent() {
            return missingFromLake.isEmpty() && extraInLake.isEmpty();
        }
    }

    public record Report(LakeDays period, List<DayReconciliation> days) {

        public boolean consistent() {
            return days.stream().allMatch(DayReconciliation::consistent);
        }

        public long tableEvents() {
            return days.stream().mapToLong(DayReconciliation::tableEvents).sum();
        }

        public long lakeEvents() {
            return days.stream().mapToLong(DayReconciliation::lakeEvents).sum();
        }
    }

    public Report reconcile(LakeDays period) {
        Map<String, Set<String>> tableIds = tableEventIds(period);
        List<DayReconciliation> days = new ArrayList<>();
        for (String day : period.days()) {
            Set<String> inTable = tableIds.getOrDefault(day, Set.of());
            Map<String, Long> inLake = lakeEventIds(LakeSchema.TICKET_EVENTS, day);
            TreeSet<String> missing = new TreeSet<>(inTable);
            missing.removeAll(inLake.keySet());
            TreeSet<String> extra = new TreeSet<>(inLake.keySet());
            extra.removeAll(inTable);
            long lakeRows = inLake.values().stream().mapToLong(Long::longValue).sum();
            days.add(new DayReconciliation(
                    day, inTable.size(), inLake.size(), lakeRows, List.copyOf(missing), List.copyOf(extra)));
        }
        return new Report(period, List.copyOf(days));
    }

    private Map<String, Set<String>> tableEventIds(LakeDays period) {
        Map<String, Set<String>> byDay = new ConcurrentHashMap<>();
        table.forEach(period.start(), period.end(), item -> {
            String day = LakeSchema.partitionValue(Instant.parse(string(item, "occurredAt")));
            byDay.computeIfAbsent(day, key -> ConcurrentHashMap.newKeySet()).add(string(item, "eventId"));
        });
        return byDay;
    }

    /** Each distinct event id of the day's objects with its number of copies. */
    private Map<String, Long> lakeEventIds(LakeTable lakeTable, String day) {
        LakeColumn eventId = lakeTable.column(Compaction.EVENT_ID).orElseThrow();
        Map<String, Long> copies = new HashMap<>();
        for (LakeBucket.LakeObject object : storage.list(Compaction.partitionPrefix(lakeTable, day))) {
            if (!object.key().endsWith(".parquet")) {
                continue;
            }
            for (List<Object> row : reader.read(lakeTable, List.of(eventId), storage.get(object.key()))) {
                copies.merge((String) row.getFirst(), 1L, Long::sum);
            }
        }
        return copies;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException(
                    "TicketEvent item " + item.get("pk") + "/" + item.get("sk") + " has no string " + name);
        }
        return value.s();
    }
}
