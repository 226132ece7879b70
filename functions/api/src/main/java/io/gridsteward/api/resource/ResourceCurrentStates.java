package io.gridsteward.api.resource;

import io.gridsteward.api.core.CurrentState;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.resource.ClaimId;
import io.gridsteward.domain.resource.DemandId;
import io.gridsteward.domain.resource.OfferId;
import io.gridsteward.domain.resource.ProjectId;
import io.gridsteward.store.resource.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/** The status (and what remains) and version of offers, demands, claims and projects for 409 answers. */
final class ResourceCurrentStates {

    private ResourceCurrentStates() {}

    private static <I> Optional<I> id(String text, Function<String, I> factory) {
        try {
            return Optional.of(factory.apply(text));
        } catch (ValidationException invalid) {
            return Optional.empty();
        }
    }

    @ApplicationScoped
    public static class Offers implements CurrentState {

        private final ResourceStore store;

        public Offers(ResourceStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return "offer";
        }

        @Override
        public Optional<Versioned> find(String id) {
            return id(id, OfferId::new)
                    .flatMap(store::findOffer)
                    .map(traced -> new Versioned(
                            "%s with %d remaining"
                                    .formatted(
                                            traced.state().status(),
                                            traced.state().remaining()),
                            traced.state().version()));
        }
    }

    @ApplicationScoped
    public static class Demands implements CurrentState {

        private final ResourceStore store;

        public Demands(ResourceStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return "demand";
        }

        @Override
        public Optional<Versioned> find(String id) {
            return id(id, DemandId::new)
                    .flatMap(store::findDemand)
                    .map(traced -> new Versioned(
                            "%s with %d remaining"
                                    .formatted(
                                            traced.state().status(),
                                            traced.state().remaining()),
                            traced.state().version()));
        }
    }

    @ApplicationScoped
    public static class Claims implements CurrentState {

        private final ResourceStore store;

        public Claims(ResourceStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return "claim";
        }

        @Override
        public Optional<Versioned> find(String id) {
            return id(id, ClaimId::new)
                    .flatMap(store::findClaim)
                    .map(traced -> new Versioned(
                            traced.state().status().name(), traced.state().version()));
        }
    }

    @ApplicationScoped
    public static class Projects implements CurrentState {

        private final ResourceStore store;

        public Projects(ResourceStore store) {
            this.store = store;
        }

        @Override
        public String kind() {
            return "project";
        }

        @Override
        public Optional<Versioned> find(String id) {
            return id(id, ProjectId::new)
                    .flatMap(store::findProject)
                    .map(traced -> new Versioned(
                            traced.state().status().name(), traced.state().version()));
        }
    }
}
