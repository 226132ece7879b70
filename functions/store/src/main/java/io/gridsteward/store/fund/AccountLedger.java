package io.gridsteward.store.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.fund.Account;
import io.gridsteward.domain.fund.LedgerEntry;
import java.util.Comparator;
import java.util.List;

/** An account as stored and every ledger entry on it, oldest first. */
public record AccountLedger(Account account, List<LedgerEntry> entries) {

    public AccountLedger {
        requireNonNull(account, "account");
        entries = entries.stream()
                .sorted(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::id))
                .toList();
    }
}
