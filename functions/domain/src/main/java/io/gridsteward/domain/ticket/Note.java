package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.ValidationException;

/** Free text a person adds to a step: a reason, a resolution note, a comment. Never goes to the lake. */
public record Note(String text) {

    public static final int MAXIMUM_LENGTH = 2000;

    public Note {
        if (text == null || text.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (text.length() > MAXIMUM_LENGTH) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(MAXIMUM_LENGTH));
        }
    }
}
