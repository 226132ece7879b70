package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.Money;
import io.gridsteward.domain.core.OrganisationId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A quantity of an offer or a demand taken by a claimant (双向认领). {@code decider} is the organisation on the item's
 * side that accepts or declines it: an offer's provider, a demand's community. {@code community} and {@code grid} are
 * where it serves: the claiming community for an offer, the demand's own for a demand; a demand's claim carries the
 * residents the demand serves, who will rate the project.
 */
public record Claim(
        ClaimId id,
        ItemFacts item,
        OrganisationId decider,
        Claimant claimant,
        OrganisationId community,
        Optional<GridId> grid,
        long quantity,
        Money value,
        ClaimStatus status,
        Instant claimedAt,
        String claimedBy,
        List<String> beneficiaryIds,
        long version) {

    public Claim {
        requireNonNull(id, "id");
        requireNonNull(item, "item");
        requireNonNull(decider, "decider");
        requireNonNull(claimant, "claimant");
        requireNonNull(community, "community");
        requireNonNull(grid, "grid");
        requireNonNull(value, "value");
        requireNonNull(status, "status");
        claimedAt = claimedAt.truncatedTo(ChronoUnit.MILLIS);
        requireNonNull(claimedBy, "claimedBy");
        beneficiaryIds = List.copyOf(beneficiaryIds);
        if (quantity < 1) {
            throw new IllegalArgumentException("a claim is for at least one unit: " + quantity);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    static Change<Claim> open(
            ClaimId id,
            ItemFacts item,
            OrganisationId decider,
            Claimant claimant,
            OrganisationId community,
            Optional<GridId> grid,
            long quantity,
            Money value,
            List<String> beneficiaryIds,
            Caller by,
            Instant at) {
        Claim claim = new Claim(
                id,
                item,
                decider,
                claimant,
                community,
                grid,
                quantity,
                value,
                ClaimStatus.CLAIMED,
                at,
                by.userId(),
                beneficiaryIds,
                1);
        return new Change<>(
                claim,
                ResourceEvent.of(
                        ResourceEventType.CLAIMED,
                        id.value(),
                        1,
                        at,
                        by,
                        Optional.empty(),
                        item,
                        Optional.of(claim.facts())));
    }

    /**
     * The item's side accepts the claim; it becomes a project owned by the one who claimed, on the plan given.
     *
     * @throws ForbiddenException when the caller does not decide for the item's side
     * @throws IllegalTransitionException when the claim was decided already
     */
    public Accepted accept(ProjectPlan plan, Caller by, Instant at) {
        requireDecider(by, ResourceEventType.CLAIM_ACCEPTED);
        requireOpen(ResourceEventType.CLAIM_ACCEPTED);
        plan.requireDueAfter(at);
        Claim accepted = next(ClaimStatus.ACCEPTED);
        Change<Claim> claimChange = new Change<>(
                accepted,
                ResourceEvent.of(
                        ResourceEventType.CLAIM_ACCEPTED,
                        id.value(),
                        accepted.version,
                        at,
                        by,
                        Optional.empty(),
                        item,
                        Optional.of(facts())));
        return new Accepted(claimChange, Project.start(accepted, plan, by, at));
    }

    /** The item's side declines the claim; the store gives its quantity back to the item in the same transaction. */
    public Change<Claim> decline(Reason reason, Caller by, Instant at) {
        requireDecider(by, ResourceEventType.CLAIM_DECLINED);
        requireOpen(ResourceEventType.CLAIM_DECLINED);
        Claim declined = next(ClaimStatus.DECLINED);
        return new Change<>(
                declined,
                ResourceEvent.of(
                        ResourceEventType.CLAIM_DECLINED,
                        id.value(),
                        declined.version,
                        at,
                        by,
                        Optional.of(reason),
                        item,
                        Optional.of(facts())));
    }

    public ClaimFacts facts() {
        return new ClaimFacts(
                id,
                claimant.kind(),
                claimant.organisation(),
                claimant.memberIds().size(),
                community,
                grid,
                quantity,
                value,
                claimedAt);
    }

    private Claim next(ClaimStatus status) {
        return new Claim(
                id,
                item,
                decider,
                claimant,
                community,
                grid,
                quantity,
                value,
                status,
                claimedAt,
                claimedBy,
                beneficiaryIds,
                version + 1);
    }

    private void requireDecider(Caller by, ResourceEventType step) {
        if (!ResourceAccess.decidesFor(by, this)) {
            throw new ForbiddenException("a %s of %s may not take %s on claim %s"
                    .formatted(
                            by.role(),
                            by.organisationId().map(OrganisationId::value).orElse("no organisation"),
                            step,
                            id.value()));
        }
    }

    private void requireOpen(ResourceEventType step) {
        if (status != ClaimStatus.CLAIMED) {
            throw new IllegalTransitionException("claim", id.value(), status.name(), step.name());
        }
    }

    /** An accepted claim and the project it started, written in one transaction. */
    public record Accepted(Change<Claim> claim, Change<Project> project) {

        public Accepted {
            requireNonNull(claim, "claim");
            requireNonNull(project, "project");
        }
    }
}
