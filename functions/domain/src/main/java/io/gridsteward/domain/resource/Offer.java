package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A resource a unit, a department or a community offers to the communities of one town (资源清单): a venue, equipment,
 * volunteers, services or money, with a quantity and a validity period. {@code remaining} is what is still unclaimed;
 * the store lowers it with each claim by a conditional write, so it never goes below zero however many communities
 * claim at once.
 */
public record Offer(
        OfferId id,
        OrganisationId provider,
        OrganisationKind providerKind,
        OrganisationId town,
        Title title,
        Provision provision,
        Validity validity,
        long remaining,
        OfferStatus status,
        Instant publishedAt,
        long version) {

    public Offer {
        requireNonNull(id, "id");
        requireNonNull(provider, "provider");
        requireNonNull(providerKind, "providerKind");
        requireNonNull(town, "town");
        requireNonNull(title, "title");
        requireNonNull(provision, "provision");
        requireNonNull(validity, "validity");
        requireNonNull(status, "status");
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MILLIS);
        if (remaining < 0 || remaining > provision.quantity()) {
            throw new IllegalArgumentException(
                    "remaining %d is outside 0..%d".formatted(remaining, provision.quantity()));
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    /**
     * The provider's officer publishes an offer into a town's pool. A community offers to its own town; a unit or a
     * department names the town.
     *
     * @throws ForbiddenException when the caller does not act for the provider in a role that publishes offers, or a
     *         community offers to another town's pool
     * @throws ValidationException naming {@code townId} when the pool is not a town
     */
    public static Change<Offer> publish(
            OfferId id,
            Organisation provider,
            Organisation town,
            Title title,
            Provision provision,
            Validity validity,
            Caller by,
            Instant at) {
        if (!ResourceAccess.mayPublishOffer(by, provider)) {
            throw new ForbiddenException("a %s may not publish offers for %s"
                    .formatted(by.role(), provider.id().value()));
        }
        if (town.kind() != OrganisationKind.TOWN) {
            throw ValidationException.of(
                    "townId", "%s is a %s, not a town".formatted(town.id().value(), town.kind()));
        }
        if (provider.kind() == OrganisationKind.COMMUNITY && !provider.town().equals(Optional.of(town.id()))) {
            throw new ForbiddenException("community %s offers only to its own town's pool"
                    .formatted(provider.id().value()));
        }
        if (!validity.until().isAfter(at)) {
            throw ValidationException.of("validUntil", "must be in the future");
        }
        Offer offer = new Offer(
                id,
                provider.id(),
                provider.kind(),
                town.id(),
                title,
                provision,
                validity,
                provision.quantity(),
                OfferStatus.OPEN,
                at,
                1);
        return new Change<>(
                offer,
                ResourceEvent.of(
                        ResourceEventType.OFFER_PUBLISHED,
                        id.value(),
                        1,
                        at,
                        by,
                        Optional.empty(),
                        offer.facts(),
                        Optional.empty()));
    }

    /** The provider takes the offer off the list; what was claimed stays claimed. */
    public Change<Offer> withdraw(Reason reason, Caller by, Instant at) {
        if (!ResourceAccess.actsForProvider(by, this)) {
            throw new ForbiddenException("only the provider's officers withdraw offer " + id.value());
        }
        if (status != OfferStatus.OPEN) {
            throw new IllegalTransitionException(
                    "offer", id.value(), status.name(), ResourceEventType.OFFER_WITHDRAWN.name());
        }
        Offer withdrawn = new Offer(
                id,
                provider,
                providerKind,
                town,
                title,
                provision,
                validity,
                remaining,
                OfferStatus.WITHDRAWN,
                publishedAt,
                version + 1);
        return new Change<>(
                withdrawn,
                ResourceEvent.of(
                        ResourceEventType.OFFER_WITHDRAWN,
                        id.value(),
                        withdrawn.version,
                        at,
                        by,
                        Optional.of(reason),
                        facts(),
                        Optional.empty()));
    }

    /**
     * A community of the offer's town claims {@code quantity} of it. Decided on the offer as read; the store's
     * conditional write decides again against the stored remaining quantity, which is what holds under concurrency.
     *
     * @throws ForbiddenException when the caller is not a community secretary of the offer's town, or the community offered it
     * @throws IllegalTransitionException when the offer is withdrawn or outside its validity period
     * @throws ValidationException naming {@code quantity} when it is not between 1 and what remains
     */
    public Change<Claim> claim(ClaimId claimId, long quantity, Reach reach, Instant at) {
        Caller by = reach.caller();
        if (!ResourceAccess.mayClaimOffer(reach, this)) {
            throw new ForbiddenException("a %s may not claim offer %s".formatted(by.role(), id.value()));
        }
        requireClaimable(at);
        if (quantity < 1 || quantity > remaining) {
            throw ValidationException.of("quantity", "must be between 1 and the %d remaining".formatted(remaining));
        }
        OrganisationId community = reach.community().orElseThrow();
        return Claim.open(
                claimId,
                facts(),
                provider,
                Claimant.community(community),
                community,
                Optional.empty(),
                quantity,
                provision.valueOf(quantity),
                List.of(),
                by,
                at);
    }

    public boolean isClaimableAt(Instant at) {
        return status == OfferStatus.OPEN && validity.contains(at);
    }

    private void requireClaimable(Instant at) {
        if (status != OfferStatus.OPEN) {
            throw new IllegalTransitionException("offer", id.value(), status.name(), ResourceEventType.CLAIMED.name());
        }
        if (!validity.contains(at)) {
            throw new IllegalTransitionException(
                    "offer", id.value(), "outside its validity period", ResourceEventType.CLAIMED.name());
        }
    }

    public ItemFacts facts() {
        Optional<OrganisationId> community =
                providerKind == OrganisationKind.COMMUNITY ? Optional.of(provider) : Optional.empty();
        return new ItemFacts(
                ItemType.OFFER,
                id.value(),
                provision.kind(),
                town,
                community,
                Optional.empty(),
                Optional.of(provider),
                Optional.of(providerKind),
                false,
                provision.quantity(),
                provision.valueOf(provision.quantity()),
                Optional.of(publishedAt));
    }
}
