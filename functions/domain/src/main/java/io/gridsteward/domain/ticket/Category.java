package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/** What kind of problem a ticket is about; categories are data (a code such as {@code streetlight}), not code. */
public record Category(String code) {

    private static final int MAXIMUM_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public Category {
        if (code == null || code.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (code.length() > MAXIMUM_LENGTH) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(MAXIMUM_LENGTH));
        }
        if (!SHAPE.matcher(code).matches()) {
            throw ValidationException.ofValue(
                    "must be a lower-case code of letters, digits, '_' or '-', such as 'streetlight'");
        }
    }
}
