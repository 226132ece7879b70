package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.DataFiles;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Due times per category and priority, as data: lines of {@code category,priority,acceptWithin,resolveWithin}
 * (ISO-8601 durations), {@code *} as the category of the defaults, and a {@code # version: ...} line. A category
 * without lines of its own takes the defaults; every priority must have a default.
 */
public final class SlaPolicy {

    static final String BUNDLED_RESOURCE = "sla-policy.csv";
    private static final String ANY_CATEGORY = "*";

    private final String version;
    private final Map<String, SlaTarget> targets;

    private SlaPolicy(String version, Map<String, SlaTarget> targets) {
        this.version = version;
        this.targets = Map.copyOf(targets);
    }

    /** The policy shipped with the code ({@code io/gridsteward/domain/ticket/sla-policy.csv}). */
    public static SlaPolicy bundled() {
        return parse(DataFiles.read(SlaPolicy.class, BUNDLED_RESOURCE));
    }

    public static SlaPolicy parse(String text) {
        Map<String, SlaTarget> targets = new HashMap<>();
        String version = DataFiles.readTable(text, "SLA", "category,priority,acceptWithin,resolveWithin", cells -> {
            String category = cells.get(0);
            if (!category.equals(ANY_CATEGORY)) {
                new Category(category);
            }
            Priority priority = Priority.valueOf(cells.get(1));
            SlaTarget target = new SlaTarget(Duration.parse(cells.get(2)), Duration.parse(cells.get(3)));
            if (targets.put(key(category, priority), target) != null) {
                throw new IllegalArgumentException("repeated " + category + "," + priority);
            }
        });
        for (Priority priority : Priority.values()) {
            if (!targets.containsKey(key(ANY_CATEGORY, priority))) {
                throw new IllegalArgumentException("the SLA policy has no default ('*') for " + priority);
            }
        }
        return new SlaPolicy(version, targets);
    }

    public String version() {
        return version;
    }

    public SlaTarget targetFor(Category category, Priority priority) {
        requireNonNull(category, "category");
        requireNonNull(priority, "priority");
        return Optional.ofNullable(targets.get(key(category.code(), priority)))
                .orElseGet(() -> targets.get(key(ANY_CATEGORY, priority)));
    }

    private static String key(String category, Priority priority) {
        return category + "," + priority;
    }
}
