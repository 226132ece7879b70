package io.gridsteward.domain.fund;

import java.util.List;

/** Accounts after a movement of money and the ledger entries that explain it, to be written in one transaction. */
public record AccountChange(List<Account> accounts, List<LedgerEntry> entries) {

    public AccountChange {
        accounts = List.copyOf(accounts);
        entries = List.copyOf(entries);
        if (accounts.size() != entries.size()) {
            throw new IllegalArgumentException("one ledger entry per account changed");
        }
    }
}
