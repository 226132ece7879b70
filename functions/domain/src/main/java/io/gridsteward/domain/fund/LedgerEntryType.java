package io.gridsteward.domain.fund;

/** Every way money moves on an account; each is an immutable ledger entry, never an edit. */
public enum LedgerEntryType {
    ALLOCATED,
    TRANSFERRED_OUT,
    TRANSFERRED_IN,
    CARRIED_OVER_OUT,
    CARRIED_OVER_IN,
    RESERVED,
    RELEASED,
    SETTLED,
    REFUNDED
}
