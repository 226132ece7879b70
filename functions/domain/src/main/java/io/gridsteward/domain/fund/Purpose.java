package io.gridsteward.domain.fund;

import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/** A purpose category of spending ({@code party-activity}, {@code hardware-purchase}); which a fund allows is data. */
public record Purpose(String code) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public Purpose {
        if (code == null || code.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (!SHAPE.matcher(code).matches()) {
            throw ValidationException.ofValue("must be a purpose category code: lower-case letters, digits and '-'");
        }
    }
}
