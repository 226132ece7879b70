package io.gridsteward.domain.core;

import java.util.UUID;

/** Where new ids come from; injected so that tests decide them. */
@FunctionalInterface
public interface IdSource {

    String newId();

    static IdSource randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
