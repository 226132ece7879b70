package io.gridsteward.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.http.Problem;
import io.gridsteward.http.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal and failure of the dashboards as an RFC 9457 {@code application/problem+json} answer. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper mapper;

    @Inject
    ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response refusal(Refusal refusal, UriInfo uri) {
        return respond(Problem.of(refusal.type(), refusal.getMessage(), instance(uri), refusal.errors()));
    }

    /** A query that cannot run (engine down, lake unreadable): 503, not a stack trace. */
    @ServerExceptionMapper
    public Response queryFailure(IllegalStateException exception, UriInfo uri) {
        LOG.error("dashboard query failed", exception);
        return respond(Problem.of(
                ProblemType.SERVICE_UNAVAILABLE,
                "the dashboard's query could not run: " + exception.getMessage(),
                instance(uri),
                List.of()));
    }

    /** The framework's own refusals (an unknown route, a wrong method) in the same shape. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException exception, UriInfo uri) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String type = Arrays.stream(ProblemType.values())
                .filter(known -> known.status() == status.getStatusCode())
                .map(ProblemType::uri)
                .findFirst()
                .orElse("about:blank");
        return respond(new Problem(
                type,
                status.getReasonPhrase(),
                status.getStatusCode(),
                exception.getMessage(),
                instance(uri),
                List.of(),
                null,
                null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException exception, UriInfo uri) {
        LOG.error("unexpected failure", exception);
        return respond(
                Problem.of(ProblemType.INTERNAL_ERROR, "the request could not be completed", instance(uri), List.of()));
    }

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(mapper.writeValueAsString(problem))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("a problem document always serialises", exception);
        }
    }

    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
