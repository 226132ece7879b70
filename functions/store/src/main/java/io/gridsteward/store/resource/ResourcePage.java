package io.gridsteward.store.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One page of a resource list and the cursor of the next, when there is one. */
public record ResourcePage<T>(List<T> items, Optional<String> nextCursor) {

    public ResourcePage {
        items = List.copyOf(items);
        requireNonNull(nextCursor, "nextCursor");
    }
}
