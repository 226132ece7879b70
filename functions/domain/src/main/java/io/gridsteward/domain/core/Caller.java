package io.gridsteward.domain.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Who is calling, as the authenticated token says: a pseudonymous user id, a role and, for staff, the
 * organisation they act for.
 */
public record Caller(String userId, Role role, Optional<OrganisationId> organisationId) {

    public Caller {
        if (userId == null || userId.isBlank()) {
            throw ValidationException.of("userId", "is required");
        }
        requireNonNull(role, "role");
        requireNonNull(organisationId, "organisationId");
        if (role.isStaff() && organisationId.isEmpty()) {
            throw ValidationException.of("organisationId", "is required for the role " + role);
        }
    }

    public static Caller resident(String userId) {
        return new Caller(userId, Role.RESIDENT, Optional.empty());
    }

    public static Caller staff(String userId, Role role, OrganisationId organisationId) {
        return new Caller(userId, role, Optional.of(organisationId));
    }

    /** The platform acting on its own rules (auto-routing, the SLA sweeper); its events name the role SYSTEM. */
    public static Caller system() {
        return new Caller("system", Role.SYSTEM, Optional.empty());
    }

    public boolean actsFor(OrganisationId organisation) {
        return organisationId.filter(organisation::equals).isPresent();
    }
}
