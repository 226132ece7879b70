package io.gridsteward.domain.resource;

/** A small wish waits for its community's verification; a published demand can be claimed until it is withdrawn. */
public enum DemandStatus {
    AWAITING_VERIFICATION,
    PUBLISHED,
    REJECTED,
    WITHDRAWN
}
