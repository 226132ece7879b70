package io.gridsteward.dynamodb.emulator.benchmark;

import io.gridsteward.dynamodb.emulator.DynamoDbEmulator;
import io.gridsteward.dynamodb.emulator.durability.MutationLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * How long the emulator takes to start on a data directory: the first start in this JVM (what a restarted stack pays,
 * with the JIT cold) and the best of the next starts, each on a fresh copy of the directory so that no start reads
 * what another one wrote. Argument 1: a data directory holding {@code snapshot.json} (and maybe
 * {@code mutations.log}); argument 2 (optional): how many starts, default 4.
 */
public final class SnapshotLoadBenchmark {
    private SnapshotLoadBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Path source = Path.of(arguments[0]);
        int starts = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 4;
        long snapshotBytes = size(source.resolve(MutationLog.SNAPSHOT_FILE));
        long logBytes = size(source.resolve(MutationLog.LOG_FILE));
        System.out.printf(
                "data directory %s: snapshot %.1f MB, log %.1f MB; load average %.2f%n",
                source, snapshotBytes / 1e6, logBytes / 1e6, loadAverage());
        long first = 0;
        long best = Long.MAX_VALUE;
        for (int start = 1; start <= starts; start++) {
            Path copy = copy(source);
            try {
                long startedAt = System.nanoTime();
                DynamoDbEmulator emulator = DynamoDbEmulator.builder()
                        .dataDirectory(copy)
                        .sweepInterval(Duration.ZERO)
                        .compactOnClose(false)
                        .start();
                long elapsed = System.nanoTime() - startedAt;
                emulator.close();
                System.out.printf(
                        "start %d: %,.0f ms (%.1f MB/s of snapshot)%n",
                        start, elapsed / 1e6, snapshotBytes / 1e6 / (elapsed / 1e9));
                if (start == 1) {
                    first = elapsed;
                } else {
                    best = Math.min(best, elapsed);
                }
            } finally {
                delete(copy);
            }
        }
        System.out.printf(
                "first start in a fresh JVM %,.0f ms; best later start %,.0f ms; load average %.2f%n",
                first / 1e6, best == Long.MAX_VALUE ? Double.NaN : best / 1e6, loadAverage());
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Path copy(Path source) throws IOException {
        Path copy = Files.createTempDirectory("snapshot-load-benchmark");
        for (String name : new String[] {MutationLog.SNAPSHOT_FILE, MutationLog.LOG_FILE}) {
            if (Files.exists(source.resolve(name))) {
                Files.copy(source.resolve(name), copy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
