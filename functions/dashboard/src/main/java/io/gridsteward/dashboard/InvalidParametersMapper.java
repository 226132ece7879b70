package io.gridsteward.dashboard;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Bad query parameters answer 400 problem+json with an {@code errors} entry per parameter. */
@Provider
public class InvalidParametersMapper implements ExceptionMapper<InvalidParameters> {

    @Override
    public Response toResponse(InvalidParameters exception) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type("application/problem+json")
                .entity(Map.of(
                        "type", "about:blank",
                        "title", "Invalid query parameters",
                        "status", 400,
                        "detail", exception.getMessage(),
                        "errors", exception.errors().stream()
                                .map(error -> Map.of("parameter", error.parameter(), "message", error.message()))
                                .toList()))
                .build();
    }
}
