package io.gridsteward.lakemaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.lake.LakeColumn;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.gridsteward.analytics.testing.TicketEvents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {

    private static final String DAY = "2026-11-20";
    private static final Instant MORNING = Instant.parse("2026-11-20T06:00:00Z");
    /** Columns added after the first; a file written before them lacks them. */
    private static final List<String> NEWER_COLUMNS =
            List.of("priority", "accept_due_at", "resolve_due_at", "rating", "assignee_org_kind");

    private final LakeHarness lake = new LakeHarness();

    @AfterEach
    void close() throws Exception {
        lake.close();
    }

    @Test
    void aDaysSmallObjectsBecomeOneDeduplicatedObject() {
        List<Map<String, String>> events = events(120);
        landInBatches(events, 10);
        // A redelivered batch under other sequence numbers (a bisected retry): the same events in another object.
        lake.streamBatch(events.subList(0, 10), 9_000);
        Map<String, List<List<Object>>> before = lake.day(DAY);

        List<Compaction.DayCompaction> result =
                compaction(lake.storage).compact(LakeSchema.TICKET_EVENTS, List.of(DAY, "2026-11-21"));

        Map<String, List<List<Object>>> after = lake.day(DAY);
        System.out.println("compaction of " + DAY + ": objects " + before.size() + " -> " + after.size());
        assertThat(before).hasSize(13);
        assertThat(after).hasSize(1);
        assertThat(result.getFirst()).satisfies(day -> {
            assertThat(day.objectsBefore()).isEqualTo(13);
            assertThat(day.objectsAfter()).isEqualTo(1);
            assertThat(day.rowsRead()).isEqualTo(130);
            assertThat(day.rowsWritten()).isEqualTo(120);
            assertThat(day.compactedKey()).contains(after.keySet().iterator().next());
        });
        assertThat(result.get(1).compactedKey()).isEmpty();
        List<List<Object>> rows = after.values().iterator().next();
        assertThat(eventIds(rows))
                .hasSize(120)
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(event -> event.get("eventId")).toList());
        assertThat(rows)
                .containsExactlyInAnyOrderElementsOf(before.values().stream()
                        .flatMap(List::stream)
                        .distinct()
                        .toList());
        assertThat(rows).extracting(row -> (Instant) row.get(6)).isSorted();
    }

    @Test
    void aSecondRunChangesNothing() {
        landInBatches(events(40), 10);
        Compaction compaction = compaction(lake.storage);
        compaction.compactDay(LakeSchema.TICKET_EVENTS, DAY);
        Map<String, List<List<Object>>> once = lake.day(DAY);

        Compaction.DayCompaction again = compaction.compactDay(LakeSchema.TICKET_EVENTS, DAY);

        assertThat(again.compactedKey()).isEmpty();
        assertThat(again.objectsBefore()).isEqualTo(1);
        assertThat(lake.day(DAY)).isEqualTo(once);
    }

    @Test
    void atEveryDeleteTheDayStillHoldsEveryEvent() {
        List<Map<String, String>> events = events(60);
        landInBatches(events, 6);
        Set<String> expected =
                events.stream().map(event -> event.get("eventId")).collect(Collectors.toSet());
        List<Set<String>> seenAtDeletes = new ArrayList<>();
        LakeBucket watching = new ForwardingStorage(lake.storage) {
            @Override
            public void delete(Collection<String> keys) {
                seenAtDeletes.add(visibleEventIds());
                super.delete(keys);
                seenAtDeletes.add(visibleEventIds());
            }
        };

        compaction(watching).compactDay(LakeSchema.TICKET_EVENTS, DAY);

        assertThat(seenAtDeletes)
                .isNotEmpty()
                .allSatisfy(seen -> assertThat(seen).isEqualTo(expected));
    }

    @Test
    void aRunThatDiesBeforeDeletingIsFinishedByTheNext() {
        List<Map<String, String>> events = events(30);
        landInBatches(events, 5);
        LakeBucket dying = new ForwardingStorage(lake.storage) {
            @Override
            public void delete(Collection<String> keys) {
                throw new IllegalStateException("the function timed out");
            }
        };

        assertThatThrownBy(() -> compaction(dying).compactDay(LakeSchema.TICKET_EVENTS, DAY))
                .hasMessageContaining("timed out");
        assertThat(lake.day(DAY)).hasSize(7);
        Compaction.DayCompaction finished = compaction(lake.storage).compactDay(LakeSchema.TICKET_EVENTS, DAY);

        assertThat(finished.objectsBefore()).isEqualTo(7);
        assertThat(finished.rowsRead()).isEqualTo(60);
        assertThat(lake.day(DAY))
                .hasSize(1)
                .allSatisfy((key, rows) -> assertThat(eventIds(rows)).hasSize(30));
    }

    @Test
    void filesWrittenBeforeTheNewestColumnsAreCarriedIntoTheCurrentSchema(@TempDir Path scratch) {
        List<LakeColumn> original = LakeSchema.TICKET_EVENTS.columns().stream()
                .filter(column -> !NEWER_COLUMNS.contains(column.name()))
                .toList();
        TicketEventRow old = TicketEvents.reported("old-ticket", "grid-1", MORNING);
        ParquetFiles.put(
                lake.s3,
                lake.bucket,
                "ticket_events/dt=" + DAY + "/old-batch.parquet",
                List.of(old),
                original,
                scratch);
        landInBatches(events(10), 5);

        compaction(lake.storage).compactDay(LakeSchema.TICKET_EVENTS, DAY);

        List<List<Object>> rows = lake.day(DAY).values().iterator().next();
        List<String> columns = LakeSchema.TICKET_EVENTS.columnNames();
        List<Object> oldRow = rows.stream()
                .filter(row -> row.getFirst().equals(old.eventId()))
                .findFirst()
                .orElseThrow();
        assertThat(rows).hasSize(11);
        NEWER_COLUMNS.forEach(column ->
                assertThat(oldRow.get(columns.indexOf(column))).as(column).isNull());
        assertThat(oldRow.get(columns.indexOf("ticket_id"))).isEqualTo("old-ticket");
        assertThat(rows.stream().filter(row -> row != oldRow))
                .allSatisfy(
                        row -> assertThat(row.get(columns.indexOf("priority"))).isEqualTo("NORMAL"));
    }

    private Set<String> visibleEventIds() {
        return lake.day(DAY).values().stream()
                .flatMap(rows -> eventIds(rows).stream())
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void everyLakeTablesDayBecomesOneObjectAndTheOtherDaysAreLeftAlone() {
        String otherDay = "2026-11-21";
        Map<String, List<List<Object>>> landed = new LinkedHashMap<>();
        for (LakeTable table : LakeSchema.TABLES) {
            List<List<Object>> rows = rowsOf(table, 30);
            // Three batches, the last one redelivering the first ten rows under another key.
            landObject(table, DAY, "batch-1", rows.subList(0, 15));
            landObject(table, DAY, "batch-2", rows.subList(15, 30));
            landObject(table, DAY, "batch-3", rows.subList(0, 10));
            landObject(table, otherDay, "batch-1", rowsOf(table, 1));
            landed.put(table.name(), rows);
        }

        List<Compaction.DayCompaction> result = compaction(lake.storage).compact(LakeSchema.TABLES, List.of(DAY));

        assertThat(result)
                .extracting(Compaction.DayCompaction::table)
                .containsExactlyElementsOf(
                        LakeSchema.TABLES.stream().map(LakeTable::name).toList());
        assertThat(result).allSatisfy(day -> {
            assertThat(day.objectsBefore()).isEqualTo(3);
            assertThat(day.objectsAfter()).isEqualTo(1);
            assertThat(day.rowsRead()).isEqualTo(40);
            assertThat(day.rowsWritten()).isEqualTo(30);
        });
        for (LakeTable table : LakeSchema.TABLES) {
            Map<String, List<List<Object>>> objects = lake.day(table, DAY);
            assertThat(objects).hasSize(1);
            assertThat(objects.values().iterator().next())
                    .as(table.name())
                    .containsExactlyInAnyOrderElementsOf(landed.get(table.name()));
            assertThat(lake.day(table, otherDay)).as(table.name()).hasSize(1);
        }
    }

    /** {@code count} rows of any lake table, each column filled by its type; event ids event-0, event-1, ... */
    private static List<List<Object>> rowsOf(LakeTable table, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            List<Object> row = new ArrayList<>();
            for (LakeColumn column : table.columns()) {
                row.add(
                        column.nullable() && index % 3 == 0
                                ? null
                                : switch (column.type()) {
                                    case STRING ->
                                        column.name().equals("event_id")
                                                ? "event-" + index
                                                : column.name() + "-" + index;
                                    case INT32 -> index;
                                    case INT64 -> (long) index * 1_000;
                                    case TIMESTAMP_MICROS_UTC -> MORNING.plusSeconds(index * 60L);
                                });
            }
            rows.add(row);
        }
        return rows;
    }

    private void landObject(LakeTable table, String day, String name, List<List<Object>> rows) {
        lake.storage.put(Compaction.partitionPrefix(table, day) + name + ".parquet", lake.writer.write(table, rows));
    }

    private Compaction compaction(LakeBucket storage) {
        return new Compaction(storage, lake.reader, lake.writer);
    }

    private void landInBatches(List<Map<String, String>> events, int batchSize) {
        for (int start = 0; start < events.size(); start += batchSize) {
            assertThat(lake.streamBatch(events.subList(start, Math.min(events.size(), start + batchSize)), 100L + start)
                            .retryFrom())
                    .isEmpty();
        }
    }

    static List<Map<String, String>> events(int count) {
        List<Map<String, String>> events = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            events.add(TicketEventItems.event(
                    "ticket-" + index / 2,
                    index % 2 + 1,
                    index % 2 == 0 ? "REPORTED" : "DISPATCHED",
                    MORNING.plusSeconds(index * 37L)));
        }
        return events;
    }

    private static List<String> eventIds(List<List<Object>> rows) {
        return rows.stream().map(row -> (String) row.getFirst()).toList();
    }

    /** A storage passing everything through, for tests to override one operation. */
    static class ForwardingStorage implements LakeBucket {

        private final LakeBucket delegate;

        ForwardingStorage(LakeBucket delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<LakeObject> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public byte[] get(String key) {
            return delegate.get(key);
        }

        @Override
        public void put(String key, byte[] body) {
            delegate.put(key, body);
        }

        @Override
        public void delete(Collection<String> keys) {
            delegate.delete(keys);
        }
    }
}
