package io.gridsteward.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.template.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LocalSchedulerTest {

    @Test
    void rateExpressionsBecomePeriodsAndCronIsNotARate() {
        assertThat(LocalScheduler.rate("rate(5 minutes)")).contains(Duration.ofMinutes(5));
        assertThat(LocalScheduler.rate("rate(1 hour)")).contains(Duration.ofHours(1));
        assertThat(LocalScheduler.rate("rate(2 days)")).contains(Duration.ofDays(2));
        assertThat(LocalScheduler.rate("cron(0 8 * * ? *)")).isEmpty();
        assertThat(LocalScheduler.rate("rate(5 fortnights)")).isEmpty();
    }

    @Test
    void theEventIsEventBridgesScheduledEventOrTheFixedInput() throws Exception {
        SamTemplate.ScheduleEvent plain =
                new SamTemplate.ScheduleEvent("SlaSweeper-EveryFiveMinutes", "rate(5 minutes)", Optional.empty());
        SamTemplate.ScheduleEvent withInput =
                new SamTemplate.ScheduleEvent("Report", "rate(1 day)", Optional.of("{\"kind\":\"daily\"}"));

        JsonNode event =
                new ObjectMapper().readTree(LocalScheduler.event(plain, Instant.parse("2026-11-25T08:00:00.123Z")));

        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("time").asText()).isEqualTo("2026-11-25T08:00:00Z");
        assertThat(event.path("resources").get(0).asText())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/SlaSweeper-EveryFiveMinutes");
        assertThat(event.path("detail").isObject()).isTrue();
        assertThat(new String(LocalScheduler.event(withInput, Instant.now()), StandardCharsets.UTF_8))
                .isEqualTo("{\"kind\":\"daily\"}");
    }

    @Test
    void aCronScheduleInvokesItsFunctionWithItsInputAtItsTimeAndThenWaitsForTheNextDay() throws Exception {
        // The clock stands 300 ms before 01:30 UTC and stays there: one firing, then the next is a day away.
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T01:29:59.700Z"), ZoneOffset.UTC);
        List<String> events = new CopyOnWriteArrayList<>();
        SamTemplate.ScheduleEvent nightly = new SamTemplate.ScheduleEvent(
                "LakeMaintenanceFunction-NightlyCompaction",
                "cron(30 1 * * ? *)",
                Optional.of("{\"job\":\"compaction\"}"));

        try (LocalScheduler scheduler =
                new LocalScheduler(clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            scheduler.schedule(
                    "LakeMaintenanceFunction",
                    event -> {
                        events.add(new String(event, StandardCharsets.UTF_8));
                        return CompletableFuture.completedFuture(new InvocationResult.Success(new byte[0]));
                    },
                    nightly);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(700);
        }

        assertThat(events).containsExactly("{\"job\":\"compaction\"}");
    }

    @Test
    void anInvalidCronIsReportedAndNotRun() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SamTemplate.ScheduleEvent invalid =
                new SamTemplate.ScheduleEvent("Broken", "cron(30 1 * * * *)", Optional.empty());

        try (LocalScheduler scheduler =
                new LocalScheduler(Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8))) {
            scheduler.schedule(
                    "Function",
                    event -> {
                        throw new AssertionError("an invalid schedule must not run");
                    },
                    invalid);
        }

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains(
                        "schedule Broken (cron(30 1 * * * *)) is not run: exactly one of day-of-month and day-of-week must be '?'");
    }
}
