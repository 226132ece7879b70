package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Identifiers;

public record DemandId(String value) {

    public DemandId {
        Identifiers.require(value);
    }

    public static DemandId generate(IdSource ids) {
        return new DemandId(ids.newId());
    }
}
