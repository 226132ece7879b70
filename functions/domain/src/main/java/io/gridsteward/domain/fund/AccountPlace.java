package io.gridsteward.domain.fund;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.OrganisationId;
import java.util.Optional;

/**
 * Which account a ledger entry moves money on and where it sits: its fund kind and year, its holder, community and
 * town, and for a delegated task the task and its department. Copied onto every entry so the lake needs no lookup.
 */
public record AccountPlace(
        AccountId id,
        FundKind kind,
        FiscalYear fiscalYear,
        OrganisationId holder,
        Optional<OrganisationId> community,
        Optional<OrganisationId> town,
        Optional<DelegatedTaskId> task,
        Optional<OrganisationId> department) {

    public AccountPlace {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(holder, "holder");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(task, "task");
        requireNonNull(department, "department");
    }

    /** The grid, for a grid party group's fund. */
    public Optional<OrganisationId> grid() {
        return kind == FundKind.GRID_PARTY_GROUP_ACTIVITY ? Optional.of(holder) : Optional.empty();
    }
}
