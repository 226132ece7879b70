package io.gridsteward.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Data files shipped beside the domain's classes (policies that are data, not code). */
final class DataFiles {

    private DataFiles() {
    }

    static String read(String name) {
        try (InputStream stream = DataFiles.class.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("missing data file " + name);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
