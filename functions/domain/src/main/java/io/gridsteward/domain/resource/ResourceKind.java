package io.gridsteward.domain.resource;

/** What an offer gives or a demand asks for. Money is counted in fen, everything else in the item's own units. */
public enum ResourceKind {
    VENUE,
    EQUIPMENT,
    VOLUNTEERS,
    SERVICES,
    MONEY
}
