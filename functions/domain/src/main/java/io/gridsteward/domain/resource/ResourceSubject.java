package io.gridsteward.domain.resource;

/** The four things of the context whose state changes; each has its own trace of events. */
public enum ResourceSubject {
    OFFER,
    DEMAND,
    CLAIM,
    PROJECT
}
