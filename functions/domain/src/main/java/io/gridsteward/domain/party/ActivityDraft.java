package io.gridsteward.domain.party;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.FreeText;

/** What an organiser publishes: the kind, a title, the window, the place and how many may sign up. */
public record ActivityDraft(ActivityKind kind, String title, ActivityWindow window, Geofence fence, int capacity) {

    public static final int MAXIMUM_TITLE_LENGTH = 100;
    public static final int MAXIMUM_CAPACITY = 10_000;

    public ActivityDraft {
        requireNonNull(kind, "kind");
        requireNonNull(window, "window");
        requireNonNull(fence, "fence");
        FieldErrors errors = new FieldErrors();
        String given = title;
        title = errors.value("title", () -> FreeText.require(given, MAXIMUM_TITLE_LENGTH));
        if (capacity < 1 || capacity > MAXIMUM_CAPACITY) {
            errors.add("capacity", "must be 1 to %d".formatted(MAXIMUM_CAPACITY));
        }
        errors.throwIfAny();
    }
}
