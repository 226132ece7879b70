package io.gridsteward.domain.party;

import io.gridsteward.domain.core.Identifiers;

/**
 * Who reports in: a person's pseudonymous user id (the token's subject) or a resident unit's organisation id. The
 * only identity that reaches events and the lake.
 */
public record EnrolleeId(String value) {

    public EnrolleeId {
        Identifiers.require(value);
    }
}
