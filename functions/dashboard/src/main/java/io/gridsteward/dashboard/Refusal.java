package io.gridsteward.dashboard;

import io.gridsteward.domain.core.FieldError;
import io.gridsteward.http.ProblemType;
import java.util.List;

/**
 * A request the dashboards will not answer: unusable query parameters (400, each named), no usable claims (401), a
 * caller who may not see dashboards or this one (403), or a scope outside the caller's sight (404).
 */
public final class Refusal extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    private Refusal(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        // A refused parameter is {field, message}: the dashboards' refusals show no figures a domain error may carry.
        this.errors = errors.stream()
                .map(error -> new FieldError(error.field(), error.message()))
                .toList();
    }

    public static Refusal invalidParameters(List<FieldError> errors) {
        return new Refusal(
                ProblemType.MALFORMED_REQUEST,
                "a query parameter is not what this endpoint reads: "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .map(error -> error.field() + ": " + error.message())
                                        .toList()),
                errors);
    }

    public static Refusal unauthenticated(String detail) {
        return new Refusal(ProblemType.UNAUTHENTICATED, detail, List.of());
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(ProblemType.FORBIDDEN, detail, List.of());
    }

    public static Refusal forbidden(String parameter, String detail) {
        return new Refusal(ProblemType.FORBIDDEN, detail, List.of(new FieldError(parameter, detail)));
    }

    public static Refusal notFound(String parameter, String detail) {
        return new Refusal(ProblemType.NOT_FOUND, detail, List.of(new FieldError(parameter, detail)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
