package io.gridsteward.demo.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./steward run}'s start-up, as a user waits for it: the demo jar started twice in a child JVM on free ports
 * and one fresh data directory, first on nothing (the demo data seeded), then on what the first run left, each stopped
 * as Ctrl-C does once it printed its summary. Prints each run's start-up timeline (from the child's JVM start), the
 * machine's load average beside it, and "up and serving" against its goal (15 s fresh, 5 s again).
 *
 * <p>{@code java -cp infrastructure/demo-data/target/grid-steward-demo.jar io.gridsteward.demo.benchmark.StartUpBenchmark [projectDirectory] [JVM options of the stack, e.g. -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/tmp/stack.jsa] [dataDirectory]}
 *
 * <p>Given a data directory a stack already ran on, only the second start is measured, on that directory (which it
 * leaves as a stack's stop does).
 */
public final class StartUpBenchmark {
    private static final Pattern UP =
            Pattern.compile("up and serving after ([0-9.]+) s: ([0-9.]+)× the goal of ([0-9.]+) s");

    private StartUpBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Path project = Path.of(arguments.length > 0 ? arguments[0] : ".")
                .toAbsolutePath()
                .normalize();
        List<String> javaOptions = arguments.length > 1 ? List.of(arguments[1].split(" ")) : List.of();
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dataDirectory =
                arguments.length > 2 ? Path.of(arguments[2]) : Files.createTempDirectory("grid-steward-start-up");
        List<String> runs = arguments.length > 2
                ? List.of("second start on its data")
                : List.of("fresh data directory", "second start on its data");
        List<String> ups = new ArrayList<>();
        for (String run : runs) {
            console.println("== " + run + " (load average before: " + BenchmarkFigures.loadAverage() + ")");
            Run result = start(project, dataDirectory, javaOptions);
            result.timeline().forEach(line -> console.println("  " + line));
            console.println("  load average after: " + BenchmarkFigures.loadAverage());
            ups.add(run + ": " + result.up().orElse("did not come up"));
        }
        console.println("== summary");
        ups.forEach(line -> console.println("  " + line));
    }

    private record Run(List<String> timeline, Optional<String> up) {}

    /** Starts the stack, reads its output until the summary's last line, then stops it as Ctrl-C does. */
    private static Run start(Path project, Path dataDirectory, List<String> javaOptions)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(javaOptions.stream().filter(option -> !option.isBlank()).toList());
        command.addAll(List.of(
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                project.resolve("infrastructure/demo-data/target/grid-steward-demo.jar")
                        .toString(),
                "--port",
                "0",
                "--s3-port",
                "0",
                "--dynamodb-port",
                "0",
                "--data-directory",
                dataDirectory.toString(),
                "--functions-directory",
                project.toString()));
        Process stack = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> timeline = new ArrayList<>();
        Optional<String> up = Optional.empty();
        boolean inTimeline = false;
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("start-up timeline")) {
                    inTimeline = true;
                }
                if (inTimeline) {
                    timeline.add(line);
                }
                Matcher matcher = UP.matcher(line);
                if (matcher.find()) {
                    up = Optional.of(String.format(
                            Locale.ROOT,
                            "up and serving after %s s, %s× the goal of %s s",
                            matcher.group(1),
                            matcher.group(2),
                            matcher.group(3)));
                    inTimeline = false;
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
                if (line.contains("did not start") || line.contains("could not be seeded")) {
                    timeline.add(line);
                }
            }
            stack.destroy();
            if (!stack.waitFor(60, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
        return new Run(timeline, up);
    }
}
