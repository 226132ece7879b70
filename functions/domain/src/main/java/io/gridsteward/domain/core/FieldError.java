package io.gridsteward.domain.core;

import static java.util.Objects.requireNonNull;

/**
 * One invalid field: {@code field} is a dotted path in the request's vocabulary ({@code location.latitude}),
 * or empty when a value reports on itself and its caller knows where it sits.
 */
public record FieldError(String field, String message) {

    public FieldError {
        requireNonNull(field, "field");
        requireNonNull(message, "message");
    }

    /** This error seen from one level up: {@code "latitude"} under {@code "location"} is {@code "location.latitude"}. */
    public FieldError under(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        return new FieldError(field.isEmpty() ? parent : parent + "." + field, message);
    }
}
