package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** What the item's side agrees on when it accepts a claim: the project's title, milestones, due time and funding. */
public record ProjectPlan(Title title, List<Milestone> milestones, Instant dueAt, Optional<FundReference> funding) {

    public static final int MAXIMUM_MILESTONES = 20;

    public ProjectPlan {
        requireNonNull(title, "title");
        milestones = List.copyOf(milestones);
        dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(funding, "funding");
        FieldErrors errors = new FieldErrors();
        if (milestones.size() > MAXIMUM_MILESTONES) {
            errors.add("milestones", "must be at most %d".formatted(MAXIMUM_MILESTONES));
        }
        for (int index = 0; index < milestones.size(); index++) {
            if (milestones.get(index).dueAt().isAfter(dueAt)) {
                errors.add("milestones[" + index + "].dueAt", "must not be after the project's dueAt");
            }
            if (milestones.get(index).doneAt().isPresent()) {
                errors.add("milestones[" + index + "]", "a planned milestone is not done yet");
            }
        }
        errors.throwIfAny();
    }

    void requireDueAfter(Instant at) {
        if (!dueAt.isAfter(at)) {
            throw ValidationException.of("dueAt", "must be in the future");
        }
    }
}
