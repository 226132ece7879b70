package io.gridsteward.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(LocalStackOptions.parse(List.of()))
                .isEqualTo(new LocalStackOptions(
                        8080, 4566, 8000, Path.of(".local-data"), Path.of("."), true, 100, Duration.ofSeconds(1)));
    }

    @Test
    void everyFlagIsRead() {
        LocalStackOptions options = LocalStackOptions.parse(List.of(
                "--port",
                "9090",
                "--s3-port",
                "0",
                "--dynamodb-port",
                "8001",
                "--data-directory",
                "/tmp/d",
                "--functions-directory",
                "/repo",
                "--batch-size",
                "10",
                "--batching-window-ms",
                "250",
                "--no-demo-data"));

        assertThat(options)
                .isEqualTo(new LocalStackOptions(
                        9090, 0, 8001, Path.of("/tmp/d"), Path.of("/repo"), false, 10, Duration.ofMillis(250)));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--port", "http")))
                .hasMessage("--port needs a number, not http");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--port", "70000")))
                .hasMessage("--port must be between 0 and 65535, not 70000");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--colour", "red")))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--port"))).hasMessage("missing value for --port");
    }
}
