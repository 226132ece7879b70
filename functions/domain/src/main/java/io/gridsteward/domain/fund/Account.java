package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.util.Optional;

/**
 * A fund account of one holder for one fiscal year and its three sums. Never below zero: available
 * (funded − reserved − paid), reserved and paid. The store keeps the same rule with conditional writes; this record
 * is what a read shows and what the domain checks a movement against first.
 */
public record Account(
        AccountId id,
        FundKind kind,
        FiscalYear fiscalYear,
        OrganisationId holder,
        Optional<OrganisationId> community,
        Optional<OrganisationId> town,
        Optional<DelegatedTask> delegatedTask,
        Money funded,
        Money reserved,
        Money paid) {

    public Account {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(holder, "holder");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(delegatedTask, "delegatedTask");
        requireNonNull(funded, "funded");
        requireNonNull(reserved, "reserved");
        requireNonNull(paid, "paid");
        if (delegatedTask.isPresent() != (kind == FundKind.DELEGATED_TASK)) {
            throw new IllegalArgumentException("exactly the delegated-task accounts carry their task");
        }
        if (reserved.isNegative()
                || paid.isNegative()
                || funded.minus(reserved).minus(paid).isNegative()) {
            throw new IllegalArgumentException("account %s would be overdrawn: funded %s, reserved %s, paid %s"
                    .formatted(id.value(), funded, reserved, paid));
        }
    }

    /**
     * Opens an empty account of {@code kind} for {@code holder}, an organisation of the kind's holder kind. A county
     * leader opens any account; a town supervisor the accounts of their town and of its communities and grids.
     *
     * @throws ValidationException naming {@code holderOrgId} when the holder is of the wrong kind
     * @throws ForbiddenException when the caller may not open it
     */
    public static Account open(FundKind kind, FiscalYear year, Organisation holder, Caller by) {
        if (kind == FundKind.DELEGATED_TASK) {
            throw ValidationException.of("kind", "a delegated task's account is opened by delegating the task");
        }
        if (holder.kind() != kind.holderKind()) {
            throw ValidationException.of(
                    "holderOrgId",
                    "%s is a %s; a %s account is held by a %s"
                            .formatted(holder.id().value(), holder.kind(), kind, kind.holderKind()));
        }
        Account account = new Account(
                AccountId.of(year, kind, holder.id()),
                kind,
                year,
                holder.id(),
                communityOf(holder),
                holder.town(),
                Optional.empty(),
                Money.ZERO,
                Money.ZERO,
                Money.ZERO);
        if (!FundAccess.mayManage(by, account)) {
            throw new ForbiddenException("a %s may not open accounts for %s"
                    .formatted(by.role(), holder.id().value()));
        }
        return account;
    }

    /** The account of a delegated task, held by the community the task was handed to. */
    static Account ofTask(DelegatedTask task) {
        return new Account(
                AccountId.ofTask(task.fiscalYear(), task.id()),
                FundKind.DELEGATED_TASK,
                task.fiscalYear(),
                task.community(),
                Optional.of(task.community()),
                Optional.of(task.town()),
                Optional.of(task),
                Money.ZERO,
                Money.ZERO,
                Money.ZERO);
    }

    public AccountPlace place() {
        return new AccountPlace(
                id,
                kind,
                fiscalYear,
                holder,
                community,
                town,
                delegatedTask.map(DelegatedTask::id),
                delegatedTask.map(DelegatedTask::department));
    }

    public Money available() {
        return funded.minus(reserved).minus(paid);
    }

    /** What the holder has not paid out: funded − paid (reserved money is still in the account). */
    public Money balance() {
        return funded.minus(paid);
    }

    /**
     * The account after {@code movement}.
     *
     * @throws ValidationException naming {@code field} when the movement would take available, reserved or paid below zero
     */
    public Account after(Movement movement, String field) {
        Money nextFunded = funded.plus(movement.funded());
        Money nextReserved = reserved.plus(movement.reserved());
        Money nextPaid = paid.plus(movement.paid());
        Money nextAvailable = nextFunded.minus(nextReserved).minus(nextPaid);
        if (nextAvailable.isNegative()) {
            throw insufficient(field, movement.availableChange().negated());
        }
        if (nextReserved.isNegative() || nextPaid.isNegative()) {
            throw new IllegalStateException(
                    "account %s cannot release or refund more than it holds".formatted(id.value()));
        }
        return new Account(
                id, kind, fiscalYear, holder, community, town, delegatedTask, nextFunded, nextReserved, nextPaid);
    }

    /** The refusal of an amount this account cannot cover: names the field and says what is available. */
    public ValidationException insufficient(String field, Money wanted) {
        return ValidationException.of(
                field, "account %s has %s available, less than %s".formatted(id.value(), available(), wanted));
    }

    private static Optional<OrganisationId> communityOf(Organisation holder) {
        return switch (holder.kind()) {
            case COMMUNITY -> Optional.of(holder.id());
            case GRID -> holder.communityId();
            case COUNTY, TOWN, DEPARTMENT, UNIT -> Optional.empty();
        };
    }
}
