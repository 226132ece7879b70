package io.gridsteward.local.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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
        SamTemplate.ScheduleEvent plain = new SamTemplate.ScheduleEvent("SlaSweeper-EveryFiveMinutes", "rate(5 minutes)", Optional.empty());
        SamTemplate.ScheduleEvent withInput = new SamTemplate.ScheduleEvent("Report", "rate(1 day)", Optional.of("{\"kind\":\"daily\"}"));

        JsonNode event = new ObjectMapper().readTree(LocalScheduler.event(plain, Instant.parse("2026-11-25T08:00:00.123Z")));

        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("time").asText()).isEqualTo("2026-11-25T08:00:00Z");
        assertThat(event.path("resources").get(0).asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/SlaSweeper-EveryFiveMinutes");
        assertThat(event.path("detail").isObject()).isTrue();
        assertThat(new String(LocalScheduler.event(withInput, Instant.now()), StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"daily\"}");
    }
}
