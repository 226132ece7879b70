package io.gridsteward.local.lambda;

import io.gridsteward.local.invoker.LambdaInvoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks deployment packages the way Lambda lays them out in /var/task, and provides the invoker's class. */
public final class FunctionPackages {
    private static final String STAMP_FILE = ".unpacked-from";
    private static final Map<Path, Object> UNPACKING = new ConcurrentHashMap<>();

    private FunctionPackages() {}

    /**
     * Unpacks {@code zip} into {@code directory} unless it already holds this very zip (same size and modification
     * time), so a rebuilt function is picked up and an unchanged one starts without the copy.
     */
    public static Path unpack(Path zip, Path directory) throws IOException {
        // Two functions of one zip (the jobs) start side by side into one directory: one unpacks, the other finds it
        // done.
        synchronized (UNPACKING.computeIfAbsent(directory.toAbsolutePath().normalize(), unused -> new Object())) {
            return unpackAlone(zip, directory);
        }
    }

    private static Path unpackAlone(Path zip, Path directory) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(
                    "function package " + zip + " does not exist; build it with ./mvnw -B package -DskipTests");
        }
        String stamp = zip.toAbsolutePath() + " " + Files.size(zip) + " "
                + Files.getLastModifiedTime(zip).toMillis();
        Path stampFile = directory.resolve(STAMP_FILE);
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
            return directory;
        }
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Path root = directory.toAbsolutePath().normalize();
        try (ZipInputStream input = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry " + entry.getName() + " escapes " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(stampFile, stamp);
        return directory;
    }

    /**
     * Copies the invoker's single class file under {@code directory}, which then goes on a child's classpath. One copy
     * at a time: functions launched side by side copied it together, and a copy that replaces a file can find the
     * other's new file in its place (FileAlreadyExistsException, a function that did not start).
     */
    public static synchronized Path installInvoker(Path directory) throws IOException {
        String resource = LambdaInvoker.class.getName().replace('.', '/') + ".class";
        Path target = directory.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream input = LambdaInvoker.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("cannot find " + resource + " on the local stack's classpath");
            }
            Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return directory;
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
        }
    }
}
