package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.FreeText;

/** Free text a person adds to a step: a reason, a resolution note, a comment. Never goes to the lake. */
public record Note(String text) {

    public static final int MAXIMUM_LENGTH = 2000;

    public Note {
        text = FreeText.require(text, MAXIMUM_LENGTH);
    }
}
