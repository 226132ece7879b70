package io.gridsteward.domain.resource;

/** A claim holds its quantity until the item's side accepts it (it becomes a project) or declines it (the quantity goes back). */
public enum ClaimStatus {
    CLAIMED,
    ACCEPTED,
    DECLINED
}
