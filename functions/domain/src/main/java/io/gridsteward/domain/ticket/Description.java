package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.ValidationException;

/** The reporter's words about the problem. */
public record Description(String text) {

    public static final int MAXIMUM_LENGTH = 2000;

    public Description {
        if (text == null || text.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (text.length() > MAXIMUM_LENGTH) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(MAXIMUM_LENGTH));
        }
    }
}
