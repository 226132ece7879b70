package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.FieldErrors;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.FreeText;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A claim on a fund account and where it stands. Immutable: every step returns the next claim with its event and,
 * when money moves, the ledger entry ({@link ClaimChange}). Reserve at submission, settle at payment: the claimed
 * amount is held on the account from the first moment; a smaller sanctioned amount releases the difference;
 * rejection, withdrawal and expiry release all of it; payment turns the reservation into money paid; a reversal pays
 * unspent money back. Each step checks, in this order: that the caller may take it ({@link FundAccess}, 403), that
 * the status allows it ({@link ClaimLifecycle}, 409), and its values (422).
 *
 * <p>{@code amount} is what the claim holds now: the claimed amount, lowered by partial approval; once paid, the
 * amount paid. {@code refunded} is what a reversal paid back.
 */
public record Claim(
        ClaimId id,
        AccountId accountId,
        FundKind fundKind,
        FiscalYear fiscalYear,
        OrganisationId holder,
        OrganisationId community,
        OrganisationId town,
        Optional<OrganisationId> department,
        String claimantId,
        Role claimantRole,
        Purpose purpose,
        ServedWork served,
        List<ReceiptKey> receipts,
        Money claimed,
        Money amount,
        Money refunded,
        ClaimStatus status,
        long version,
        Instant submittedAt,
        Instant updatedAt,
        Instant expiresAt,
        String rulesVersion) {

    /** The longest reason a step of a claim may give, in characters as a person counts them. */
    public static final int MAXIMUM_REASON_LENGTH = 1000;

    /** What refusals call a claim: "fund claim", apart from the resources context's claims on offers and demands. */
    public static final String KIND = "fund claim";

    public Claim {
        requireNonNull(id, "id");
        requireNonNull(accountId, "accountId");
        requireNonNull(fundKind, "fundKind");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(holder, "holder");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(department, "department");
        requireNonNull(claimantId, "claimantId");
        requireNonNull(claimantRole, "claimantRole");
        requireNonNull(purpose, "purpose");
        requireNonNull(served, "served");
        receipts = List.copyOf(receipts);
        requireNonNull(claimed, "claimed");
        requireNonNull(amount, "amount");
        requireNonNull(refunded, "refunded");
        requireNonNull(status, "status");
        submittedAt = submittedAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(rulesVersion, "rulesVersion");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    /**
     * A grid party-group leader or a community secretary claims from their account: the purpose must be an allowed
     * use of the fund, the amount within the fund's ceiling and available on the account (reserved now), and a
     * delegated task's money is claimed only for that task. The claim expires after the fund's expiry unless paid.
     *
     * @throws ForbiddenException when the caller may not claim from the account
     * @throws ValidationException naming {@code purpose}, {@code amountFen}, {@code served} or {@code receiptKeys[i]}
     */
    public static ClaimChange submit(
            ClaimId id, Account account, ClaimRequest request, Caller by, Instant at, FundRules rules) {
        if (!FundAccess.maySubmit(by, account)) {
            throw new ForbiddenException("a %s of %s may not claim from account %s"
                    .formatted(
                            by.role(),
                            by.organisationId().map(OrganisationId::value).orElse("no organisation"),
                            account.id().value()));
        }
        rules.requireClaimable(account.kind(), request.purpose(), request.amount());
        FieldErrors errors = new FieldErrors();
        Optional<DelegatedTaskId> task = account.delegatedTask().map(DelegatedTask::id);
        boolean servesTask = request.served().kind() == ServedWork.Kind.DELEGATED_TASK;
        if (task.isPresent()
                && !(servesTask
                        && request.served().reference().equals(task.get().value()))) {
            errors.add(
                    "served",
                    "the money of delegated task %s is claimed only for that task"
                            .formatted(task.get().value()));
        }
        if (task.isEmpty() && servesTask) {
            errors.add("served", "a delegated task's money is claimed from its own account");
        }
        for (int index = 0; index < request.receipts().size(); index++) {
            if (!request.receipts().get(index).issuedTo(by.userId())) {
                errors.add("receiptKeys[" + index + "]", "was not issued to the claimant");
            }
        }
        errors.throwIfAny();
        Money amount = request.amount();
        account.after(Movement.reserve(amount), "amountFen");
        FundLimits limits = rules.limitsFor(account.kind()).orElseThrow();
        Claim claim = new Claim(
                id,
                account.id(),
                account.kind(),
                account.fiscalYear(),
                account.holder(),
                account.community().orElseThrow(),
                account.town().orElseThrow(),
                account.delegatedTask().map(DelegatedTask::department),
                by.userId(),
                by.role(),
                request.purpose(),
                request.served(),
                request.receipts(),
                amount,
                amount,
                Money.ZERO,
                ClaimStatus.SUBMITTED,
                1,
                at,
                at,
                at.plus(limits.claimExpiry()),
                rules.version());
        ClaimEvent event = new ClaimEvent(
                ClaimEvent.idFor(id, 1),
                id,
                1,
                ClaimEventType.SUBMITTED,
                Optional.empty(),
                ClaimStatus.SUBMITTED,
                claim.submittedAt(),
                by,
                Optional.empty(),
                amount,
                Movement.reserve(amount));
        return new ClaimChange(
                claim,
                event,
                Optional.of(new LedgerEntry(
                        LedgerEntry.idFor(id, 1),
                        account.place(),
                        LedgerEntryType.RESERVED,
                        event.movement(),
                        event.at(),
                        by,
                        Optional.of(id),
                        Optional.empty(),
                        Optional.empty())));
    }

    /** The community secretary has checked the claim and its receipts (备案). */
    public ClaimChange review(Optional<String> note, Caller by, Instant at) {
        requirePermitted(ClaimEventType.REVIEWED, by);
        requireAllowed(ClaimEventType.REVIEWED);
        return step(ClaimEventType.REVIEWED, ClaimStatus.REVIEWED, amount, Movement.NONE, by, at, note);
    }

    /**
     * The town approves the claim for {@code sanctioned} (at most what it holds; less is a partial approval and
     * releases the difference). Above the fund's county threshold the claim goes on to the county
     * ({@link ClaimStatus#TOWN_APPROVED}); the county's approval may lower it again.
     *
     * @throws ValidationException naming {@code approvedAmountFen} when the sanctioned amount is more than the claim holds
     */
    public ClaimChange approve(Money sanctioned, Optional<String> note, Caller by, Instant at, FundRules rules) {
        ClaimEventType type = status == ClaimStatus.REVIEWED
                        && sanctioned.isGreaterThan(
                                rules.limitsFor(fundKind).orElseThrow().countyApprovalAbove())
                ? ClaimEventType.TOWN_APPROVED
                : ClaimEventType.APPROVED;
        requirePermitted(type, by);
        requireAllowed(type);
        if (sanctioned.isGreaterThan(amount)) {
            throw ValidationException.of("approvedAmountFen", "is more than the %s the claim holds".formatted(amount));
        }
        ClaimStatus target = type == ClaimEventType.TOWN_APPROVED ? ClaimStatus.TOWN_APPROVED : ClaimStatus.APPROVED;
        return step(type, target, sanctioned, Movement.release(amount.minus(sanctioned)), by, at, note);
    }

    /** Sent back to the claimant with a reason, at any step before approval; the money stays reserved. */
    public ClaimChange giveBack(String reason, Caller by, Instant at) {
        requirePermitted(ClaimEventType.RETURNED, by);
        requireAllowed(ClaimEventType.RETURNED);
        return step(
                ClaimEventType.RETURNED,
                ClaimStatus.RETURNED,
                amount,
                Movement.NONE,
                by,
                at,
                Optional.of(requireReason(reason)));
    }

    /**
     * The claimant submits a returned claim again, for the same or a lower amount (the difference is released) and
     * with receipts added.
     *
     * @throws ValidationException naming {@code amountFen} (more than it holds) or {@code receiptKeys[i]}
     */
    public ClaimChange resubmit(Optional<Money> lowered, List<ReceiptKey> added, Caller by, Instant at) {
        requirePermitted(ClaimEventType.RESUBMITTED, by);
        requireAllowed(ClaimEventType.RESUBMITTED);
        Money next = lowered.orElse(amount);
        FieldErrors errors = new FieldErrors();
        if (next.isGreaterThan(amount)) {
            errors.add(
                    "amountFen",
                    "a resubmission may keep or lower the %s the claim holds, not raise it".formatted(amount));
        }
        for (int index = 0; index < added.size(); index++) {
            if (!added.get(index).issuedTo(claimantId)) {
                errors.add("receiptKeys[" + index + "]", "was not issued to the claimant");
            }
        }
        if (receipts.size() + added.size() > ClaimRequest.MAXIMUM_RECEIPTS) {
            errors.add("receiptKeys", "a claim has at most %d receipts".formatted(ClaimRequest.MAXIMUM_RECEIPTS));
        }
        errors.throwIfAny();
        List<ReceiptKey> all = new ArrayList<>(receipts);
        added.stream().filter(key -> !receipts.contains(key)).forEach(all::add);
        Claim withReceipts = new Claim(
                id,
                accountId,
                fundKind,
                fiscalYear,
                holder,
                community,
                town,
                department,
                claimantId,
                claimantRole,
                purpose,
                served,
                all,
                claimed,
                amount,
                refunded,
                status,
                version,
                submittedAt,
                updatedAt,
                expiresAt,
                rulesVersion);
        return withReceipts.step(
                ClaimEventType.RESUBMITTED,
                ClaimStatus.SUBMITTED,
                next,
                Movement.release(amount.minus(next)),
                by,
                at,
                Optional.empty());
    }

    /** Refused with a reason before approval; all of its money is released. */
    public ClaimChange reject(String reason, Caller by, Instant at) {
        requirePermitted(ClaimEventType.REJECTED, by);
        requireAllowed(ClaimEventType.REJECTED);
        return step(
                ClaimEventType.REJECTED,
                ClaimStatus.REJECTED,
                amount,
                Movement.release(amount),
                by,
                at,
                Optional.of(requireReason(reason)));
    }

    /** The claimant takes the claim back before approval; all of its money is released. */
    public ClaimChange withdraw(Optional<String> reason, Caller by, Instant at) {
        requirePermitted(ClaimEventType.WITHDRAWN, by);
        requireAllowed(ClaimEventType.WITHDRAWN);
        return step(ClaimEventType.WITHDRAWN, ClaimStatus.WITHDRAWN, amount, Movement.release(amount), by, at, reason);
    }

    /** The town pays the approved amount: the reservation becomes money paid. */
    public ClaimChange pay(Optional<String> note, Caller by, Instant at) {
        requirePermitted(ClaimEventType.PAID, by);
        requireAllowed(ClaimEventType.PAID);
        return step(ClaimEventType.PAID, ClaimStatus.PAID, amount, Movement.settle(amount), by, at, note);
    }

    /** The community publishes the paid claim in its public list (公示). */
    public ClaimChange publish(Caller by, Instant at) {
        requirePermitted(ClaimEventType.PUBLISHED, by);
        requireAllowed(ClaimEventType.PUBLISHED);
        return step(ClaimEventType.PUBLISHED, ClaimStatus.PUBLISHED, amount, Movement.NONE, by, at, Optional.empty());
    }

    /**
     * A paid claim's unspent money (or all of it) comes back to the account: a compensating event, the payment itself
     * stays in the trace.
     *
     * @throws ValidationException naming {@code amountFen} when it is more than was paid
     */
    public ClaimChange reverse(Money refund, String reason, Caller by, Instant at) {
        requirePermitted(ClaimEventType.REVERSED, by);
        requireAllowed(ClaimEventType.REVERSED);
        if (refund.isGreaterThan(amount)) {
            throw ValidationException.of("amountFen", "is more than the %s paid on this claim".formatted(amount));
        }
        ClaimChange change = step(
                ClaimEventType.REVERSED,
                ClaimStatus.REVERSED,
                amount,
                Movement.refund(refund),
                by,
                at,
                Optional.of(requireReason(reason)));
        Claim reversed = change.claim();
        Claim withRefund = new Claim(
                id,
                accountId,
                fundKind,
                fiscalYear,
                holder,
                community,
                town,
                department,
                claimantId,
                claimantRole,
                purpose,
                served,
                receipts,
                claimed,
                amount,
                refund,
                reversed.status(),
                reversed.version(),
                submittedAt,
                reversed.updatedAt(),
                expiresAt,
                rulesVersion);
        return new ClaimChange(withRefund, change.event(), change.entry());
    }

    /** The expiry job's step, as SYSTEM, on a claim still unpaid at its expiry: all of its money is released. */
    public Optional<ClaimChange> expireIfDue(Instant now) {
        if (now.isBefore(expiresAt) || !ClaimLifecycle.allows(status, ClaimEventType.EXPIRED)) {
            return Optional.empty();
        }
        Caller system = Caller.system();
        requirePermitted(ClaimEventType.EXPIRED, system);
        return Optional.of(step(
                ClaimEventType.EXPIRED,
                ClaimStatus.EXPIRED,
                amount,
                Movement.release(amount),
                system,
                now,
                Optional.of("unpaid at its expiry " + expiresAt)));
    }

    /** What the claim holds on its account now: its amount while open, nothing once settled or released. */
    public Money reservedAmount() {
        return status.holdsReservation() ? amount : Money.ZERO;
    }

    /** The account this claim draws on, as its entries name it. */
    public AccountPlace place() {
        Optional<DelegatedTaskId> task =
                served.kind() == ServedWork.Kind.DELEGATED_TASK && fundKind == FundKind.DELEGATED_TASK
                        ? Optional.of(new DelegatedTaskId(served.reference()))
                        : Optional.empty();
        return new AccountPlace(
                accountId, fundKind, fiscalYear, holder, Optional.of(community), Optional.of(town), task, department);
    }

    private void requirePermitted(ClaimEventType step, Caller by) {
        if (!FundAccess.mayTake(by, step, this)) {
            throw new ForbiddenException("a %s of %s may not take the step %s on claim %s"
                    .formatted(
                            by.role(),
                            by.organisationId().map(OrganisationId::value).orElse("no organisation"),
                            step,
                            id.value()));
        }
    }

    private void requireAllowed(ClaimEventType step) {
        if (!ClaimLifecycle.allows(status, step)) {
            throw new IllegalTransitionException(Claim.KIND, id.value(), status.name(), step.name());
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("reason", "is required for this step");
        }
        FieldErrors errors = new FieldErrors();
        String valid = errors.value("reason", () -> FreeText.require(reason, MAXIMUM_REASON_LENGTH));
        errors.throwIfAny();
        return valid.strip();
    }

    /** Applies one step; every transition ends here so that version, event and ledger entry agree. */
    private ClaimChange step(
            ClaimEventType type,
            ClaimStatus target,
            Money nextAmount,
            Movement movement,
            Caller by,
            Instant at,
            Optional<String> reason) {
        long next = version + 1;
        Claim after = new Claim(
                id,
                accountId,
                fundKind,
                fiscalYear,
                holder,
                community,
                town,
                department,
                claimantId,
                claimantRole,
                purpose,
                served,
                receipts,
                claimed,
                nextAmount,
                refunded,
                target,
                next,
                submittedAt,
                at,
                expiresAt,
                rulesVersion);
        ClaimEvent event = new ClaimEvent(
                ClaimEvent.idFor(id, next),
                id,
                next,
                type,
                Optional.of(status),
                target,
                after.updatedAt(),
                by,
                reason,
                nextAmount,
                movement);
        if (movement.isNone()) {
            return new ClaimChange(after, event, Optional.empty());
        }
        LedgerEntryType entryType = switch (type) {
            case PAID -> LedgerEntryType.SETTLED;
            case REVERSED -> LedgerEntryType.REFUNDED;
            case TOWN_APPROVED, APPROVED, RESUBMITTED, REJECTED, WITHDRAWN, EXPIRED -> LedgerEntryType.RELEASED;
            case SUBMITTED, RETURNED, REVIEWED, PUBLISHED -> throw new IllegalStateException(type + " moves no money");
        };
        return new ClaimChange(
                after,
                event,
                Optional.of(new LedgerEntry(
                        LedgerEntry.idFor(id, next),
                        place(),
                        entryType,
                        movement,
                        event.at(),
                        by,
                        Optional.of(id),
                        Optional.empty(),
                        reason)));
    }
}
