package io.gridsteward.domain.core;

import java.util.Map;
import java.util.Optional;

/**
 * The caller a verified token describes: {@code sub}, {@code custom:role} and {@code custom:org_id}, as API Gateway's
 * JWT authorizer leaves them. Every function that answers people reads its callers here, so that a role no token may
 * carry, an unknown or mistyped role, or a staff role without an organisation is refused the same way everywhere.
 */
public final class TokenClaims {

    public static final String USER_ID = "sub";
    public static final String ROLE = "custom:role";
    public static final String ORGANISATION_ID = "custom:org_id";

    /** Claims that describe nobody: the request is treated as unauthenticated (401). */
    public static final class InvalidClaimsException extends RuntimeException {

        public InvalidClaimsException(String message) {
            super(message);
        }
    }

    private TokenClaims() {}

    public static Caller caller(Map<String, String> claims) {
        String userId = claims.get(USER_ID);
        String roleName = claims.get(ROLE);
        if (userId == null || userId.isBlank() || roleName == null) {
            throw new InvalidClaimsException("the token lacks the '%s' or '%s' claim".formatted(USER_ID, ROLE));
        }
        Role role = role(roleName);
        Optional<OrganisationId> organisation = Optional.ofNullable(claims.get(ORGANISATION_ID))
                .filter(value -> !value.isBlank())
                .map(TokenClaims::organisationId);
        try {
            return new Caller(userId, role, organisation);
        } catch (ValidationException exception) {
            throw new InvalidClaimsException("the token's claims do not describe a caller: " + exception.getMessage());
        }
    }

    /** A role people hold, spelled exactly; SYSTEM is the platform's own and never comes from a token. */
    private static Role role(String name) {
        Role role;
        try {
            role = Role.valueOf(name);
        } catch (IllegalArgumentException exception) {
            throw new InvalidClaimsException("the '%s' claim names no known role".formatted(ROLE));
        }
        if (!role.isIssuedToPeople()) {
            throw new InvalidClaimsException("the '%s' claim names a role no token may carry".formatted(ROLE));
        }
        return role;
    }

    private static OrganisationId organisationId(String value) {
        try {
            return new OrganisationId(value);
        } catch (ValidationException exception) {
            throw new InvalidClaimsException("the '%s' claim is not an organisation id".formatted(ORGANISATION_ID));
        }
    }
}
