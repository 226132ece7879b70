package io.gridsteward.local;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where start-up goes: each phase's start and end on the wall clock, counted from the JVM's start (what a user waits
 * from {@code java -jar}), phases running side by side included. The goal the whole is measured against: a fresh data
 * directory up and serving with its demo data in 15 s, a second start on existing data in 5 s.
 */
public final class StartUpTimeline {
    public static final Duration FRESH_GOAL = Duration.ofSeconds(15);
    public static final Duration RESTART_GOAL = Duration.ofSeconds(5);

    /** One phase; {@code end} is absent while it runs. */
    public record Phase(String name, Duration start, Optional<Duration> end) {
        public Optional<Duration> length() {
            return end.map(finished -> finished.minus(start));
        }
    }

    private final Clock clock;
    private final Instant origin;
    private final List<Phase> phases = new ArrayList<>();

    public StartUpTimeline(Clock clock, Instant origin) {
        this.clock = clock;
        this.origin = origin;
    }

    /** Counted from this JVM's start. */
    public static StartUpTimeline sinceJvmStart() {
        return new StartUpTimeline(
                Clock.systemUTC(),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /** Marks a phase's start; {@link #end(String)} closes it. */
    public synchronized void begin(String name) {
        phases.add(new Phase(name, sinceOrigin(), Optional.empty()));
    }

    public synchronized void end(String name) {
        for (int index = phases.size() - 1; index >= 0; index--) {
            Phase phase = phases.get(index);
            if (phase.name().equals(name) && phase.end().isEmpty()) {
                phases.set(index, new Phase(name, phase.start(), Optional.of(sinceOrigin())));
                return;
            }
        }
        throw new IllegalStateException("phase " + name + " was not begun");
    }

    /** Runs {@code work} as the phase {@code name}; the phase ends whether it succeeds or fails. */
    public <T> T phase(String name, Callable<T> work) throws Exception {
        begin(name);
        try {
            return work.call();
        } finally {
            end(name);
        }
    }

    /** A moment rather than a phase (e.g. "up and serving"): a phase of no length. */
    public synchronized Duration mark(String name) {
        Duration now = sinceOrigin();
        phases.add(new Phase(name, now, Optional.of(now)));
        return now;
    }

    public synchronized List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** When the phase or mark {@code name} ended, if it has. */
    public synchronized Optional<Duration> endOf(String name) {
        return phases.stream()
                .filter(phase -> phase.name().equals(name))
                .map(Phase::end)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    private Duration sinceOrigin() {
        return Duration.between(origin, clock.instant());
    }

    /**
     * The phases by start, one a line ({@code start → end (length) name}), then the moment {@code upMark} against
     * {@code goal}.
     */
    public synchronized String render(String upMark, Duration goal) {
        StringBuilder text = new StringBuilder("start-up timeline (seconds from JVM start):\n");
        phases.stream().sorted(Comparator.comparing(Phase::start)).forEach(phase -> {
            if (phase.length().filter(Duration::isZero).isPresent()) {
                text.append(String.format(
                        Locale.ROOT, "  %7s          %9s  %s\n", "", seconds(phase.start()), phase.name()));
                return;
            }
            text.append(String.format(
                    Locale.ROOT,
                    "  %7s → %7s  (%6s)  %s\n",
                    seconds(phase.start()),
                    phase.end().map(StartUpTimeline::seconds).orElse("…"),
                    phase.length().map(StartUpTimeline::seconds).orElse("running"),
                    phase.name()));
        });
        endOf(upMark)
                .ifPresent(up -> text.append(String.format(
                        Locale.ROOT,
                        "  %s after %s s: %.2f× the goal of %s s\n",
                        upMark,
                        seconds(up),
                        (double) up.toMillis() / goal.toMillis(),
                        seconds(goal))));
        return text.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
