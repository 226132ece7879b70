package io.gridsteward.local;

import io.gridsteward.local.http.DemoUser;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the local stack, seeds it (as soon as its front serves), prints its start-up timeline and where everything is, and stops it all on Ctrl-C. {@code ./steward run}
 * runs it through the demo-data module, which seeds the demo county; this class's own main starts an empty stack.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] arguments) throws InterruptedException {
        run(arguments, List.of(), StackSeeding.NONE);
    }

    /** Exits the JVM with status 2 on bad arguments and 1 when the stack does not start or cannot be seeded. */
    public static void run(String[] arguments, List<DemoUser> demoUsers, StackSeeding seeding)
            throws InterruptedException {
        StartUpTimeline timeline = StartUpTimeline.sinceJvmStart();
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(List.of(arguments));
        } catch (IllegalArgumentException badArguments) {
            if (!badArguments.getMessage().isEmpty()) {
                System.err.println(badArguments.getMessage());
            }
            System.err.print(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        console.println("starting the Grid Steward local stack in "
                + options.dataDirectory().toAbsolutePath().normalize() + " ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(options, demoUsers, seeding, timeline, console);
        } catch (PortInUseException taken) {
            System.err.println(taken.getMessage());
            System.exit(1);
            return;
        } catch (Exception failure) {
            System.err.println("the local stack did not start: " + failure.getMessage());
            if (failure.getCause() != null) {
                System.err.println("  caused by: " + failure.getCause());
            }
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            console.println("stopping the local stack ...");
                            stack.close();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        console.print(stack.timelineReport());
        console.print(stack.summary());
        console.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
