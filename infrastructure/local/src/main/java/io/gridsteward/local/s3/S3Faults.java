package io.gridsteward.local.s3;

import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local S3 server's fault switch, for fault-injection tests: off unless a test turns it on. When on, a put of an
 * object under the key prefix is chosen to fail with the given probability (decided once per key, from the key and a
 * seed, so runs repeat), and a chosen key's first {@code failuresPerKey} puts fail with a 500; later puts of it pass, as
 * a transient S3 fault would. A listener sees every put first and may refuse it (a test kills a writer there, mid-batch).
 */
public final class S3Faults {

    /** Called with the key of every object put, before it is done; answering true refuses the put. */
    @FunctionalInterface
    public interface PutListener {
        boolean refuse(String key);
    }

    private record Rule(String keyPrefix, double probability, int failuresPerKey, long seed) {}

    private volatile Rule rule;
    private volatile PutListener listener = key -> false;
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    public void failPuts(String keyPrefix, double probability, int failuresPerKey, long seed) {
        if (probability < 0 || probability > 1 || failuresPerKey < 1) {
            throw new IllegalArgumentException("probability 0..1 and at least one failure per chosen key");
        }
        failuresLeft.clear();
        rule = new Rule(Objects.requireNonNull(keyPrefix, "keyPrefix"), probability, failuresPerKey, seed);
    }

    public void onPut(PutListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public void clear() {
        rule = null;
        listener = key -> false;
        failuresLeft.clear();
    }

    /** How many puts the switch refused so far. */
    public int refusedPuts() {
        return refused.get();
    }

    /** Whether this put of the object must fail; counts the failure if so. */
    boolean refusePut(String key) {
        if (listener.refuse(key)) {
            refused.incrementAndGet();
            return true;
        }
        Rule current = rule;
        if (current == null || !key.startsWith(current.keyPrefix())) {
            return false;
        }
        AtomicInteger left = failuresLeft.computeIfAbsent(
                key,
                chosen -> new AtomicInteger(
                        new SplittableRandom(current.seed() ^ chosen.hashCode()).nextDouble() < current.probability()
                                ? current.failuresPerKey()
                                : 0));
        if (left.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            refused.incrementAndGet();
            return true;
        }
        return false;
    }
}
