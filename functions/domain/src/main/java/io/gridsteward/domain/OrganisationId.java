package io.gridsteward.domain;

public record OrganisationId(String value) {

    public OrganisationId {
        Identifiers.require(value);
    }
}
