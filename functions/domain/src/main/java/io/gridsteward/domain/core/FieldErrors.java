package io.gridsteward.domain.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the errors of several fields so that one response names all of them, rather than the first.
 * Not thread-safe; one instance per request.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Builds a value, recording its errors under {@code field}; returns null when it is invalid. */
    public <T> T value(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException exception) {
            exception.errors().forEach(error -> errors.add(error.under(field)));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
