package io.gridsteward.dashboard;

import io.gridsteward.analytics.query.QueryResult;
import io.gridsteward.analytics.query.QueryRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results of the metric files kept per SQL file and parameters for a short time: a page load asks for the same few
 * queries again and again, and on Athena each one costs a scan and seconds. A failed query is not kept. When full,
 * expired answers go first, then the oldest.
 */
public final class QueryCache {

    /** A query's rows, when and in how long the engine computed them, and whether they came from the cache. */
    public record Answer(QueryResult result, Instant computedAt, Duration computing, boolean cached) {}

    private record Key(String sqlFile, List<Object> parameters) {}

    private final QueryRunner runner;
    private final Clock clock;
    private final Duration timeToLive;
    private final int capacity;
    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    public QueryCache(QueryRunner runner, Clock clock, Duration timeToLive, int capacity) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The file's rows for these parameters, from the cache while younger than the time to live. */
    public Answer run(String sqlFile, List<?> parameters) {
        Key key = new Key(sqlFile, List.copyOf(parameters));
        Instant now = clock.instant();
        Answer kept = answers.get(key);
        if (kept != null && now.isBefore(kept.computedAt().plus(timeToLive))) {
            return new Answer(kept.result(), kept.computedAt(), kept.computing(), true);
        }
        long started = System.nanoTime();
        QueryResult result = runner.run(sqlFile, key.parameters());
        Answer fresh = new Answer(result, now, Duration.ofNanos(System.nanoTime() - started), false);
        makeRoom(now);
        answers.put(key, fresh);
        return fresh;
    }

    private void makeRoom(Instant now) {
        if (answers.size() < capacity) {
            return;
        }
        answers.values().removeIf(answer -> !now.isBefore(answer.computedAt().plus(timeToLive)));
        List<Map.Entry<Key, Answer>> byAge = new ArrayList<>(answers.entrySet());
        byAge.sort(
                Map.Entry.comparingByValue((first, second) -> first.computedAt().compareTo(second.computedAt())));
        for (int index = 0; answers.size() >= capacity && index < byAge.size(); index++) {
            answers.remove(byAge.get(index).getKey());
        }
    }
}
