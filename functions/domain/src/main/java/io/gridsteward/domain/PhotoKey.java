package io.gridsteward.domain;

import java.util.regex.Pattern;

/** The object key of an uploaded photo in the attachments bucket; the ticket stores keys, never images. */
public record PhotoKey(String value) {

    public static final int MAXIMUM_LENGTH = 256;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]*");

    public PhotoKey {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (value.length() > MAXIMUM_LENGTH || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw ValidationException.ofValue("must be an object key of at most %d letters, digits, '/', '.', '_' or '-'".formatted(MAXIMUM_LENGTH));
        }
    }
}
