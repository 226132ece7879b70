package io.gridsteward.domain.resource;

import io.gridsteward.domain.core.Identifiers;

/** A project is what one accepted claim becomes, so its id is the claim's: a claim can never start two projects. */
public record ProjectId(String value) {

    public ProjectId {
        Identifiers.require(value);
    }

    public static ProjectId of(ClaimId claim) {
        return new ProjectId(claim.value());
    }
}
