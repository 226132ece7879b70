package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.FreeText;

/** Why a step was taken, or a note on it, as a person wrote it. Kept on the event in the table, never in the lake. */
public record Reason(String text) {

    public static final int MAXIMUM_LENGTH = 2000;

    public Reason {
        text = FreeText.require(text, MAXIMUM_LENGTH);
    }
}
