package io.gridsteward.api.resource;

import io.gridsteward.api.core.CurrentState;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.resource.Claim;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.Demand;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.Offer;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.Project;
import io.gridsteward.domain.resource.ProjectId;
import io.gridsteward.store.resource.ResourceStore;
import io.gridsteward.store.resource.Traced;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;

/** The status (and what remains) and version of offers, demands, claims and projects for 409 answers. */
final class ResourceCurrentStates {

    private ResourceCurrentStates() {}

    /** One kind of the context's things: its id read from the exception's text, the thing read, and where it stands. */
    private abstract static class ItemState<I, T> implements CurrentState {

        private final String kind;
        private final Function<String, I> parse;
        private final Function<I, Optional<Traced<T>>> read;
        private final Function<T, Versioned> standing;

        ItemState(
                String kind,
                Function<String, I> parse,
                Function<I, Optional<Traced<T>>> read,
                Function<T, Versioned> standing) {
            this.kind = kind;
            this.parse = parse;
            this.read = read;
            this.standing = standing;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Optional<Versioned> find(String id) {
            I parsed;
            try {
                parsed = parse.apply(id);
            } catch (ValidationException invalid) {
                return Optional.empty();
            }
            return read.apply(parsed).map(traced -> standing.apply(traced.state()));
        }
    }

    @Singleton
    public static class Offers extends ItemState<OfferId, Offer> {

        public Offers(ResourceStore store) {
            super(
                    "offer",
                    OfferId::new,
                    store::findOffer,
                    offer -> new Versioned(
                            "%s with %d remaining".formatted(offer.status(), offer.remaining()), offer.version()));
        }
    }

    @Singleton
    public static class Demands extends ItemState<DemandId, Demand> {

        public Demands(ResourceStore store) {
            super(
                    "demand",
                    DemandId::new,
                    store::findDemand,
                    demand -> new Versioned(
                            "%s with %d remaining".formatted(demand.status(), demand.remaining()), demand.version()));
        }
    }

    @Singleton
    public static class Claims extends ItemState<ClaimId, Claim> {

        public Claims(ResourceStore store) {
            super(
                    "claim",
                    ClaimId::new,
                    store::findClaim,
                    claim -> new Versioned(claim.status().name(), claim.version()));
        }
    }

    @Singleton
    public static class Projects extends ItemState<ProjectId, Project> {

        public Projects(ResourceStore store) {
            super(
                    "project",
                    ProjectId::new,
                    store::findProject,
                    project -> new Versioned(project.status().name(), project.version()));
        }
    }
}
