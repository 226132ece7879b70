package io.gridsteward.domain.core;

public record OrganisationId(String value) {

    public OrganisationId {
        Identifiers.require(value);
    }
}
