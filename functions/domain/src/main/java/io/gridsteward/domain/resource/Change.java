package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

/** A thing's new state and the event that led there; the store writes both in one transaction. */
public record Change<T>(T state, ResourceEvent event) {

    public Change {
        requireNonNull(state, "state");
        requireNonNull(event, "event");
    }
}
