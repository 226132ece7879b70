package io.gridsteward.domain.resource;

/** Who claims: a community takes an offer; a unit, a party group or members (alone or together, 帮帮团) take a demand. */
public enum ClaimantKind {
    COMMUNITY,
    UNIT,
    PARTY_GROUP,
    MEMBERS
}
