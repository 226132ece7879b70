package io.gridsteward.analytics.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the SQL files shipped on the classpath under {@code sql/} (source: {@code analytics/sql/}). */
public final class SqlFiles {

    /** The list of view files (under {@code sql/}), one file name a line. */
    public static final String VIEW_LIST = "views/views.txt";

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9_]+(/[a-z0-9_]+)*\\.sql");

    private SqlFiles() {}

    /** @param name e.g. {@code metrics/durations.sql} */
    public static String read(String name) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a SQL file name (lower_snake_case path ending in .sql): " + name);
        }
        String resource = "sql/" + name;
        try (InputStream input = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalArgumentException(
                        "no SQL file " + name + " (looked for classpath resource " + resource + ")");
            }
            return stripTrailingSemicolon(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read SQL file " + name, exception);
        }
    }

    /**
     * The view files, in creation order, as listed by {@code sql/views/views.txt} (a classpath directory cannot
     * be listed reliably inside a function's jar; a test holds the list equal to the directory).
     */
    public static List<String> views() {
        String resource = "sql/" + VIEW_LIST;
        try (InputStream input = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("no view list (looked for classpath resource " + resource + ")");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> "views/" + line)
                    .toList();
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read " + resource, exception);
        }
    }

    /** The name of the view a view file defines: its file name without {@code .sql}. */
    public static String viewName(String viewFile) {
        String fileName = viewFile.substring(viewFile.lastIndexOf('/') + 1);
        return fileName.substring(0, fileName.length() - ".sql".length());
    }

    /** Athena rejects a trailing semicolon in StartQueryExecution; files may end with one for editors' sake. */
    private static String stripTrailingSemicolon(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
