package io.gridsteward.store.party;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One page of a list and the cursor of the next, if there is one. */
public record PartyPage<T>(List<T> items, Optional<String> nextCursor) {

    public PartyPage {
        items = List.copyOf(items);
        requireNonNull(nextCursor, "nextCursor");
    }
}
