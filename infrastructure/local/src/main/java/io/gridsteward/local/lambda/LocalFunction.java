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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One function running as deployed: its unpacked package in child JVMs of its own (instances), each driven by
 * {@link LambdaInvoker} through a {@link RuntimeApiServer} of its own, all taking invocations from one
 * {@link InvocationQueue}.
 *
 * <p>It scales out as Lambda does: one instance at start, another whenever an invocation waits with no instance free
 * or starting for it, up to the definition's concurrency limit. The waiting invocation goes to whichever instance is
 * free first, so a new instance's cold start delays nobody who could be served by a warm one. If an instance dies,
 * its in-flight invocation fails with {@code Runtime.ExitError} and the next invocation that finds no instance starts a
 * fresh JVM (a new cold start).
 */
public final class LocalFunction implements FunctionInvoker, AutoCloseable {
    private static final int CRASH_LINES = 15;
    private static final Pattern CRASH_START = Pattern.compile(".*(Exception|Error|SIGSEGV|FATAL|fatal).*");

    /** One JVM of the function; {@code number} 1 logs to {@code <name>.log}, the others to {@code <name>-<number>.log}. */
    private record Instance(int number, RuntimeApiServer runtimeApi, Process process, Path logFile) {
        boolean free() {
            return runtimeApi.initialised() && !runtimeApi.busy();
        }

        boolean starting() {
            return !runtimeApi.initialised();
        }
    }

    private final FunctionDefinition definition;
    private final Path taskDirectory;
    private final Path invokerDirectory;
    private final Path logDirectory;
    private final PrintStream console;
    private final InvocationQueue queue = new InvocationQueue();
    private final InvocationTimings timings = new InvocationTimings();
    private final List<Instance> instances = new ArrayList<>();
    private FunctionStatistics latestStatistics = new FunctionStatistics(System.nanoTime());
    private int peakInstances;
    private volatile boolean stopping;

    private LocalFunction(
            FunctionDefinition definition,
            Path taskDirectory,
            Path invokerDirectory,
            Path logDirectory,
            PrintStream console) {
        this.definition = definition;
        this.taskDirectory = taskDirectory;
        this.invokerDirectory = invokerDirectory;
        this.logDirectory = logDirectory;
        this.console = console;
    }

    /**
     * Unpacks the package into {@code dataDirectory/functions/<name>} and starts its first instance; output goes to
     * {@code dataDirectory/logs/<name>.log} (further instances: {@code <name>-2.log}...).
     */
    /**
     * Unpacks the function's package into the data directory unless it is there already, so that {@link #start} later
     * only starts the JVM.
     */
    public static void unpack(String name, Path artifact, Path dataDirectory) throws IOException {
        FunctionPackages.unpack(artifact, dataDirectory.resolve("functions").resolve(name));
    }

    public static LocalFunction start(FunctionDefinition definition, Path dataDirectory, PrintStream console)
            throws IOException {
        Path taskDirectory = FunctionPackages.unpack(
                definition.artifact(), dataDirectory.resolve("functions").resolve(definition.name()));
        Path invokerDirectory = FunctionPackages.installInvoker(dataDirectory.resolve("invoker"));
        Path logDirectory = dataDirectory.resolve("logs");
        Files.createDirectories(logDirectory);
        LocalFunction function = new LocalFunction(definition, taskDirectory, invokerDirectory, logDirectory, console);
        synchronized (function) {
            function.startInstance();
        }
        return function;
    }

    public String name() {
        return definition.name();
    }

    /** How many instances may run at once. */
    public int concurrencyLimit() {
        return definition.concurrencyLimit();
    }

    /** The figures of the oldest running instance (the one the stack's warm-up paid the cold start of). */
    public synchronized FunctionStatistics statistics() {
        return instances.isEmpty()
                ? latestStatistics
                : instances.getFirst().runtimeApi().statistics();
    }

    /** Where the Lambda side's time goes, over every instance. */
    public InvocationTimings timings() {
        return timings;
    }

    /** The instances running now. */
    public synchronized int instances() {
        return instances.size();
    }

    /** The instances past their init phase, able to take an invocation. */
    public synchronized int readyInstances() {
        return (int) instances.stream().filter(instance -> !instance.starting()).count();
    }

    /** The processor time the running instances' JVMs have used, for a benchmark's processor time per request. */
    public synchronized Duration processorTime() {
        return instances.stream()
                .map(instance -> instance.process().info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The most instances that ever ran at once. */
    public synchronized int peakInstances() {
        return peakInstances;
    }

    /** The oldest instance's JVM as it runs now (a new one after a crash), for tests that kill it mid-invocation. */
    public synchronized Optional<ProcessHandle> process() {
        return instances.stream().findFirst().map(instance -> instance.process().toHandle());
    }

    /** The first instance's log. */
    public Path logFile() {
        return logFile(1);
    }

    private Path logFile(int number) {
        return logDirectory.resolve(definition.name() + (number == 1 ? "" : "-" + number) + ".log");
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(byte[] event) {
        if (stopping) {
            return CompletableFuture.completedFuture(
                    InvocationResult.FunctionError.of("Runtime.Stopped", definition.name() + " is stopped"));
        }
        InvocationQueue.Pending pending = queue.add(event);
        scaleOut();
        return pending.result();
    }

    /** Starts an instance if an invocation waits with no instance free or starting for it, within the limit. */
    private synchronized void scaleOut() {
        if (stopping) {
            return;
        }
        long free = instances.stream().filter(Instance::free).count();
        long starting = instances.stream().filter(Instance::starting).count();
        boolean needed = instances.isEmpty()
                || (queue.waiting() > free + starting && instances.size() < definition.concurrencyLimit());
        if (!needed) {
            return;
        }
        try {
            startInstance();
        } catch (IOException failure) {
            queue.failAll(InvocationResult.FunctionError.of("Runtime.StartError", failure.getMessage()));
        }
    }

    /** Starts one more JVM under the lowest instance number not in use. */
    private void startInstance() throws IOException {
        int number = 1;
        while (hasInstance(number)) {
            number++;
        }
        Path logFile = logFile(number);
        FunctionStatistics statistics = new FunctionStatistics(System.nanoTime());
        RuntimeApiServer runtimeApi =
                RuntimeApiServer.start(definition.name(), definition.timeout(), queue, statistics, timings);
        long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
        Process process;
        try {
            process = startProcess(runtimeApi, logFile);
        } catch (IOException failure) {
            runtimeApi.close();
            throw failure;
        }
        Instance instance = new Instance(number, runtimeApi, process, logFile);
        instances.add(instance);
        peakInstances = Math.max(peakInstances, instances.size());
        if (instances.size() == 1) {
            latestStatistics = statistics;
        }
        process.onExit().thenAccept(exited -> exited(instance, exited.exitValue(), logOffset));
    }

    private boolean hasInstance(int number) {
        return instances.stream().anyMatch(instance -> instance.number() == number);
    }

    private void exited(Instance instance, int exitCode, long logOffset) {
        instance.runtimeApi().runtimeExited(exitCode);
        instance.runtimeApi().close();
        boolean othersServe;
        synchronized (this) {
            instances.remove(instance);
            othersServe =
                    instances.stream().anyMatch(other -> other.runtimeApi().initialised());
        }
        if (stopping) {
            return;
        }
        reportCrash(instance.logFile(), exitCode, logOffset);
        if (!instance.runtimeApi().initialised() && !othersServe) {
            // Lambda fails an invocation whose runtime dies during init, rather than retrying init forever.
            queue.failAll(InvocationResult.FunctionError.of(
                    "Runtime.ExitError", "RequestId: runtime exited during init: exit status " + exitCode));
        } else if (queue.waiting() > 0) {
            scaleOut();
        }
    }

    private Process startProcess(RuntimeApiServer runtimeApi, Path logFile) throws IOException {
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
        builder.environment().putAll(environment(runtimeApi));
        return builder.start();
    }

    private Map<String, String> environment(RuntimeApiServer runtimeApi) {
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
    private void reportCrash(Path logFile, int exitCode, long logOffset) {
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
        List<Instance> running;
        synchronized (this) {
            running = List.copyOf(instances);
        }
        queue.failAll(InvocationResult.FunctionError.of("Runtime.Stopped", definition.name() + " is stopped"));
        running.forEach(instance -> instance.runtimeApi().close());
        running.forEach(instance -> instance.process().destroy());
        for (Instance instance : running) {
            try {
                if (!instance.process().waitFor(5, TimeUnit.SECONDS)) {
                    instance.process().destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                instance.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
