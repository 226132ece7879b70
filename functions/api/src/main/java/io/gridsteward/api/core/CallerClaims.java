package io.gridsteward.api.core;

import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.core.ValidationException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;
import java.util.Optional;

/**
 * The caller as API Gateway's JWT authorizer left it in the payload 2.0 event: {@code sub},
 * {@code custom:role} and {@code custom:org_id} under {@code requestContext.authorizer.jwt.claims}. The token
 * itself was verified before the function ran, so the claims are trusted here.
 */
public final class CallerClaims {

    public static final String USER_ID = "sub";
    public static final String ROLE = "custom:role";
    public static final String ORGANISATION_ID = "custom:org_id";

    private CallerClaims() {
    }

    /** Whether the authorizer left any claims: routes that need none (the OpenAPI document) are answered without. */
    public static boolean hasClaims(APIGatewayV2HTTPEvent event) {
        return claims(event).isPresent();
    }

    public static Caller callerOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event)
                .orElseThrow(() -> ApiException.unauthenticated("the request carries no verified token claims"));
        String userId = claims.get(USER_ID);
        String roleName = claims.get(ROLE);
        if (userId == null || userId.isBlank() || roleName == null) {
            throw ApiException.unauthenticated("the token lacks the '%s' or '%s' claim".formatted(USER_ID, ROLE));
        }
        Role role = parseRole(roleName);
        Optional<OrganisationId> organisation = Optional.ofNullable(claims.get(ORGANISATION_ID))
                .filter(value -> !value.isBlank())
                .map(CallerClaims::organisationId);
        try {
            return new Caller(userId, role, organisation);
        }
        catch (ValidationException exception) {
            throw ApiException.unauthenticated("the token's claims do not describe a caller: " + exception.getMessage());
        }
    }

    private static Optional<Map<String, String>> claims(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims);
    }

    /** A role people hold; SYSTEM is the platform's own and never comes from a token. */
    private static Role parseRole(String name) {
        Role role;
        try {
            role = Role.valueOf(name);
        }
        catch (IllegalArgumentException exception) {
            throw ApiException.unauthenticated("the '%s' claim names no known role".formatted(ROLE));
        }
        if (!role.isIssuedToPeople()) {
            throw ApiException.unauthenticated("the '%s' claim names a role no token may carry".formatted(ROLE));
        }
        return role;
    }

    private static OrganisationId organisationId(String value) {
        try {
            return new OrganisationId(value);
        }
        catch (ValidationException exception) {
            throw ApiException.unauthenticated("the '%s' claim is not an organisation id".formatted(ORGANISATION_ID));
        }
    }
}
