package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.ValidationException;

/** Why a step was taken, or a note on it, as a person wrote it. Kept on the event in the table, never in the lake. */
public record Reason(String text) {

    public static final int MAXIMUM_LENGTH = 2000;

    public Reason {
        if (text == null || text.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (text.length() > MAXIMUM_LENGTH) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(MAXIMUM_LENGTH));
        }
    }
}
