package io.gridsteward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.analytics.query.QueryResult;
import io.gridsteward.analytics.query.QueryRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryCacheTest {

    /** Answers each query with the number of runs so far, and fails on the file named "broken.sql". */
    private static final class CountingRunner implements QueryRunner {
        final List<String> runs = new ArrayList<>();

        @Override
        public QueryResult run(String sqlFile, List<?> parameters) {
            runs.add(sqlFile + " " + parameters);
            if (sqlFile.equals("broken.sql")) {
                throw new IllegalStateException("the engine is down");
            }
            return new QueryResult(List.of("run"), List.of(Map.of("run", (long) runs.size())));
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final CountingRunner runner = new CountingRunner();
    private final QueryCache cache = new QueryCache(runner, clock, Duration.ofSeconds(60), 3);

    @Test
    void aRepeatedQueryIsServedFromTheCacheUntilItsTimeToLivePasses() {
        QueryCache.Answer first =
                cache.run("metrics/ratings.sql", List.of("grid", "month", "2026-12-01", "2026-12-07"));
        clock.advance(Duration.ofSeconds(59));
        QueryCache.Answer second =
                cache.run("metrics/ratings.sql", List.of("grid", "month", "2026-12-01", "2026-12-07"));
        clock.advance(Duration.ofSeconds(1));
        QueryCache.Answer third =
                cache.run("metrics/ratings.sql", List.of("grid", "month", "2026-12-01", "2026-12-07"));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(second.computedAt()).isEqualTo(first.computedAt());
        assertThat(third.cached()).isFalse();
        assertThat(third.computedAt()).isEqualTo(Instant.parse("2026-12-07T02:01:00Z"));
        assertThat(runner.runs).hasSize(2);
    }

    @Test
    void otherParametersOrAnotherFileAreAnotherQuery() {
        cache.run("metrics/ratings.sql", List.of("grid", "month", "2026-12-01", "2026-12-07"));
        cache.run("metrics/ratings.sql", List.of("town", "month", "2026-12-01", "2026-12-07"));
        cache.run("metrics/on_time_rate.sql", List.of("grid", "month", "2026-12-01", "2026-12-07"));

        assertThat(runner.runs).hasSize(3);
    }

    @Test
    void aFailedQueryIsNotKept() {
        assertThatThrownBy(() -> cache.run("broken.sql", List.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.run("broken.sql", List.of())).isInstanceOf(IllegalStateException.class);

        assertThat(runner.runs).hasSize(2);
    }

    @Test
    void whenFullTheOldestAnswerMakesRoom() {
        for (String file : List.of("a.sql", "b.sql", "c.sql")) {
            cache.run(file, List.of());
            clock.advance(Duration.ofSeconds(1));
        }
        cache.run("d.sql", List.of());

        assertThat(cache.run("b.sql", List.of()).cached()).isTrue();
        assertThat(cache.run("a.sql", List.of()).cached())
                .as("the oldest went first")
                .isFalse();
    }
}
