package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A step of a project's plan with its due time, done once. */
public record Milestone(Title title, Instant dueAt, Optional<Instant> doneAt) {

    public Milestone {
        requireNonNull(title, "title");
        dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
        doneAt = requireNonNull(doneAt, "doneAt").map(instant -> instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Milestone planned(Title title, Instant dueAt) {
        return new Milestone(title, dueAt, Optional.empty());
    }

    Milestone doneAt(Instant at) {
        return new Milestone(title, dueAt, Optional.of(at));
    }
}
