package io.gridsteward.api.core;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.TokenClaims;
import java.util.Map;
import java.util.Optional;

/**
 * The caller as API Gateway's JWT authorizer left it in the payload 2.0 event: {@code sub},
 * {@code custom:role} and {@code custom:org_id} under {@code requestContext.authorizer.jwt.claims}. The token
 * itself was verified before the function ran, so the claims are trusted here; {@link TokenClaims} reads them.
 */
public final class CallerClaims {

    public static final String USER_ID = TokenClaims.USER_ID;
    public static final String ROLE = TokenClaims.ROLE;
    public static final String ORGANISATION_ID = TokenClaims.ORGANISATION_ID;

    private CallerClaims() {}

    /** Whether the authorizer left any claims: routes that need none (the OpenAPI document) are answered without. */
    public static boolean hasClaims(APIGatewayV2HTTPEvent event) {
        return claims(event).isPresent();
    }

    public static Caller callerOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event)
                .orElseThrow(() -> ApiException.unauthenticated("the request carries no verified token claims"));
        try {
            return TokenClaims.caller(claims);
        } catch (TokenClaims.InvalidClaimsException invalid) {
            throw ApiException.unauthenticated(invalid.getMessage());
        }
    }

    private static Optional<Map<String, String>> claims(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event)
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims);
    }
}
