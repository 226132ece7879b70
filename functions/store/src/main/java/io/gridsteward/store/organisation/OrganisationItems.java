package io.gridsteward.store.organisation;

import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.core.Attributes;
import io.gridsteward.store.core.Keys;
import io.gridsteward.store.core.TableIndex;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Organisation items as docs/contracts.md lists them. */
final class OrganisationItems {

    static final String ENTITY = "Organisation";

    private OrganisationItems() {}

    /** With its place under its parent in the WORK index ({@code CHILDREN#{parentId}}, by kind then id). */
    static Map<String, AttributeValue> item(Organisation organisation) {
        Attributes.Builder builder = Attributes.builder(ENTITY, Keys.organisation(organisation.id()));
        organisation
                .parentId()
                .ifPresent(parent -> builder.string(TableIndex.WORK.partitionAttribute(), Keys.childrenOf(parent))
                        .string(
                                TableIndex.WORK.sortAttribute(),
                                organisation.kind().name() + "#"
                                        + organisation.id().value()));
        organisation
                .centre()
                .ifPresent(centre ->
                        builder.number("latitude", centre.latitude()).number("longitude", centre.longitude()));
        return builder.string("orgId", organisation.id().value())
                .string("kind", organisation.kind().name())
                .string("name", organisation.name())
                .optionalString("parentId", organisation.parentId().map(OrganisationId::value))
                .optionalString("townId", organisation.townId().map(OrganisationId::value))
                .optionalString("communityId", organisation.communityId().map(OrganisationId::value))
                .build();
    }

    static Organisation organisation(Map<String, AttributeValue> item) {
        Attributes attributes = Attributes.of(item);
        return new Organisation(
                new OrganisationId(attributes.string("orgId")),
                OrganisationKind.valueOf(attributes.string("kind")),
                attributes.string("name"),
                attributes.optionalString("parentId").map(OrganisationId::new),
                attributes.optionalString("townId").map(OrganisationId::new),
                attributes.optionalString("communityId").map(OrganisationId::new),
                item.containsKey("latitude")
                        ? Optional.of(
                                new Location(attributes.doubleNumber("latitude"), attributes.doubleNumber("longitude")))
                        : Optional.empty());
    }
}
