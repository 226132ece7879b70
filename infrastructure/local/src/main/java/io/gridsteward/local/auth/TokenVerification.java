package io.gridsteward.local.auth;

import java.util.Map;

/** The outcome of checking a bearer token the way API Gateway's JWT authorizer does. */
public sealed interface TokenVerification {

    /** A good token; its claims as API Gateway passes them on (every value a string). */
    record Valid(Map<String, String> claims) implements TokenVerification {
        public Valid {
            claims = Map.copyOf(claims);
        }
    }

    /** A bad or absent token, with the reason API Gateway would put in {@code www-authenticate}. */
    record Invalid(String reason) implements TokenVerification {}
}
