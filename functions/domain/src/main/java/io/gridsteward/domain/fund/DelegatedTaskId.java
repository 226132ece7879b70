package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Identifiers;

public record DelegatedTaskId(String value) {

    public DelegatedTaskId {
        Identifiers.require(value);
    }

    public static DelegatedTaskId generate(IdSource ids) {
        return new DelegatedTaskId(ids.newId());
    }
}
