package io.gridsteward.domain.party;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Identifiers;

public record ActivityId(String value) {

    public ActivityId {
        Identifiers.require(value);
    }

    public static ActivityId generate(IdSource ids) {
        return new ActivityId(ids.newId());
    }
}
