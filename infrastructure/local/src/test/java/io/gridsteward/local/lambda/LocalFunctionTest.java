package io.gridsteward.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a tiny stream handler in its own JVM through the local Runtime API and the invoker, as a packaged zip. */
class LocalFunctionTest {
    @TempDir
    Path dataDirectory;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<LocalFunction> started = new ArrayList<>();

    @BeforeEach
    void packageTheHandler() throws IOException {
        try (OutputStream file = Files.newOutputStream(dataDirectory.resolve("echo.zip"));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Class<?> type : List.of(EchoHandler.class, TestContext.class)) {
                String resource = type.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry(resource));
                try (InputStream input = type.getClassLoader().getResourceAsStream(resource)) {
                    input.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    @AfterEach
    void stop() {
        started.forEach(LocalFunction::close);
    }

    private LocalFunction start(String handler) throws IOException {
        return start(handler, 1);
    }

    private LocalFunction start(String handler, int concurrencyLimit) throws IOException {
        FunctionDefinition definition = new FunctionDefinition(
                "echo",
                dataDirectory.resolve("echo.zip"),
                handler,
                Duration.ofSeconds(60),
                256,
                Map.of("TABLE_NAME", "grid-steward"),
                concurrencyLimit);
        LocalFunction function =
                LocalFunction.start(definition, dataDirectory, new PrintStream(console, true, StandardCharsets.UTF_8));
        started.add(function);
        return function;
    }

    private static String text(InvocationResult result) {
        return switch (result) {
            case InvocationResult.Success success -> "success " + new String(success.payload(), StandardCharsets.UTF_8);
            case InvocationResult.FunctionError error -> "error " + error.errorType() + " " + error.payloadText();
            case InvocationResult.Timeout timeout -> "timeout after " + timeout.after();
        };
    }

    @Test
    void answersThroughTheRuntimeApiWithContextAndEnvironment() throws Exception {
        LocalFunction function = start(EchoHandler.class.getName() + "::handleRequest");

        String first = text(
                function.invoke("{\"n\":1}".getBytes(StandardCharsets.UTF_8)).get());
        String second = text(
                function.invoke("{\"n\":2}".getBytes(StandardCharsets.UTF_8)).get());

        assertThat(first)
                .startsWith("success {\"echo\":{\"n\":1},\"requestId\":\"")
                .contains("\"function\":\"echo\"", "\"remainingPositive\":true", "\"table\":\"grid-steward\"");
        assertThat(second).startsWith("success {\"echo\":{\"n\":2}");
        assertThat(function.statistics().coldStart()).isPresent();
        assertThat(function.statistics().warmInvocations()).isEqualTo(1);
        assertThat(dataDirectory.resolve("functions/echo/io/gridsteward/local/lambda/EchoHandler.class"))
                .exists();
    }

    @Test
    void reportsAHandlerExceptionAsAFunctionErrorAndKeepsServing() throws Exception {
        LocalFunction function = start(EchoHandler.class.getName() + "::handleRequest");

        String failed =
                text(function.invoke("fail".getBytes(StandardCharsets.UTF_8)).get());
        String after =
                text(function.invoke("7".getBytes(StandardCharsets.UTF_8)).get());

        assertThat(failed)
                .startsWith("error Runtime.UnhandledException ")
                .contains("\"errorType\":\"java.lang.IllegalStateException\"", "\"errorMessage\":\"asked to fail\"");
        assertThat(after).startsWith("success {\"echo\":7");
    }

    @Test
    void aDeadRuntimeFailsItsInvocationAndTheNextOneStartsAFreshJvm() throws Exception {
        LocalFunction function = start(EchoHandler.class.getName() + "::handleRequest");

        String crashed =
                text(function.invoke("exit".getBytes(StandardCharsets.UTF_8)).get());
        String restarted =
                text(function.invoke("8".getBytes(StandardCharsets.UTF_8)).get());

        assertThat(crashed).startsWith("error Runtime.ExitError").contains("exit status 3");
        assertThat(restarted).startsWith("success {\"echo\":8");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("function echo exited with status 3");
    }

    @Test
    void aMissingHandlerClassIsAnInitError() throws Exception {
        LocalFunction function = start("io.gridsteward.local.lambda.NoSuchHandler::handleRequest");

        String result =
                text(function.invoke("1".getBytes(StandardCharsets.UTF_8)).get());

        assertThat(result).startsWith("error ").contains("ClassNotFoundException", "NoSuchHandler");
    }

    @Test
    void concurrentInvocationsScaleOutToTheLimitAndNoneFails() throws Exception {
        LocalFunction function = start(EchoHandler.class.getName() + "::handleRequest", 3);
        assertThat(text(function.invoke("0".getBytes(StandardCharsets.UTF_8)).get()))
                .startsWith("success");
        assertThat(function.instances()).isEqualTo(1);

        List<String> answers = new ArrayList<>();
        Set<String> processes = new HashSet<>();
        // Waves of eight invocations at once, each holding its instance 300 ms, until every instance the limit allows
        // has answered (a JVM takes seconds to start on a loaded machine, so the number of waves is not fixed).
        for (int wave = 0; wave < 100 && processes.size() < 3; wave++) {
            List<CompletableFuture<InvocationResult>> invocations = new ArrayList<>();
            for (int index = 0; index < 8; index++) {
                invocations.add(function.invoke("hold 300".getBytes(StandardCharsets.UTF_8)));
            }
            for (CompletableFuture<InvocationResult> invocation : invocations) {
                String answer = text(invocation.get());
                answers.add(answer);
                processes.add(answer);
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).matches("success \\d+"));
        assertThat(processes).as("JVMs that answered").hasSize(3);
        assertThat(function.peakInstances()).isEqualTo(3);
        assertThat(function.instances()).isEqualTo(3);
        assertThat(dataDirectory.resolve("logs/echo-3.log")).exists();
    }

    @Test
    void aLimitOfOneServesConcurrentInvocationsOneAfterAnotherInOneJvm() throws Exception {
        LocalFunction function = start(EchoHandler.class.getName() + "::handleRequest", 1);

        List<CompletableFuture<InvocationResult>> invocations = new ArrayList<>();
        for (int index = 0; index < 8; index++) {
            invocations.add(function.invoke("hold 100".getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> answers = new HashSet<>();
        for (CompletableFuture<InvocationResult> invocation : invocations) {
            answers.add(text(invocation.get()));
        }

        assertThat(answers)
                .singleElement()
                .isEqualTo("success " + function.process().orElseThrow().pid());
        assertThat(function.peakInstances()).isEqualTo(1);
    }

    @Test
    void invocationsOneAfterAnotherNeverStartASecondInstance() throws Exception {
        LocalFunction function = start(EchoHandler.class.getName() + "::handleRequest", 3);

        for (int index = 0; index < 50; index++) {
            assertThat(text(function.invoke(Integer.toString(index).getBytes(StandardCharsets.UTF_8))
                            .get()))
                    .startsWith("success");
        }

        assertThat(function.peakInstances()).isEqualTo(1);
        assertThat(function.timings().handler().count()).isEqualTo(50);
        assertThat(function.timings().runtimeApiHandOff().count()).isEqualTo(50);
    }
}
