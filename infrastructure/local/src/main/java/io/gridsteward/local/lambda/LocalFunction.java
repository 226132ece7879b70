package io.gridsteward.local.lambda;

import io.gridsteward.local.invoker.LambdaInvoker;
import io.gridsteward.local.s3.LocalS3Server;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One function running as deployed: its unpacked package in a child JVM of its own, driven by {@link LambdaInvoker}
 * through a {@link RuntimeApiServer}. If the child dies, in-flight invocations fail with {@code Runtime.ExitError}
 * and the next invocation starts a fresh JVM (a new cold start), as Lambda does.
 */
public final class LocalFunction implements FunctionInvoker, AutoCloseable {
    private static final int CRASH_LINES = 15;
    private static final Pattern CRASH_START = Pattern.compile(".*(Exception|Error|SIGSEGV|FATAL|fatal).*");

    private final FunctionDefinition definition;
    private final Path taskDirectory;
    private final Path invokerDirectory;
    private final Path logFile;
    private final PrintStream console;
    private final RuntimeApiServer runtimeApi;
    private Process process;
    private volatile boolean stopping;

    private LocalFunction(
            FunctionDefinition definition,
            Path taskDirectory,
            Path invokerDirectory,
            Path logFile,
            PrintStream console,
            RuntimeApiServer runtimeApi) {
        this.definition = definition;
        this.taskDirectory = taskDirectory;
        this.invokerDirectory = invokerDirectory;
        this.logFile = logFile;
        this.console = console;
        this.runtimeApi = runtimeApi;
    }

    /**
     * Unpacks the package into {@code dataDirectory/functions/<name>} and starts its JVM; output goes to
     * {@code dataDirectory/logs/<name>.log}.
     */
    public static LocalFunction start(FunctionDefinition definition, Path dataDirectory, PrintStream console)
            throws IOException {
        Path taskDirectory = FunctionPackages.unpack(
                definition.artifact(), dataDirectory.resolve("functions").resolve(definition.name()));
        Path invokerDirectory = FunctionPackages.installInvoker(dataDirectory.resolve("invoker"));
        Path logFile = dataDirectory.resolve("logs").resolve(definition.name() + ".log");
        Files.createDirectories(logFile.getParent());
        RuntimeApiServer runtimeApi = RuntimeApiServer.start(definition.name(), definition.timeout());
        LocalFunction function =
                new LocalFunction(definition, taskDirectory, invokerDirectory, logFile, console, runtimeApi);
        function.startProcess();
        return function;
    }

    public String name() {
        return definition.name();
    }

    public FunctionStatistics statistics() {
        return runtimeApi.statistics();
    }

    /** The function's JVM as it runs now (a new one after a crash), for tests that kill it mid-invocation. */
    public synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(byte[] event) {
        synchronized (this) {
            if (!stopping && (process == null || !process.isAlive())) {
                try {
                    startProcess();
                } catch (IOException failure) {
                    return CompletableFuture.completedFuture(
                            InvocationResult.FunctionError.of("Runtime.StartError", failure.getMessage()));
                }
            }
        }
        return runtimeApi.invoke(event);
    }

    private synchronized void startProcess() throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(
                java,
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                // Lambda's Java runtimes stop at C1 by default: faster cold starts, and gentler on a small machine.
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx" + (definition.memoryMegabytes() * 3 / 4) + "m",
                "-cp",
                String.join(
                        File.pathSeparator,
                        taskDirectory.toAbsolutePath().toString(),
                        taskDirectory.toAbsolutePath().resolve("lib") + File.separator + "*",
                        invokerDirectory.toAbsolutePath().toString()),
                LambdaInvoker.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment());
        long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
        runtimeApi.runtimeStarting(System.nanoTime());
        Process started = builder.start();
        process = started;
        started.onExit().thenAccept(exited -> {
            if (!stopping) {
                runtimeApi.runtimeExited(exited.exitValue());
                reportCrash(exited.exitValue(), logOffset);
            }
        });
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        for (String inherited : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            String value = System.getenv(inherited);
            if (value != null) {
                environment.put(inherited, value);
            }
        }
        environment.put("TZ", "UTC");
        environment.put("LAMBDA_TASK_ROOT", taskDirectory.toAbsolutePath().toString());
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        environment.put("_HANDLER", definition.handler());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", definition.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(definition.memoryMegabytes()));
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", LocalS3Server.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", LocalS3Server.SECRET_KEY);
        environment.put(
                LambdaInvoker.PARENT_PROCESS_ENVIRONMENT,
                Long.toString(ProcessHandle.current().pid()));
        environment.putAll(definition.environment());
        return environment;
    }

    /** Prints where the crash starts in this run's part of the log, so the console says why without a log dive. */
    private void reportCrash(int exitCode, long logOffset) {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile log = new RandomAccessFile(logFile.toFile(), "r")) {
            log.seek(logOffset);
            byte[] output = new byte[(int) Math.min(log.length() - logOffset, 4_000_000)];
            log.readFully(output);
            lines.addAll(new String(output, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException unreadable) {
            lines.add("(cannot read " + logFile + ": " + unreadable.getMessage() + ")");
        }
        int first = 0;
        while (first < lines.size() && !CRASH_START.matcher(lines.get(first)).matches()) {
            first++;
        }
        if (first == lines.size()) {
            first = Math.max(0, lines.size() - CRASH_LINES);
        }
        console.println("function " + definition.name() + " exited with status " + exitCode + " (full output in "
                + logFile + "):");
        lines.subList(first, Math.min(lines.size(), first + CRASH_LINES))
                .forEach(line -> console.println("  | " + line));
    }

    @Override
    public void close() {
        stopping = true;
        runtimeApi.close();
        Process running;
        synchronized (this) {
            running = process;
        }
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(5, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
