package io.gridsteward.api.organisation;

import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.organisation.OrganisationStore;

/** An organisation named in a path: a malformed id is as unknown as a missing one (404, not 400). */
public final class Organisations {

    private Organisations() {}

    public static Organisation require(OrganisationStore organisations, String id) {
        OrganisationId organisationId;
        try {
            organisationId = new OrganisationId(id);
        } catch (ValidationException invalid) {
            throw new NotFoundException("organisation", id);
        }
        return organisations.find(organisationId).orElseThrow(() -> new NotFoundException("organisation", id));
    }
}
