package io.gridsteward.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartUpTimelineTest {

    private static final Instant JVM_START = Instant.parse("2026-12-08T00:00:00Z");

    /** A clock the test moves by hand. */
    private static final class SteppedClock extends Clock {
        private Instant now = JVM_START;

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final StartUpTimeline timeline = new StartUpTimeline(clock, JVM_START);

    @Test
    void phasesRunningSideBySideKeepTheirOwnStartAndEndFromTheJvmStart() throws Exception {
        clock.advance(Duration.ofMillis(400));
        timeline.begin("DynamoDB emulator");
        clock.advance(Duration.ofMillis(100));
        timeline.begin("S3 server");
        clock.advance(Duration.ofMillis(600));
        timeline.end("DynamoDB emulator");
        clock.advance(Duration.ofMillis(2_900));
        timeline.end("S3 server");
        String answer = timeline.phase("seeding", () -> {
            clock.advance(Duration.ofSeconds(6));
            return "seeded";
        });
        timeline.mark(LocalStack.UP_AND_SERVING);

        assertThat(answer).isEqualTo("seeded");
        assertThat(timeline.phases())
                .containsExactly(
                        new StartUpTimeline.Phase(
                                "DynamoDB emulator", Duration.ofMillis(400), Optional.of(Duration.ofMillis(1_100))),
                        new StartUpTimeline.Phase(
                                "S3 server", Duration.ofMillis(500), Optional.of(Duration.ofMillis(4_000))),
                        new StartUpTimeline.Phase(
                                "seeding", Duration.ofMillis(4_000), Optional.of(Duration.ofMillis(10_000))),
                        new StartUpTimeline.Phase(
                                LocalStack.UP_AND_SERVING,
                                Duration.ofMillis(10_000),
                                Optional.of(Duration.ofMillis(10_000))));
        assertThat(timeline.phases().get(1).length()).contains(Duration.ofMillis(3_500));
        assertThat(timeline.endOf(LocalStack.UP_AND_SERVING)).contains(Duration.ofSeconds(10));
    }

    @Test
    void theRenderingListsEachPhaseAndTheRatioToTheGoal() {
        clock.advance(Duration.ofMillis(1_250));
        timeline.begin("S3 server");
        timeline.begin("api first answer");
        clock.advance(Duration.ofMillis(2_500));
        timeline.end("S3 server");
        timeline.mark(LocalStack.UP_AND_SERVING);

        String rendered = timeline.render(LocalStack.UP_AND_SERVING, StartUpTimeline.RESTART_GOAL);

        assertThat(rendered)
                .contains("   1.250 →   3.750  ( 2.500)  S3 server")
                .contains("   1.250 →       …  (running)  api first answer")
                .contains("3.750  up and serving")
                .endsWith("up and serving after 3.750 s: 0.75× the goal of 5.000 s\n");
    }

    @Test
    void aPhaseThatFailsStillEnds() {
        assertThatThrownBy(() -> timeline.phase("buckets and table", () -> {
                    clock.advance(Duration.ofMillis(30));
                    throw new IllegalStateException("S3 refused");
                }))
                .hasMessage("S3 refused");

        assertThat(timeline.phases().getFirst().end()).contains(Duration.ofMillis(30));
    }

    @Test
    void endingAPhaseNeverBegunIsAMistake() {
        assertThatThrownBy(() -> timeline.end("HTTP front")).hasMessageContaining("HTTP front");
    }
}
