package io.gridsteward.api.resource;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.resource.Reach;
import io.gridsteward.domain.resource.UnitCommunities;
import io.gridsteward.store.organisation.OrganisationStore;
import io.gridsteward.store.resource.ResourceStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** What a caller's jurisdiction over resources rests on, read for each request: their organisation and, for a unit, its declared communities. */
@ApplicationScoped
public class Reaches {

    private final OrganisationStore organisations;
    private final ResourceStore resources;

    public Reaches(OrganisationStore organisations, ResourceStore resources) {
        this.organisations = organisations;
        this.resources = resources;
    }

    public Reach of(Caller caller) {
        Optional<Organisation> organisation = caller.organisationId().flatMap(organisations::find);
        Set<OrganisationId> declared = caller.role() == Role.UNIT_OFFICER
                ? caller.organisationId()
                        .flatMap(resources::unitCommunities)
                        .map(UnitCommunities::communities)
                        .orElse(Set.of())
                : Set.of();
        return new Reach(caller, organisation, declared);
    }
}
