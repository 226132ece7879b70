package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.FreeText;

/** The reporter's words about the problem. */
public record Description(String text) {

    public static final int MAXIMUM_LENGTH = 2000;

    public Description {
        text = FreeText.require(text, MAXIMUM_LENGTH);
    }
}
