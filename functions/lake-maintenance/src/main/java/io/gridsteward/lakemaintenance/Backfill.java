package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import io.gridsteward.analytics.lake.stream.RecordOutcome;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rebuilds the lake's ticket_events for a period from the table itself (a new lake table, or after a bug): every
 * TicketEvent item of the period goes through the lake writer's own converter, as the INSERT record the stream
 * would have delivered, and each day becomes one object {@code dt=<day>/backfill-<day>.parquet}. The day's objects
 * listed before the table was read are deleted after the new object is put (the table holds everything they
 * held, and no query loses rows in between); objects the lake writer lands meanwhile stay. Re-running writes the
 * same keys.
 */
public final class Backfill {

    static final String BACKFILL_PREFIX = "backfill-";

    private final TableEvents table;
    private final LakeBucket storage;
    private final StreamRecordConverter converter;
    private final ParquetObjectWriter writer;

    public Backfill(
            TableEvents table, LakeBucket storage, StreamRecordConverter converter, ParquetObjectWriter writer) {
        this.table = Objects.requireNonNull(table, "table");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.converter = Objects.requireNonNull(converter, "converter");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * @param writtenKeys    one object per day that has events
     * @param replacedObjects objects of the period deleted because the rebuilt days replace them
     * @param unreadable     items the converter refused (their keys and why); they are left out, as the stream
     *                       path would send them to its dead-letter destination
     */
    public record Result(
            LakeDays period,
            long items,
            long rows,
            List<String> writtenKeys,
            int replacedObjects,
            List<String> unreadable) {}

    public Result run(LakeDays period, PrintStream console) {
        LakeTable lakeTable = LakeSchema.TICKET_EVENTS;
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String day : period.days()) {
            before.put(
                    day,
                    storage.list(Compaction.partitionPrefix(lakeTable, day)).stream()
                            .map(LakeBucket.LakeObject::key)
                            .filter(key -> key.endsWith(".parquet"))
                            .toList());
        }
        List<Map<String, AttributeValue>> items = Collections.synchronizedList(new ArrayList<>());
        console.println("backfill " + period.first() + ".." + period.last() + ": reading the table's events");
        table.forEach(period.start(), period.end(), items::add);
        items.sort(Comparator.comparing((Map<String, AttributeValue> item) -> text(item, "occurredAt"))
                .thenComparing(item -> text(item, "eventId")));

        Map<String, List<List<Object>>> rowsByDay = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        ProgressBar converting = new ProgressBar(console, "converting", items.size(), "events");
        for (int index = 0; index < items.size(); index++) {
            Map<String, AttributeValue> item = items.get(index);
            switch (converter.convert(StreamRecords.insertOf(item, String.valueOf(index + 1)))) {
                case RecordOutcome.Row row ->
                    rowsByDay
                            .computeIfAbsent(row.row().partitionValue(), day -> new ArrayList<>())
                            .add(row.row().values());
                case RecordOutcome.Skipped skipped ->
                    unreadable.add(text(item, "pk") + "/" + text(item, "sk") + ": " + skipped.reason());
                case RecordOutcome.Unreadable refused ->
                    unreadable.add(text(item, "pk") + "/" + text(item, "sk") + ": " + refused.problem());
            }
            converting.advance(1);
        }
        converting.finish();

        List<String> written = new ArrayList<>();
        int replaced = 0;
        long rows = 0;
        ProgressBar writing = new ProgressBar(console, "writing   ", before.size(), "days");
        for (Map.Entry<String, List<String>> day : before.entrySet()) {
            Set<String> obsolete = new HashSet<>(day.getValue());
            List<List<Object>> dayRows = rowsByDay.getOrDefault(day.getKey(), List.of());
            if (!dayRows.isEmpty()) {
                String key = Compaction.partitionPrefix(lakeTable, day.getKey()) + BACKFILL_PREFIX + day.getKey()
                        + ".parquet";
                storage.put(key, writer.write(lakeTable, dayRows));
                written.add(key);
                obsolete.remove(key);
                rows += dayRows.size();
            }
            storage.delete(obsolete);
            replaced += obsolete.size();
            writing.advance(1);
        }
        writing.finish();
        return new Result(period, items.size(), rows, List.copyOf(written), replaced, List.copyOf(unreadable));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
