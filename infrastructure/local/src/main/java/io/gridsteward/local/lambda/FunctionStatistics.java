package io.gridsteward.local.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start-up and latency figures of one function instance: init is JVM start to the runtime's first poll, cold is
 * JVM start to first answer, warm is the median time from queueing an invocation to its answer, over every
 * invocation after the first.
 */
public final class FunctionStatistics {
    private final long processStartedNanos;
    private volatile Long initialisedNanos;
    private volatile Long firstAnswerNanos;
    private volatile Long firstInvocationNanos;
    private final List<Long> warmLatencies = new ArrayList<>();

    public FunctionStatistics(long processStartedNanos) {
        this.processStartedNanos = processStartedNanos;
    }

    void recordPoll(long nowNanos) {
        if (initialisedNanos == null) {
            initialisedNanos = nowNanos;
        }
    }

    synchronized void recordAnswer(long enqueuedNanos, long answeredNanos) {
        if (firstAnswerNanos == null) {
            firstAnswerNanos = answeredNanos;
            firstInvocationNanos = answeredNanos - enqueuedNanos;
        } else {
            warmLatencies.add(answeredNanos - enqueuedNanos);
        }
    }

    /** JVM start to the runtime's first request for work: the function's init phase. */
    public Optional<Duration> initialisation() {
        Long initialised = initialisedNanos;
        return initialised == null
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(initialised - processStartedNanos));
    }

    /** JVM start to the first answer. */
    public Optional<Duration> coldStart() {
        Long first = firstAnswerNanos;
        return first == null ? Optional.empty() : Optional.of(Duration.ofNanos(first - processStartedNanos));
    }

    /** The first invocation, from being queued to its answer: it waits for init if init is not done yet. */
    public Optional<Duration> firstInvocation() {
        Long first = firstInvocationNanos;
        return first == null ? Optional.empty() : Optional.of(Duration.ofNanos(first));
    }

    public synchronized Optional<Duration> warmMedian() {
        if (warmLatencies.isEmpty()) {
            return Optional.empty();
        }
        List<Long> sorted = warmLatencies.stream().sorted().toList();
        return Optional.of(Duration.ofNanos(sorted.get((sorted.size() - 1) / 2)));
    }

    public synchronized int warmInvocations() {
        return warmLatencies.size();
    }

    public String describe() {
        return "init " + milliseconds(initialisation()) + ", JVM start to first answer " + milliseconds(coldStart())
                + ", first invocation " + milliseconds(firstInvocation())
                + ", warm p50 " + milliseconds(warmMedian()) + " over " + warmInvocations() + " invocations";
    }

    private static String milliseconds(Optional<Duration> duration) {
        return duration.map(value -> String.format("%.1f ms", value.toNanos() / 1e6))
                .orElse("n/a");
    }
}
