package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Identifiers;

/**
 * The fund account or delegated task (委托事项) a project's money is drawn from, by the fund context's id. Opaque here:
 * this context neither reads nor checks it; the fund context refers back by the project id (docs/contracts.md).
 */
public record FundReference(Kind kind, String id) {

    public FundReference {
        requireNonNull(kind, "kind");
        Identifiers.require(id);
    }

    public enum Kind {
        FUND_ACCOUNT,
        DELEGATED_TASK
    }
}
