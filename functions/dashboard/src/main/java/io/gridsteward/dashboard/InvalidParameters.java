package io.gridsteward.dashboard;

import java.util.List;

/** Query parameters that cannot be used, each named with what is wrong with it; answered as 400 problem+json. */
public final class InvalidParameters extends RuntimeException {

    /** One bad query parameter: its name as the caller wrote it, and the reason. */
    public record ParameterError(String parameter, String message) {
    }

    private final List<ParameterError> errors;

    public InvalidParameters(List<ParameterError> errors) {
        super(String.join("; ", errors.stream().map(error -> error.parameter() + ": " + error.message()).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<ParameterError> errors() {
        return errors;
    }
}
