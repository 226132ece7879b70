package io.gridsteward.local.lambda;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The latest durations of one step of a request (the front's parsing, the hand-off to a runtime, the handler...), so
 * that a benchmark can say where each millisecond goes. Holds the last {@value #CAPACITY} samples: bounded memory on a
 * stack that runs for days.
 */
public final class LatencySamples {
    private static final int CAPACITY = 1 << 16;

    private final long[] nanos = new long[CAPACITY];
    private long recorded;

    public synchronized void record(long durationNanos) {
        nanos[(int) (recorded % CAPACITY)] = durationNanos;
        recorded++;
    }

    public synchronized int count() {
        return (int) Math.min(recorded, CAPACITY);
    }

    /** The samples held, oldest first: with one request at a time, sample i of each step belongs to request i. */
    public synchronized long[] values() {
        int held = count();
        long[] values = new long[held];
        for (int index = 0; index < held; index++) {
            values[index] = nanos[(int) ((recorded - held + index) % CAPACITY)];
        }
        return values;
    }

    /** The {@code quantile} (0.5 for the median) of the samples held, if any. */
    public Optional<Duration> percentile(double quantile) {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(nanos, count());
        }
        if (sorted.length == 0) {
            return Optional.empty();
        }
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return Optional.of(Duration.ofNanos(sorted[Math.clamp(index, 0, sorted.length - 1)]));
    }

    /** Forgets every sample: a benchmark starts a phase afresh. */
    public synchronized void clear() {
        recorded = 0;
    }
}
