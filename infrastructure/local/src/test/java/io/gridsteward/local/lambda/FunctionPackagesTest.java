package io.gridsteward.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.local.invoker.LambdaInvoker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionPackagesTest {
    @TempDir
    Path directory;

    private Path zip(Map<String, String> entries, Instant modified) throws IOException {
        Path zip = directory.resolve("function.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream output = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                output.putNextEntry(new ZipEntry(entry.getKey()));
                output.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                output.closeEntry();
            }
        }
        Files.setLastModifiedTime(zip, FileTime.from(modified));
        return zip;
    }

    @Test
    void unpacksLikeLambdaAndUnpacksAgainOnlyWhenTheZipChanged() throws Exception {
        Path task = directory.resolve("task");
        FunctionPackages.unpack(
                zip(Map.of("Handler.class", "one", "lib/core.jar", "jar"), Instant.parse("2026-11-25T08:00:00Z")),
                task);
        Files.writeString(task.resolve("marker"), "left alone while the zip is unchanged");
        FunctionPackages.unpack(directory.resolve("function.zip"), task);
        assertThat(task.resolve("marker")).exists();

        FunctionPackages.unpack(zip(Map.of("Handler.class", "two!"), Instant.parse("2026-11-25T09:00:00Z")), task);

        assertThat(task.resolve("Handler.class")).hasContent("two!");
        assertThat(task.resolve("marker")).doesNotExist();
        assertThat(task.resolve("lib/core.jar")).doesNotExist();
    }

    @Test
    void anEntryEscapingTheDirectoryIsRefused() throws Exception {
        Path zip = zip(Map.of("../escaped.class", "x"), Instant.parse("2026-11-25T08:00:00Z"));

        assertThatThrownBy(() -> FunctionPackages.unpack(zip, directory.resolve("task")))
                .hasMessageContaining("escapes");
        assertThat(directory.resolve("escaped.class")).doesNotExist();
    }

    @Test
    void aMissingPackageSaysHowToBuildIt() {
        assertThatThrownBy(() -> FunctionPackages.unpack(directory.resolve("absent.zip"), directory.resolve("task")))
                .hasMessageContaining("does not exist; build it with ./mvnw -B package -DskipTests");
    }

    @Test
    void functionsLaunchedSideBySideAllGetTheInvoker() throws Exception {
        Path invoker = directory.resolve("invoker");
        for (int round = 0; round < 20; round++) {
            try (ExecutorService launches = Executors.newFixedThreadPool(6)) {
                List<Future<Path>> installs = new ArrayList<>();
                for (int function = 0; function < 6; function++) {
                    installs.add(launches.submit(() -> FunctionPackages.installInvoker(invoker)));
                }
                for (Future<Path> install : installs) {
                    assertThat(install.get()).isEqualTo(invoker);
                }
            }
        }
        assertThat(invoker.resolve(LambdaInvoker.class.getName().replace('.', '/') + ".class"))
                .isNotEmptyFile();
    }
}
