package io.gridsteward.analytics.lake;

import java.util.Objects;
import java.util.regex.Pattern;

/** One column of a lake table: a snake_case name, a type, and whether a row may leave it empty. */
public record LakeColumn(String name, LakeType type, boolean nullable) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    public LakeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("lake column name must be snake_case: " + name);
        }
    }

    public static LakeColumn required(String name, LakeType type) {
        return new LakeColumn(name, type, false);
    }

    public static LakeColumn optional(String name, LakeType type) {
        return new LakeColumn(name, type, true);
    }
}
