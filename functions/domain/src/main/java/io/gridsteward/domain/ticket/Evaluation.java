package io.gridsteward.domain.ticket;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.ValidationException;
import java.util.Optional;

/** The reporter's verdict on a resolution: a rating from 1 (very unsatisfied) to 5 (very satisfied) and a comment. */
public record Evaluation(int rating, Optional<Note> comment) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public Evaluation {
        requireNonNull(comment, "comment");
        if (rating < LOWEST || rating > HIGHEST) {
            throw ValidationException.of("rating", "must be between %d and %d".formatted(LOWEST, HIGHEST));
        }
    }
}
