package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.Identifiers;

public record OfferId(String value) {

    public OfferId {
        Identifiers.require(value);
    }

    public static OfferId generate(IdSource ids) {
        return new OfferId(ids.newId());
    }
}
