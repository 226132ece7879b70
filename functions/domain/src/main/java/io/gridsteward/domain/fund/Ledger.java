package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Money put into accounts and moved between them: allocations, transfers and the year-end carry-over, each a ledger
 * entry on every account it touches.
 */
public final class Ledger {

    private Ledger() {}

    /**
     * Money allocated to an account by the county or its town.
     *
     * @throws ForbiddenException when the caller may not manage the account
     */
    public static AccountChange allocate(
            Account account, Money amount, String entryId, Caller by, Instant at, Optional<String> reason) {
        requireManager(account, by);
        return fund(account, LedgerEntryType.ALLOCATED, amount, entryId, by, at, Optional.empty(), reason);
    }

    /**
     * Money moved from one account to another of the same fiscal year (a town's party-building fund down to a grid
     * party group, say). The caller manages both.
     *
     * @throws ValidationException naming {@code toAccountId} (same account, other year) or {@code amountFen} (not available)
     */
    public static AccountChange transfer(
            Account from, Account to, Money amount, String entryId, Caller by, Instant at, Optional<String> reason) {
        requireManager(from, by);
        requireManager(to, by);
        if (from.id().equals(to.id())) {
            throw ValidationException.of("toAccountId", "is the account the money comes from");
        }
        if (!from.fiscalYear().equals(to.fiscalYear())) {
            throw ValidationException.of(
                    "toAccountId",
                    "transfers stay within one fiscal year; year-end carry-over moves money to the next");
        }
        return pair(
                from,
                LedgerEntryType.TRANSFERRED_OUT,
                to,
                LedgerEntryType.TRANSFERRED_IN,
                amount,
                entryId,
                by,
                at,
                reason);
    }

    /**
     * At year end, what is still available on an account moves to the same holder's account of the same kind in the
     * next fiscal year. Reserved money stays with its claims.
     *
     * @throws ValidationException naming {@code toAccountId} when it is not that account, or {@code amountFen} when nothing is available
     */
    public static AccountChange carryOver(Account from, Account to, String entryId, Caller by, Instant at) {
        requireManager(from, by);
        if (!to.fiscalYear().equals(from.fiscalYear().next())
                || to.kind() != from.kind()
                || !to.holder().equals(from.holder())
                || !to.delegatedTask()
                        .map(DelegatedTask::id)
                        .equals(from.delegatedTask().map(DelegatedTask::id))) {
            throw ValidationException.of(
                    "toAccountId",
                    "must be the next fiscal year's %s account of %s"
                            .formatted(from.kind(), from.holder().value()));
        }
        if (!from.available().isGreaterThan(Money.ZERO)) {
            throw ValidationException.of(
                    "amountFen",
                    "account %s has nothing available to carry over"
                            .formatted(from.id().value()));
        }
        return pair(
                from,
                LedgerEntryType.CARRIED_OVER_OUT,
                to,
                LedgerEntryType.CARRIED_OVER_IN,
                from.available(),
                entryId,
                by,
                at,
                Optional.of("year-end carry-over"));
    }

    static AccountChange fund(
            Account account,
            LedgerEntryType type,
            Money amount,
            String entryId,
            Caller by,
            Instant at,
            Optional<AccountId> counterpart,
            Optional<String> reason) {
        Movement movement = Movement.fund(amount);
        Account after = account.after(movement, "amountFen");
        return new AccountChange(
                List.of(after),
                List.of(new LedgerEntry(
                        entryId, after.place(), type, movement, at, by, Optional.empty(), counterpart, reason)));
    }

    private static AccountChange pair(
            Account from,
            LedgerEntryType outType,
            Account to,
            LedgerEntryType inType,
            Money amount,
            String entryId,
            Caller by,
            Instant at,
            Optional<String> reason) {
        Movement out = Movement.withdrawFunds(amount);
        Movement in = Movement.fund(amount);
        Account fromAfter = from.after(out, "amountFen");
        Account toAfter = to.after(in, "amountFen");
        return new AccountChange(
                List.of(fromAfter, toAfter),
                List.of(
                        new LedgerEntry(
                                entryId + ":out",
                                fromAfter.place(),
                                outType,
                                out,
                                at,
                                by,
                                Optional.empty(),
                                Optional.of(to.id()),
                                reason),
                        new LedgerEntry(
                                entryId + ":in",
                                toAfter.place(),
                                inType,
                                in,
                                at,
                                by,
                                Optional.empty(),
                                Optional.of(from.id()),
                                reason)));
    }

    private static void requireManager(Account account, Caller by) {
        if (!FundAccess.mayManage(by, account)) {
            throw new ForbiddenException("a %s of %s may not move money on account %s"
                    .formatted(
                            by.role(),
                            by.organisationId()
                                    .map(organisation -> organisation.value())
                                    .orElse("no organisation"),
                            account.id().value()));
        }
    }
}
