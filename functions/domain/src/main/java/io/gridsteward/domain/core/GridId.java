package io.gridsteward.domain.core;

/** A grid is an organisation; this type marks the places where only a grid will do. */
public record GridId(String value) {

    public GridId {
        Identifiers.require(value);
    }

    public OrganisationId organisationId() {
        return new OrganisationId(value);
    }
}
