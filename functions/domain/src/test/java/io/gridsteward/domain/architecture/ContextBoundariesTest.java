package io.gridsteward.domain.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bounded contexts meet only through the shared core. In the domain, the store and the API each context has a package
 * of its own ({@code ticket}, {@code party}, ...); a class there may import its own context, {@code core}, and the
 * county tree ({@code organisation}, which every context needs for jurisdiction), in any of the three layers.
 * {@code organisation} imports only {@code core}; {@code core} imports only {@code core}.
 */
class ContextBoundariesTest {

    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.gridsteward\\.(domain|store|api)\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Set<String> OPEN_TO_ALL = Set.of("core", "organisation");

    @ParameterizedTest
    @ValueSource(strings = {"domain", "store", "api"})
    void everyContextImportsOnlyItselfAndTheSharedCore(String module) {
        Path sources = Path.of("..", module, "src", "main", "java", "io", "gridsteward", module)
                .normalize();
        assertThat(sources).isDirectory();

        List<String> violations = new ArrayList<>();
        List<Path> files = javaFiles(sources);
        for (Path file : files) {
            String context = sources.relativize(file).getName(0).toString();
            Matcher imports = IMPORT.matcher(read(file));
            while (imports.find()) {
                String imported = imports.group(2);
                if (!allowed(context, imported)) {
                    violations.add("%s (context %s) imports %s.%s"
                            .formatted(sources.relativize(file), context, imports.group(1), imported));
                }
            }
        }

        assertThat(files).as("sources of %s", module).isNotEmpty();
        assertThat(files)
                .as("every class of %s lies in a context's package", module)
                .allSatisfy(file ->
                        assertThat(sources.relativize(file).getNameCount()).isGreaterThan(1));
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "organisation", "ticket", "party"})
    void theRuleItselfRefusesWhatItShould(String context) {
        assertThat(allowed(context, "core")).isTrue();
        assertThat(allowed(context, context)).isTrue();
        assertThat(allowed(context, "organisation")).isEqualTo(!context.equals("core"));
        assertThat(allowed(context, "resource")).isFalse();
    }

    static boolean allowed(String context, String imported) {
        if (context.equals(imported) || imported.equals("core")) {
            return true;
        }
        return !context.equals("core") && OPEN_TO_ALL.contains(imported);
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(".java")).toList();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
