package io.gridsteward.dashboard;

import io.gridsteward.domain.core.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document in the api function's shape: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} (the request's path) and {@code errors}, one {@code {field, message}} per offending
 * query parameter (empty when no parameter is at fault).
 */
public record Problem(
        String type, String title, int status, String detail, String instance, List<ParameterError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A query parameter at fault; the dashboard's refusals carry no figures beside the message. */
    public record ParameterError(String field, String message) {}

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                detail,
                instance,
                errors.stream()
                        .map(error -> new ParameterError(error.field(), error.message()))
                        .toList());
    }
}
