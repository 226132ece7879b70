package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.Identifiers;
import io.gridsteward.domain.core.OrganisationId;

/**
 * An account's id says what it is: {@code {year}:{kind}:{holder}}, or {@code {year}:task:{taskId}} for a delegated
 * task, so that one holder has at most one account of a kind per fiscal year (the store refuses a second).
 */
public record AccountId(String value) {

    public AccountId {
        Identifiers.require(value);
    }

    public static AccountId of(FiscalYear year, FundKind kind, OrganisationId holder) {
        if (kind == FundKind.DELEGATED_TASK) {
            throw new IllegalArgumentException("a delegated task's account is named after its task");
        }
        return new AccountId(year.value() + ":" + kind.code() + ":" + holder.value());
    }

    public static AccountId ofTask(FiscalYear year, DelegatedTaskId task) {
        return new AccountId(year.value() + ":" + FundKind.DELEGATED_TASK.code() + ":" + task.value());
    }
}
