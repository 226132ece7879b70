package io.gridsteward.domain.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Data files shipped beside a context's classes (policies that are data, not code). */
public final class DataFiles {

    private DataFiles() {}

    /** Reads {@code name} from the package of {@code anchor}, where each context keeps its own tables. */
    public static String read(Class<?> anchor, String name) {
        try (InputStream stream = anchor.getResourceAsStream(name)) {
            if (stream == null) {
                throw new IllegalStateException("missing data file " + name);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /**
     * Reads a versioned comma-separated table: a {@code # version:} comment, other comments and blank lines
     * ignored, every other line exactly {@code header}'s cells. {@code eachRow} decides what a row means; whatever
     * it refuses is reported with the row's line number, prefixed by {@code what}.
     *
     * @return the table's version
     */
    public static String readTable(String text, String what, String header, Consumer<List<String>> eachRow) {
        int columns = header.split(",").length;
        String version = null;
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.startsWith("# version:")) {
                version = trimmed.substring("# version:".length()).strip();
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : trimmed.split(",", -1)) {
                cells.add(cell.strip());
            }
            try {
                if (cells.size() != columns) {
                    throw new IllegalArgumentException("expected " + header);
                }
                eachRow.accept(List.copyOf(cells));
            } catch (IllegalArgumentException | DateTimeParseException | ValidationException exception) {
                throw new IllegalArgumentException(
                        "%s line %d: %s".formatted(what, lineNumber, exception.getMessage()), exception);
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("the %s file names no '# version:'".formatted(what));
        }
        return version;
    }
}
