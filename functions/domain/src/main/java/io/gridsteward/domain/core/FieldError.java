package io.gridsteward.domain.core;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One invalid field: {@code field} is a dotted path in the request's vocabulary ({@code location.latitude}),
 * or empty when a value reports on itself and its caller knows where it sits. {@code data} holds the figures a
 * client may act on (a distance and its limit), by name, in the order given; usually none.
 */
public record FieldError(String field, String message, Map<String, Long> data) {

    public FieldError {
        requireNonNull(field, "field");
        requireNonNull(message, "message");
        data = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(requireNonNull(data, "data")));
    }

    public FieldError(String field, String message) {
        this(field, message, Map.of());
    }

    /** This error seen from one level up: {@code "latitude"} under {@code "location"} is {@code "location.latitude"}. */
    public FieldError under(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        return new FieldError(field.isEmpty() ? parent : parent + "." + field, message, data);
    }
}
