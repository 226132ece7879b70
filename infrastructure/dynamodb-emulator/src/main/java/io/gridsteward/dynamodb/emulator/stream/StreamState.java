package io.gridsteward.dynamodb.emulator.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * One table stream with its single shard: metadata plus the records still retained, in commit order. Not thread-safe:
 * the database lock guards it.
 */
public final class StreamState {
    public static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;

    private final StreamMetadata metadata;
    private final List<StreamRecord> records = new ArrayList<>();
    private long trimmedThroughSequence;
    private boolean enabled;
    private long closingSequence;

    public StreamState(StreamMetadata metadata) {
        this.metadata = metadata;
        this.enabled = metadata.enabled();
        this.closingSequence = metadata.closingSequence();
        this.trimmedThroughSequence = metadata.startingSequence() - 1;
    }

    public StreamMetadata metadata() {
        return new StreamMetadata(
                metadata.arn(),
                metadata.label(),
                metadata.tableName(),
                metadata.viewType(),
                metadata.hashKey(),
                metadata.rangeKey(),
                metadata.createdAtMillis(),
                metadata.startingSequence(),
                enabled,
                closingSequence);
    }

    public String arn() {
        return metadata.arn();
    }

    public boolean enabled() {
        return enabled;
    }

    /** Closes the shard: no more records; the last sequence number it may hold is {@code lastSequence}. */
    public void disable(long lastSequence) {
        enabled = false;
        closingSequence = lastSequence;
    }

    public long closingSequence() {
        return closingSequence;
    }

    public void append(StreamRecord record) {
        records.add(record);
    }

    public List<StreamRecord> records() {
        return records;
    }

    /** The records are trimmed when older than the retention; returns the highest sequence trimmed so far at {@code nowMillis}. */
    public long trimmedThrough(long nowMillis) {
        long trimmed = trimmedThroughSequence;
        int firstRetained = firstRetainedIndex(nowMillis);
        if (firstRetained > 0) {
            trimmed = Math.max(trimmed, records.get(firstRetained - 1).sequence());
        }
        return trimmed;
    }

    public int firstRetainedIndex(long nowMillis) {
        long oldestKept = nowMillis - RETENTION_MILLIS;
        int index = 0;
        while (index < records.size() && records.get(index).createdAtMillis() < oldestKept) {
            index++;
        }
        return index;
    }

    /** After a restart from a snapshot: the records trimmed before it stay trimmed for iterators that point at them. */
    public void restoreTrimmedThrough(long sequence) {
        trimmedThroughSequence = Math.max(trimmedThroughSequence, sequence);
    }

    /** Drops the records past retention from memory (the database calls this under its write lock). */
    public void trim(long nowMillis) {
        int firstRetained = firstRetainedIndex(nowMillis);
        if (firstRetained > 0) {
            trimmedThroughSequence = records.get(firstRetained - 1).sequence();
            records.subList(0, firstRetained).clear();
        }
    }

    /** Index of the first retained record whose sequence is at least {@code sequence}. */
    public int indexAtOrAfter(long sequence) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (records.get(middle).sequence() < sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
