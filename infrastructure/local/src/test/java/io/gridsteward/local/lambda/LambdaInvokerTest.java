package io.gridsteward.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.local.invoker.LambdaInvoker;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The invoker on its own: it serves while its parent lives and leaves when the parent is gone. */
class LambdaInvokerTest {

    @Test
    void theInvokerExitsWhenItsParentProcessDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        InvocationQueue queue = new InvocationQueue();
        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(
                "echo",
                Duration.ofSeconds(60),
                queue,
                new FunctionStatistics(System.nanoTime()),
                new InvocationTimings())) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            String classpath = Path.of(EchoHandler.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    + File.pathSeparator
                    + Path.of(LambdaInvoker.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, LambdaInvoker.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            builder.environment().put("_HANDLER", EchoHandler.class.getName() + "::handleRequest");
            builder.environment().put(LambdaInvoker.PARENT_PROCESS_ENVIRONMENT, Long.toString(parent.pid()));
            Process invoker = builder.start();
            try {
                InvocationResult served =
                        queue.add("1".getBytes(StandardCharsets.UTF_8)).result().get();
                assertThat(served).isInstanceOf(InvocationResult.Success.class);

                parent.destroy();
                parent.waitFor();

                assertThat(invoker.waitFor(60, TimeUnit.SECONDS))
                        .as("the invoker left after its parent died")
                        .isTrue();
            } finally {
                invoker.destroyForcibly();
            }
        } finally {
            parent.destroyForcibly();
        }
    }
}
