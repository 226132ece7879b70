package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.parquet.ParquetRowReader;
import io.gridsteward.analytics.lake.stream.LakeBucket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rewrites a lake table's partition-day's many small objects (one per stream batch) into one deduplicated object, sorted by
 * event time. The new object is put first and the originals deleted after, so a query never loses a row: between
 * the two it sees each event twice, which the deduplicated views remove. Only the objects listed at the start are
 * deleted, so a batch the lake writer lands meanwhile stays. Re-running is harmless: a day with one object is left
 * alone, and a run that died between put and delete is finished by the next (its output is just another input).
 * Row groups are parquet-java's default 128 MB, Athena's sweet spot; a county's day is far below one row group.
 */
public final class Compaction {

    static final String EVENT_ID = "event_id";
    static final String COMPACTED_PREFIX = "compacted-";
    private static final String OCCURRED_AT = "occurred_at";

    private final LakeBucket storage;
    private final ParquetRowReader reader;
    private final ParquetObjectWriter writer;

    public Compaction(LakeBucket storage, ParquetRowReader reader, ParquetObjectWriter writer) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * What compacting one day of one table did.
     *
     * @param table         the lake table, e.g. {@code party_events}
     * @param objectsBefore the day's objects when it started
     * @param objectsAfter  the day's objects when it ended (1, or more if the lake writer landed a batch meanwhile)
     * @param compactedKey  the object written, absent when the day needed nothing
     */
    public record DayCompaction(
            String table,
            String day,
            int objectsBefore,
            int objectsAfter,
            long rowsRead,
            long rowsWritten,
            Optional<String> compactedKey) {}

    public List<DayCompaction> compact(LakeTable table, List<String> days) {
        return days.stream().map(day -> compactDay(table, day)).toList();
    }

    /** Every table's days, table by table. */
    public List<DayCompaction> compact(List<LakeTable> tables, List<String> days) {
        return tables.stream().flatMap(table -> compact(table, days).stream()).toList();
    }

    public DayCompaction compactDay(LakeTable table, String day) {
        String prefix = partitionPrefix(table, day);
        List<String> inputs = parquetKeys(prefix);
        if (inputs.size() <= 1) {
            return new DayCompaction(table.name(), day, inputs.size(), inputs.size(), 0, 0, Optional.empty());
        }
        int eventId = columnIndex(table, EVENT_ID);
        Map<Object, List<Object>> byEvent = new LinkedHashMap<>();
        long rowsRead = 0;
        for (String key : inputs) {
            for (List<Object> row : reader.read(table, storage.get(key))) {
                rowsRead++;
                byEvent.putIfAbsent(row.get(eventId), row);
            }
        }
        List<List<Object>> rows = new ArrayList<>(byEvent.values());
        rows.sort(order(table, eventId));
        String compactedKey = prefix + COMPACTED_PREFIX + digest(inputs) + ".parquet";
        storage.put(compactedKey, writer.write(table, rows));
        storage.delete(inputs);
        return new DayCompaction(
                table.name(),
                day,
                inputs.size(),
                parquetKeys(prefix).size(),
                rowsRead,
                rows.size(),
                Optional.of(compactedKey));
    }

    /** The key prefix of one day of a table: {@code <table>/dt=<day>/}. */
    static String partitionPrefix(LakeTable table, String day) {
        return table.keyPrefix() + table.partitionColumn() + "=" + day + "/";
    }

    private List<String> parquetKeys(String prefix) {
        return storage.list(prefix).stream()
                .map(LakeBucket.LakeObject::key)
                .filter(key -> key.endsWith(".parquet"))
                .toList();
    }

    static int columnIndex(LakeTable table, String column) {
        int index = table.columnNames().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("lake table " + table.name() + " has no column " + column);
        }
        return index;
    }

    /** By event time where the table has one (row-group statistics then narrow time filters), then event id. */
    private static Comparator<List<Object>> order(LakeTable table, int eventId) {
        Comparator<List<Object>> byEventId = Comparator.comparing(row -> (String) row.get(eventId));
        int occurredAt = table.columnNames().indexOf(OCCURRED_AT);
        if (occurredAt < 0) {
            return byEventId;
        }
        return Comparator.<List<Object>, Instant>comparing(row -> (Instant) row.get(occurredAt))
                .thenComparing(byEventId);
    }

    /** Names the output after its inputs, so a re-run over the same inputs writes the same key. */
    private static String digest(List<String> keys) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            keys.stream().sorted().forEach(key -> sha256.update((key + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is part of every JDK", exception);
        }
    }
}
