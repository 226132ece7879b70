package io.gridsteward.domain.resource;

/** The two lists a claim takes from: resources offered (资源清单) and demands raised (需求清单). */
public enum ItemType {
    OFFER,
    DEMAND
}
