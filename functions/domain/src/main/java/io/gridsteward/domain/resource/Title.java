package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.ValidationException;

/** What an offer, a demand, a project or a milestone is called, as people read it on the lists. Never goes to the lake. */
public record Title(String text) {

    public static final int MAXIMUM_LENGTH = 200;

    public Title {
        if (text == null || text.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (text.length() > MAXIMUM_LENGTH) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(MAXIMUM_LENGTH));
        }
    }
}
