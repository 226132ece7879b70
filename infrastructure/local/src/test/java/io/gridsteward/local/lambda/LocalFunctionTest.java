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
import java.util.List;
import java.util.Map;
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
        FunctionDefinition definition = new FunctionDefinition(
                "echo",
                dataDirectory.resolve("echo.zip"),
                handler,
                Duration.ofSeconds(60),
                256,
                Map.of("TABLE_NAME", "grid-steward"));
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
}
