package io.gridsteward.domain.core;

import java.util.regex.Pattern;

/**
 * The one shape of every identifier: it becomes part of storage keys such as {@code TICKET#{id}}, so the
 * separator {@code #} and anything unprintable are kept out.
 */
public final class Identifiers {

    public static final int MAXIMUM_LENGTH = 128;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private Identifiers() {}

    public static String require(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (value.length() > MAXIMUM_LENGTH) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(MAXIMUM_LENGTH));
        }
        if (!SHAPE.matcher(value).matches()) {
            throw ValidationException.ofValue(
                    "must start with a letter or digit and contain only letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }
}
