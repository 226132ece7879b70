package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.FreeText;

/** What an offer, a demand, a project or a milestone is called, as people read it on the lists. Never goes to the lake. */
public record Title(String text) {

    public static final int MAXIMUM_LENGTH = 200;

    public Title {
        text = FreeText.require(text, MAXIMUM_LENGTH);
    }
}
