package io.gridsteward.api.core;

import java.util.Optional;

/**
 * How a context tells a 409 answer what one of its things (a ticket, a claim ...) is now, so the client can retry
 * from there without another read.
 */
public interface CurrentState {

    /** The kind the domain's exceptions name, such as {@code ticket}. */
    String kind();

    /** The thing's state and version now; empty when it cannot be read. */
    Optional<Versioned> find(String id);

    record Versioned(String state, long version) {}
}
