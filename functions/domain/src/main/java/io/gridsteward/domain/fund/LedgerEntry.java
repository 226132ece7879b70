package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One movement of money on one account, written in the same transaction as the change of the account's sums, so
 * that the sums always equal the ledger: the store applies {@code movement} to the stored sums with a conditional
 * write, never the sums the deciding step read. {@code claim} names the claim a reservation, release, settlement or refund
 * belongs to; {@code counterpart} the other account of a transfer or carry-over.
 */
public record LedgerEntry(
        String id,
        AccountPlace account,
        LedgerEntryType type,
        Movement movement,
        Instant at,
        Caller actor,
        Optional<ClaimId> claim,
        Optional<AccountId> counterpart,
        Optional<String> reason) {

    public LedgerEntry {
        requireNonNull(id, "id");
        requireNonNull(account, "account");
        requireNonNull(type, "type");
        requireNonNull(movement, "movement");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(actor, "actor");
        requireNonNull(claim, "claim");
        requireNonNull(counterpart, "counterpart");
        requireNonNull(reason, "reason");
    }

    /** The id of the entry a claim's event moved money with: one per event, so a retried write cannot add a second. */
    public static String idFor(ClaimId claim, long sequence) {
        return "claim:" + claim.value() + ":" + sequence;
    }
}
