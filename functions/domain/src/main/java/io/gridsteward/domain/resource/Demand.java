package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a community or a grid needs (需求清单), for a quantity and a validity period; a resident's small wish (微心愿) is
 * entered by their grid worker and published only once the community has verified it. {@code remaining} is what is
 * still unclaimed; the store lowers it with each claim by a conditional write, so a demand is never claimed beyond
 * what it asked for. {@code beneficiaryIds} are the residents it serves, who may rate the project that meets it.
 */
public record Demand(
        DemandId id,
        OrganisationId community,
        OrganisationId town,
        Optional<GridId> grid,
        Title title,
        Provision provision,
        Validity validity,
        boolean smallWish,
        List<String> beneficiaryIds,
        DemandStatus status,
        long remaining,
        Instant submittedAt,
        Optional<Instant> publishedAt,
        long version) {

    public Demand {
        requireNonNull(id, "id");
        requireNonNull(community, "community");
        requireNonNull(town, "town");
        requireNonNull(grid, "grid");
        requireNonNull(title, "title");
        requireNonNull(provision, "provision");
        requireNonNull(validity, "validity");
        beneficiaryIds = List.copyOf(beneficiaryIds);
        requireNonNull(status, "status");
        submittedAt = submittedAt.truncatedTo(ChronoUnit.MILLIS);
        publishedAt = requireNonNull(publishedAt, "publishedAt").map(instant -> instant.truncatedTo(ChronoUnit.MILLIS));
        if (remaining < 0 || remaining > provision.quantity()) {
            throw new IllegalArgumentException(
                    "remaining %d is outside 0..%d".formatted(remaining, provision.quantity()));
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    /**
     * A community's secretary raises a demand for the community or one of its grids; a grid's worker or party leader for
     * the grid. A small wish is entered by a grid worker for the residents it names and waits for verification.
     *
     * @throws ForbiddenException when the caller may not raise demands there
     * @throws ValidationException naming {@code placeId}, {@code beneficiaryIds} or {@code validUntil}
     */
    public static Change<Demand> raise(
            DemandId id,
            Organisation place,
            Title title,
            Provision provision,
            Validity validity,
            boolean smallWish,
            List<String> beneficiaryIds,
            Caller by,
            Instant at) {
        List<String> beneficiaries = ResidentIds.require("beneficiaryIds", beneficiaryIds);
        Optional<Placement> placement = place.placement();
        OrganisationId community = switch (place.kind()) {
            case GRID -> placement.orElseThrow().community();
            case COMMUNITY -> place.id();
            case COUNTY, TOWN, DEPARTMENT, UNIT ->
                throw ValidationException.of(
                        "placeId",
                        "%s is a %s; demands are raised for a community or a grid"
                                .formatted(place.id().value(), place.kind()));
        };
        OrganisationId town = place.town().orElseThrow();
        if (!ResourceAccess.mayRaiseDemand(by, place, community, smallWish)) {
            throw new ForbiddenException("a %s may not raise %s in %s"
                    .formatted(
                            by.role(),
                            smallWish ? "small wishes" : "demands",
                            place.id().value()));
        }
        if (smallWish && beneficiaries.isEmpty()) {
            throw ValidationException.of("beneficiaryIds", "a small wish names the resident whose wish it is");
        }
        if (!validity.until().isAfter(at)) {
            throw ValidationException.of("validUntil", "must be in the future");
        }
        Optional<GridId> grid = placement.map(Placement::grid);
        DemandStatus status = smallWish ? DemandStatus.AWAITING_VERIFICATION : DemandStatus.PUBLISHED;
        Optional<Instant> publishedAt = smallWish ? Optional.empty() : Optional.of(at);
        Demand demand = new Demand(
                id,
                community,
                town,
                grid,
                title,
                provision,
                validity,
                smallWish,
                beneficiaries,
                status,
                provision.quantity(),
                at,
                publishedAt,
                1);
        ResourceEventType type = smallWish ? ResourceEventType.DEMAND_SUBMITTED : ResourceEventType.DEMAND_PUBLISHED;
        return new Change<>(
                demand,
                ResourceEvent.of(type, id.value(), 1, at, by, Optional.empty(), demand.facts(), Optional.empty()));
    }

    /** The community verifies a small wish (the need is real, the resident is theirs): it is published for claiming. */
    public Change<Demand> verify(Caller by, Instant at) {
        requireCommunitySecretary(by, ResourceEventType.DEMAND_PUBLISHED);
        requireStatus(DemandStatus.AWAITING_VERIFICATION, ResourceEventType.DEMAND_PUBLISHED);
        if (!validity.until().isAfter(at)) {
            throw new IllegalTransitionException(
                    "demand", id.value(), "past its validity period", ResourceEventType.DEMAND_PUBLISHED.name());
        }
        Demand published = next(DemandStatus.PUBLISHED, Optional.of(at));
        return new Change<>(
                published,
                ResourceEvent.of(
                        ResourceEventType.DEMAND_PUBLISHED,
                        id.value(),
                        published.version,
                        at,
                        by,
                        Optional.empty(),
                        published.facts(),
                        Optional.empty()));
    }

    /** The community refuses a small wish, with the reason the grid worker will pass on. */
    public Change<Demand> reject(Reason reason, Caller by, Instant at) {
        requireCommunitySecretary(by, ResourceEventType.DEMAND_REJECTED);
        requireStatus(DemandStatus.AWAITING_VERIFICATION, ResourceEventType.DEMAND_REJECTED);
        Demand rejected = next(DemandStatus.REJECTED, publishedAt);
        return new Change<>(
                rejected,
                ResourceEvent.of(
                        ResourceEventType.DEMAND_REJECTED,
                        id.value(),
                        rejected.version,
                        at,
                        by,
                        Optional.of(reason),
                        facts(),
                        Optional.empty()));
    }

    /** The community takes a demand off the list; what was claimed stays claimed. */
    public Change<Demand> withdraw(Reason reason, Caller by, Instant at) {
        requireCommunitySecretary(by, ResourceEventType.DEMAND_WITHDRAWN);
        requireStatus(DemandStatus.PUBLISHED, ResourceEventType.DEMAND_WITHDRAWN);
        Demand withdrawn = next(DemandStatus.WITHDRAWN, publishedAt);
        return new Change<>(
                withdrawn,
                ResourceEvent.of(
                        ResourceEventType.DEMAND_WITHDRAWN,
                        id.value(),
                        withdrawn.version,
                        at,
                        by,
                        Optional.of(reason),
                        facts(),
                        Optional.empty()));
    }

    /**
     * A unit, a party group or members claim {@code quantity} of the demand; who the claimant is follows from the
     * caller's role (see {@link ResourceAccess#claimantOf}). Decided on the demand as read; the store's conditional
     * write decides again against the stored remaining quantity.
     *
     * @throws ForbiddenException when the caller may not claim this demand
     * @throws IllegalTransitionException when the demand is not published or outside its validity period
     * @throws ValidationException naming {@code quantity}, {@code partyGroupId} or {@code memberIds}
     */
    public Change<Claim> claim(
            ClaimId claimId,
            long quantity,
            Reach reach,
            Optional<String> partyGroupId,
            List<String> coMemberIds,
            Instant at) {
        Claimant claimant = ResourceAccess.claimantOf(reach, this, partyGroupId, coMemberIds)
                .orElseThrow(() -> new ForbiddenException(
                        "a %s may not claim demand %s".formatted(reach.caller().role(), id.value())));
        requireStatus(DemandStatus.PUBLISHED, ResourceEventType.CLAIMED);
        if (!validity.contains(at)) {
            throw new IllegalTransitionException(
                    "demand", id.value(), "outside its validity period", ResourceEventType.CLAIMED.name());
        }
        if (quantity < 1 || quantity > remaining) {
            throw ValidationException.of("quantity", "must be between 1 and the %d remaining".formatted(remaining));
        }
        return Claim.open(
                claimId,
                facts(),
                community,
                claimant,
                community,
                grid,
                quantity,
                provision.valueOf(quantity),
                beneficiaryIds,
                reach.caller(),
                at);
    }

    public ItemFacts facts() {
        return new ItemFacts(
                ItemType.DEMAND,
                id.value(),
                provision.kind(),
                town,
                Optional.of(community),
                grid,
                Optional.empty(),
                Optional.empty(),
                smallWish,
                provision.quantity(),
                provision.valueOf(provision.quantity()),
                publishedAt);
    }

    private Demand next(DemandStatus status, Optional<Instant> published) {
        return new Demand(
                id,
                community,
                town,
                grid,
                title,
                provision,
                validity,
                smallWish,
                beneficiaryIds,
                status,
                remaining,
                submittedAt,
                published,
                version + 1);
    }

    private void requireCommunitySecretary(Caller by, ResourceEventType step) {
        if (!(by.role() == Role.COMMUNITY_SECRETARY && by.actsFor(community))) {
            throw new ForbiddenException("only a secretary of community %s may take %s on demand %s"
                    .formatted(community.value(), step, id.value()));
        }
    }

    private void requireStatus(DemandStatus required, ResourceEventType step) {
        if (status != required) {
            throw new IllegalTransitionException("demand", id.value(), status.name(), step.name());
        }
    }
}
