package io.gridsteward.demo.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;

/** What every benchmark here prints beside its figures: the machine's load, and medians. */
final class BenchmarkFigures {

    private BenchmarkFigures() {}

    /** The 1, 5 and 15 minute load averages, as the kernel states them: a figure measured at a load of 20 is an upper bound. */
    static String loadAverage() {
        try {
            return String.join(
                    " ",
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    /** The lower median (a value measured, never an average of two); NaN for none. */
    static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(sorted.length - 1) / 2];
    }
}
