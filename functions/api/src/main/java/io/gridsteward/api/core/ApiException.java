package io.gridsteward.api.core;

import io.gridsteward.domain.core.FieldError;
import io.gridsteward.http.ProblemType;
import java.util.List;

/**
 * A refusal decided by the HTTP layer itself rather than by the domain: a body that is not the JSON the
 * endpoint reads, an unusable query parameter or header (400), a body not declared as JSON (415), or a request
 * without an authenticated caller (401).
 */
public final class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    private ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ApiException malformed(List<FieldError> errors) {
        return new ApiException(
                ProblemType.MALFORMED_REQUEST, "the request body is not what this endpoint reads", errors);
    }

    public static ApiException malformed(String field, String message) {
        return malformed(List.of(new FieldError(field, message)));
    }

    public static ApiException malformedHeader(List<FieldError> errors) {
        return new ApiException(
                ProblemType.MALFORMED_REQUEST, "a request header is not what this endpoint reads", errors);
    }

    public static ApiException malformedParameters(List<FieldError> errors) {
        return new ApiException(
                ProblemType.MALFORMED_REQUEST, "a query parameter is not what this endpoint reads", errors);
    }

    public static ApiException unsupportedMediaType(FieldError error) {
        return new ApiException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "the request body is not declared as JSON", List.of(error));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail, List.of());
    }

    public static ApiException unauthenticated(String detail) {
        return new ApiException(ProblemType.UNAUTHENTICATED, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
