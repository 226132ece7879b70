package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Identifiers;

public record ClaimId(String value) {

    public ClaimId {
        Identifiers.require(value);
    }

    public static ClaimId generate(IdSource ids) {
        return new ClaimId(ids.newId());
    }
}
