package io.gridsteward.api.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node of the county's structure; a grid's centre in WGS 84 degrees when it is known. */
@Schema(name = "Organisation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationView(
        String id,
        String kind,
        String name,
        String parentId,
        String townId,
        String communityId,
        Double latitude,
        Double longitude) {

    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(
                organisation.id().value(),
                organisation.kind().name(),
                organisation.name(),
                organisation.parentId().map(OrganisationId::value).orElse(null),
                organisation.townId().map(OrganisationId::value).orElse(null),
                organisation.communityId().map(OrganisationId::value).orElse(null),
                organisation.centre().map(Location::latitude).orElse(null),
                organisation.centre().map(Location::longitude).orElse(null));
    }
}
