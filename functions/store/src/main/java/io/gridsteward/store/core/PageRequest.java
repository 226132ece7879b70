package io.gridsteward.store.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** At most {@code limit} items read, continuing after {@code cursor} when given. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static final int MAXIMUM_LIMIT = 100;

    public PageRequest {
        requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to %d: %d".formatted(MAXIMUM_LIMIT, limit));
        }
    }
}
