package io.gridsteward.domain.organisation;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.GridId;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Placement;
import io.gridsteward.domain.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of the county's structure (county → town → community → grid, plus departments and resident units).
 * Grids and communities carry their town (and a grid its community) so that a ticket's placement is known from
 * its grid alone. A grid may carry its centre, so that dashboards can draw a map of the county from the data itself.
 */
public record Organisation(
        OrganisationId id,
        OrganisationKind kind,
        String name,
        Optional<OrganisationId> parentId,
        Optional<OrganisationId> townId,
        Optional<OrganisationId> communityId,
        Optional<Location> centre) {

    public Organisation {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(parentId, "parentId");
        requireNonNull(townId, "townId");
        requireNonNull(communityId, "communityId");
        requireNonNull(centre, "centre");
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        switch (kind) {
            case COUNTY -> {
                if (parentId.isPresent()) {
                    errors.add(new FieldError("parentId", "a county has no parent"));
                }
            }
            case TOWN, DEPARTMENT, UNIT -> {
                if (parentId.isEmpty()) {
                    errors.add(new FieldError("parentId", "is required for a " + kind));
                }
            }
            case COMMUNITY -> {
                if (!parentId.equals(townId) || townId.isEmpty()) {
                    errors.add(new FieldError("townId", "a community's parent is its town"));
                }
            }
            case GRID -> {
                if (townId.isEmpty()) {
                    errors.add(new FieldError("townId", "is required for a grid"));
                }
                if (communityId.isEmpty() || !parentId.equals(communityId)) {
                    errors.add(new FieldError("communityId", "a grid's parent is its community"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static Organisation county(OrganisationId id, String name) {
        return new Organisation(
                id,
                OrganisationKind.COUNTY,
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static Organisation town(OrganisationId id, String name, OrganisationId county) {
        return new Organisation(
                id,
                OrganisationKind.TOWN,
                name,
                Optional.of(county),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static Organisation community(OrganisationId id, String name, OrganisationId town) {
        return new Organisation(
                id,
                OrganisationKind.COMMUNITY,
                name,
                Optional.of(town),
                Optional.of(town),
                Optional.empty(),
                Optional.empty());
    }

    public static Organisation grid(OrganisationId id, String name, OrganisationId community, OrganisationId town) {
        return new Organisation(
                id,
                OrganisationKind.GRID,
                name,
                Optional.of(community),
                Optional.of(town),
                Optional.of(community),
                Optional.empty());
    }

    public static Organisation department(OrganisationId id, String name, OrganisationId county) {
        return new Organisation(
                id,
                OrganisationKind.DEPARTMENT,
                name,
                Optional.of(county),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static Organisation unit(OrganisationId id, String name, OrganisationId county) {
        return new Organisation(
                id,
                OrganisationKind.UNIT,
                name,
                Optional.of(county),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The same organisation with its centre. */
    public Organisation withCentre(Location location) {
        return new Organisation(id, kind, name, parentId, townId, communityId, Optional.of(location));
    }

    /** The placement of a grid; only grids have one. */
    public Optional<Placement> placement() {
        if (kind != OrganisationKind.GRID) {
            return Optional.empty();
        }
        return Optional.of(new Placement(new GridId(id.value()), communityId.orElseThrow(), townId.orElseThrow()));
    }

    /** The town this organisation belongs to (itself for a town); departments and units belong to the county. */
    public Optional<OrganisationId> town() {
        return switch (kind) {
            case TOWN -> Optional.of(id);
            case COMMUNITY, GRID -> townId;
            case COUNTY, DEPARTMENT, UNIT -> Optional.empty();
        };
    }
}
