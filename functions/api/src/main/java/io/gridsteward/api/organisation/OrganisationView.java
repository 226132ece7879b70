package io.gridsteward.api.organisation;

import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node of the county's structure. */
@Schema(name = "Organisation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationView(String id, String kind, String name, String parentId, String townId, String communityId) {

    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id().value(), organisation.kind().name(), organisation.name(),
                organisation.parentId().map(OrganisationId::value).orElse(null),
                organisation.townId().map(OrganisationId::value).orElse(null),
                organisation.communityId().map(OrganisationId::value).orElse(null));
    }
}
