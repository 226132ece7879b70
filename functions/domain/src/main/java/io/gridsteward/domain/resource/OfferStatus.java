package io.gridsteward.domain.resource;

/** An offer is open until its provider withdraws it; past its validity or with nothing left it is simply not claimable. */
public enum OfferStatus {
    OPEN,
    WITHDRAWN
}
