package io.gridsteward.domain.resource;

import static java.util.Objects.requireNonNull;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.OrganisationKind;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.organisation.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The communities a resident unit declared it reported in to (在职党员/单位到社区报到): whose demands its officers see and
 * claim. Kept here until the party context owns units' registrations; then this context reads that instead.
 */
public record UnitCommunities(
        OrganisationId unit, Set<OrganisationId> communities, Instant declaredAt, String declaredBy) {

    public static final int MAXIMUM_COMMUNITIES = 50;

    public UnitCommunities {
        requireNonNull(unit, "unit");
        communities = Set.copyOf(communities);
        requireNonNull(declaredAt, "declaredAt");
        requireNonNull(declaredBy, "declaredBy");
    }

    /**
     * An officer of the unit (or a county leader) declares its communities, replacing the previous declaration.
     *
     * @throws ValidationException naming {@code communityIds[i]} for anything that is not a community
     */
    public static UnitCommunities declare(Organisation unit, List<Organisation> communities, Caller by, Instant at) {
        if (unit.kind() != OrganisationKind.UNIT) {
            throw ValidationException.of(
                    "unitId", "%s is a %s, not a unit".formatted(unit.id().value(), unit.kind()));
        }
        boolean permitted =
                (by.role() == Role.UNIT_OFFICER && by.actsFor(unit.id())) || by.role() == Role.COUNTY_LEADER;
        if (!permitted) {
            throw new ForbiddenException("only the unit's officers or a county leader declare the communities of unit "
                    + unit.id().value());
        }
        if (communities.size() > MAXIMUM_COMMUNITIES) {
            throw ValidationException.of(
                    "communityIds", "must name at most %d communities".formatted(MAXIMUM_COMMUNITIES));
        }
        for (int index = 0; index < communities.size(); index++) {
            if (communities.get(index).kind() != OrganisationKind.COMMUNITY) {
                throw ValidationException.of("communityIds[" + index + "]", "is not a community");
            }
        }
        return new UnitCommunities(
                unit.id(), Set.copyOf(communities.stream().map(Organisation::id).toList()), at, by.userId());
    }
}
