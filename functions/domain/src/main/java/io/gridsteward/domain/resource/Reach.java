package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import java.util.Optional;
import java.util.Set;

/**
 * A caller with what their jurisdiction over resources depends on: their organisation as the county's structure
 * has it (whose town is the pool they see), and for a unit the communities it declared it reported in to (报到社区).
 * Until the party context keeps units' registrations, those are the unit's own declaration in this context
 * ({@link UnitCommunities}).
 */
public record Reach(Caller caller, Optional<Organisation> organisation, Set<OrganisationId> declaredCommunities) {

    public Reach {
        requireNonNull(caller, "caller");
        requireNonNull(organisation, "organisation");
        declaredCommunities = Set.copyOf(declaredCommunities);
        if (organisation.isPresent() && !caller.actsFor(organisation.get().id())) {
            throw new IllegalArgumentException("the reach's organisation is the caller's own");
        }
    }

    public static Reach of(Caller caller, Optional<Organisation> organisation) {
        return new Reach(caller, organisation, Set.of());
    }

    /** The town whose pool the caller sees: their organisation's town (a community's, a grid's, or the town itself). */
    public Optional<OrganisationId> town() {
        return organisation.flatMap(Organisation::town);
    }

    /** The community the caller belongs to: their community, or their grid's. */
    public Optional<OrganisationId> community() {
        return organisation.flatMap(organisation -> switch (organisation.kind()) {
            case COMMUNITY -> Optional.of(organisation.id());
            case GRID -> organisation.communityId();
            case COUNTY, TOWN, DEPARTMENT, UNIT -> Optional.empty();
        });
    }

    boolean inTown(OrganisationId town) {
        return town().filter(town::equals).isPresent();
    }

    boolean inCommunity(OrganisationId community) {
        return community().filter(community::equals).isPresent();
    }
}
