package io.gridsteward.dashboard;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Locale;
import java.util.Map;

/**
 * The framework's own refusals (no such route under {@code /v1/dashboards}, a method or media type a route does not
 * take) as problem+json in the API's shape, instead of the framework's default body.
 */
public class FrameworkProblemMapper {

    @ServerExceptionMapper
    public Response framework(WebApplicationException exception, UriInfo uri) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String kind = switch (status.getStatusCode()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status.getStatusCode() >= 500 ? "internal-error" : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        };
        return Response.status(status.getStatusCode())
                .type("application/problem+json")
                .entity(Map.of(
                        "type", "urn:grid-steward:problem:" + kind,
                        "title", status.getReasonPhrase(),
                        "status", status.getStatusCode(),
                        "detail", exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage(),
                        "instance", uri.getRequestUri().getRawPath()))
                .build();
    }
}
