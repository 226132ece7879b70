package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Work a county department hands down to a community (社区承办事项), only from the county's admitted list (准入), with
 * the money it needs (权随责走、费随事转): the task's own account, claimable only for this task.
 */
public record DelegatedTask(
        DelegatedTaskId id,
        String taskCode,
        OrganisationId department,
        OrganisationId community,
        OrganisationId town,
        FiscalYear fiscalYear,
        Money funding,
        Instant delegatedAt) {

    public DelegatedTask {
        requireNonNull(id, "id");
        requireNonNull(taskCode, "taskCode");
        requireNonNull(department, "department");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(funding, "funding");
        delegatedAt = delegatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A department officer delegates an admitted task to a community with its funding: the task's account opens with
     * the funding allocated (one ledger entry).
     *
     * @throws ForbiddenException when the caller is not an officer of a county department
     * @throws ValidationException naming {@code taskCode} (not admitted) or {@code communityId} (not a community)
     */
    public static AccountChange delegate(
            DelegatedTaskId id,
            String taskCode,
            FiscalYear year,
            Organisation community,
            Money funding,
            Caller by,
            Instant at,
            FundRules rules) {
        if (by.role() != Role.DEPARTMENT_OFFICER || by.organisationId().isEmpty()) {
            throw new ForbiddenException("only a county department's officer delegates tasks, not a " + by.role());
        }
        rules.requireAdmitted(taskCode);
        if (community.kind() != OrganisationKind.COMMUNITY) {
            throw ValidationException.of(
                    "communityId",
                    "%s is a %s; tasks are delegated to communities"
                            .formatted(community.id().value(), community.kind()));
        }
        DelegatedTask task = new DelegatedTask(
                id,
                taskCode,
                by.organisationId().get(),
                community.id(),
                community.town().orElseThrow(),
                year,
                funding,
                at);
        Account opened = Account.ofTask(task);
        return Ledger.fund(
                opened,
                LedgerEntryType.ALLOCATED,
                funding,
                "task:" + id.value(),
                by,
                at,
                Optional.empty(),
                Optional.of("delegated " + taskCode));
    }
}
