package io.gridsteward.store.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.resource.ResourceEvent;
import java.util.List;

/** An offer, a demand, a claim or a project as stored now, with its trace of events in order. */
public record Traced<T>(T state, List<ResourceEvent> events) {

    public Traced {
        requireNonNull(state, "state");
        events = List.copyOf(events);
    }
}
