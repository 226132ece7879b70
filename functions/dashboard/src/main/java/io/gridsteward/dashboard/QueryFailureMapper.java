package io.gridsteward.dashboard;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.jboss.logging.Logger;

/** A query that cannot run (engine down, lake unreadable) answers 503 problem+json, not a stack trace. */
@Provider
public class QueryFailureMapper implements ExceptionMapper<IllegalStateException> {

    private static final Logger LOG = Logger.getLogger(QueryFailureMapper.class);

    @Override
    public Response toResponse(IllegalStateException exception) {
        LOG.error("dashboard query failed", exception);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type("application/problem+json")
                .entity(Map.of(
                        "type", "about:blank",
                        "title", "The dashboard's query could not run",
                        "status", 503,
                        "detail", String.valueOf(exception.getMessage())))
                .build();
    }
}
