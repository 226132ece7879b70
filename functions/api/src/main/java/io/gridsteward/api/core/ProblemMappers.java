package io.gridsteward.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.domain.core.DomainException;
import io.gridsteward.domain.core.FieldError;
import io.gridsteward.domain.core.ForbiddenException;
import io.gridsteward.domain.core.IllegalTransitionException;
import io.gridsteward.domain.core.NotFoundException;
import io.gridsteward.domain.core.ValidationException;
import io.gridsteward.domain.core.VersionConflictException;
import io.gridsteward.http.Problem;
import io.gridsteward.http.ProblemType;
import io.gridsteward.store.core.IdempotencyClaim;
import io.gridsteward.store.core.IdempotencyKeyReusedException;
import io.gridsteward.store.core.InvalidCursorException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal as an RFC 9457 {@code application/problem+json} response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper mapper;
    private final Instance<CurrentState> currentStates;

    @Inject
    ProblemMappers(ObjectMapper mapper, Instance<CurrentState> currentStates) {
        this.mapper = mapper;
        this.currentStates = currentStates;
    }

    @ServerExceptionMapper
    public Response domain(DomainException exception, UriInfo uri) {
        String instance = instance(uri);
        Problem problem = switch (exception) {
            case ValidationException invalid ->
                Problem.of(ProblemType.VALIDATION_FAILED, invalid.getMessage(), instance, invalid.errors());
            case ForbiddenException forbidden ->
                Problem.of(ProblemType.FORBIDDEN, forbidden.getMessage(), instance, List.of());
            case NotFoundException notFound ->
                Problem.of(ProblemType.NOT_FOUND, notFound.getMessage(), instance, List.of());
            case IllegalTransitionException illegal ->
                withCurrentState(
                        Problem.of(ProblemType.ILLEGAL_TRANSITION, illegal.getMessage(), instance, List.of()),
                        illegal.kind(),
                        illegal.id());
            case VersionConflictException conflict ->
                withCurrentState(
                        Problem.of(ProblemType.VERSION_CONFLICT, conflict.getMessage(), instance, List.of()),
                        conflict.kind(),
                        conflict.id());
        };
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response api(ApiException exception, UriInfo uri) {
        return respond(Problem.of(exception.type(), exception.getMessage(), instance(uri), exception.errors()));
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException exception, UriInfo uri) {
        return respond(Problem.of(
                ProblemType.IDEMPOTENCY_KEY_REUSED,
                exception.getMessage(),
                instance(uri),
                List.of(new FieldError(
                        IdempotencyClaim.HEADER,
                        "was already used for another request: a different body, ticket or step"))));
    }

    @ServerExceptionMapper
    public Response invalidCursor(InvalidCursorException exception, UriInfo uri) {
        return respond(Problem.of(
                ProblemType.MALFORMED_REQUEST,
                "the cursor " + exception.getMessage(),
                instance(uri),
                List.of(new FieldError("cursor", exception.getMessage()))));
    }

    /** The framework's own refusals (unknown route, wrong method or media type) in the same shape. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException exception, UriInfo uri) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        Problem problem = new Problem(
                "about:blank",
                status.getReasonPhrase(),
                status.getStatusCode(),
                exception.getMessage(),
                instance(uri),
                List.of(),
                null,
                null);
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException exception, UriInfo uri) {
        LOG.error("unexpected failure", exception);
        return respond(
                Problem.of(ProblemType.INTERNAL_ERROR, "the request could not be completed", instance(uri), List.of()));
    }

    /**
     * Tells the loser of a race where the thing stands now; the caller was already allowed to read it. Every kind names
     * one context's thing ({@code CurrentStatesTest}).
     */
    private Problem withCurrentState(Problem problem, String kind, String id) {
        return currentStates.stream()
                .filter(states -> states.kind().equals(kind))
                .findFirst()
                .flatMap(states -> states.find(id))
                .map(now -> problem.withCurrentState(now.state(), now.version()))
                .orElse(problem);
    }

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(mapper.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException exception) {
            throw new IllegalStateException("a problem document always serialises", exception);
        }
    }

    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
