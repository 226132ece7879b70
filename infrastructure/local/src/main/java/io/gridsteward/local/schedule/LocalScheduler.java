package io.gridsteward.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.template.SamTemplate;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's {@code Schedule} events, played locally: a {@code rate(...)} schedule invokes its function with
 * EventBridge's "Scheduled Event" (or the event's fixed {@code Input}) every period, the first one period after
 * start, as a new rule does; a {@code cron(...)} schedule invokes it at each time its {@link CronExpression} names (UTC,
 * as EventBridge), with no catching up on times missed while the stack was down.
 */
public final class LocalScheduler implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("local-scheduler").factory());
    private final Clock clock;
    private final PrintStream console;

    public LocalScheduler(Clock clock, PrintStream console) {
        this.clock = clock;
        this.console = console;
    }

    /** The period of a {@code rate(...)} expression; empty for anything else. */
    public static Optional<Duration> rate(String expression) {
        Matcher matcher = RATE.matcher(expression.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(
                switch (matcher.group(2)) {
                    case "minute", "minutes" -> Duration.of(amount, ChronoUnit.MINUTES);
                    case "hour", "hours" -> Duration.of(amount, ChronoUnit.HOURS);
                    default -> Duration.of(amount, ChronoUnit.DAYS);
                });
    }

    /** What the function receives: the event's fixed input, or EventBridge's Scheduled Event for the rule. */
    public static byte[] event(SamTemplate.ScheduleEvent schedule, Instant now) {
        if (schedule.input().isPresent()) {
            return schedule.input().get().getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:events:us-east-1:000000000000:rule/" + schedule.name());
        event.putObject("detail");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    public void schedule(String functionName, FunctionInvoker function, SamTemplate.ScheduleEvent schedule) {
        Optional<Duration> period = rate(schedule.expression());
        if (period.isPresent()) {
            long milliseconds = period.get().toMillis();
            executor.scheduleAtFixedRate(
                    () -> invoke(functionName, function, schedule), milliseconds, milliseconds, TimeUnit.MILLISECONDS);
            return;
        }
        Optional<CronExpression> cron;
        try {
            cron = CronExpression.fromSchedule(schedule.expression());
        } catch (IllegalArgumentException invalid) {
            console.println("schedule " + schedule.name() + " (" + schedule.expression() + ") is not run: "
                    + invalid.getMessage());
            return;
        }
        if (cron.isEmpty()) {
            console.println("schedule " + schedule.name() + " (" + schedule.expression()
                    + ") is not run: neither rate(...) nor cron(...)");
            return;
        }
        scheduleNext(functionName, function, schedule, cron.get(), Instant.MIN);
    }

    /**
     * One timer per cron firing: each run sets the next from the clock at that moment (so a slow run never piles up),
     * and never at or before the firing just done (a timer may wake a little before the clock reaches its time).
     */
    private void scheduleNext(
            String functionName,
            FunctionInvoker function,
            SamTemplate.ScheduleEvent schedule,
            CronExpression cron,
            Instant lastFiring) {
        Instant now = clock.instant();
        Optional<Instant> next = cron.nextAfter(now.isAfter(lastFiring) ? now : lastFiring);
        if (next.isEmpty()) {
            console.println("schedule " + schedule.name() + " (" + cron + ") fires no more");
            return;
        }
        executor.schedule(
                () -> {
                    invoke(functionName, function, schedule);
                    scheduleNext(functionName, function, schedule, cron, next.get());
                },
                Math.max(0, Duration.between(now, next.get()).toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void invoke(String functionName, FunctionInvoker function, SamTemplate.ScheduleEvent schedule) {
        try {
            switch (function.invoke(event(schedule, clock.instant())).get()) {
                case InvocationResult.Success success -> {}
                case InvocationResult.FunctionError error ->
                    console.println("schedule " + schedule.name() + ": " + functionName + " failed: "
                            + error.errorType() + " " + error.payloadText());
                case InvocationResult.Timeout timeout ->
                    console.println("schedule " + schedule.name() + ": " + functionName + " timed out");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            console.println("schedule " + schedule.name() + ": " + failure);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
