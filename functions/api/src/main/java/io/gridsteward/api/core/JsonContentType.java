package io.gridsteward.api.core;

import io.gridsteward.domain.core.FieldError;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body whose declared type is not JSON before any route reads it: the framework would read a body
 * declared {@code *}{@code /*} as JSON, and its own 415 does not name the header.
 */
public class JsonContentType {

    private static final Set<String> METHODS_WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ServerRequestFilter(preMatching = true)
    public void requireJsonBody(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (declared == null || !METHODS_WITH_BODY.contains(request.getMethod()) || isJson(declared)) {
            return;
        }
        throw ApiException.unsupportedMediaType(new FieldError(
                HttpHeaders.CONTENT_TYPE, "must be application/json or application/*+json, not " + declared));
    }

    private static boolean isJson(String declared) {
        MediaType type;
        try {
            type = MediaType.valueOf(declared);
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }
}
