package io.gridsteward.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./steward run} accepts. Ports of 0 pick free ones (tests); the data directory keeps the table, the
 * lake, logs and the poller's position between runs; the project directory holds template.yaml and the
 * functions' packages ({@code functions/<name>/target/function.zip}).
 */
public record LocalStackOptions(
        int port,
        int s3Port,
        int dynamoDbPort,
        Path dataDirectory,
        Path projectDirectory,
        boolean demoData,
        int batchSize,
        Duration batchingWindow) {
    public static final String USAGE = """
            usage: ./steward run [options]
              --port N                  HTTP front: page, API, local token endpoints (default 8080)
              --s3-port N               S3-compatible server (default 4566)
              --dynamodb-port N         DynamoDB emulator (default 8000)
              --data-directory DIR      table, lake, logs, poller checkpoint (default .local-data)
              --functions-directory DIR where template.yaml and functions/<name>/target/function.zip are (default .)
              --batch-size N            stream records per lake-writer invocation (default 100)
              --batching-window-ms N    how long the poller gathers a batch (default 1000)
              --no-demo-data            seed only the county's organisations, not the demo tickets
            """;

    public static LocalStackOptions defaults() {
        return new LocalStackOptions(
                8080, 4566, 8000, Path.of(".local-data"), Path.of("."), true, 100, Duration.ofSeconds(1));
    }

    /** Everything on free ports in {@code dataDirectory}: for tests and the benchmark. */
    public static LocalStackOptions ephemeral(Path dataDirectory, Path projectDirectory) {
        return new LocalStackOptions(0, 0, 0, dataDirectory, projectDirectory, false, 100, Duration.ofMillis(200));
    }

    public static LocalStackOptions parse(List<String> arguments) {
        LocalStackOptions defaults = defaults();
        int port = defaults.port;
        int s3Port = defaults.s3Port;
        int dynamoDbPort = defaults.dynamoDbPort;
        Path dataDirectory = defaults.dataDirectory;
        Path projectDirectory = defaults.projectDirectory;
        boolean demoData = defaults.demoData;
        int batchSize = defaults.batchSize;
        Duration batchingWindow = defaults.batchingWindow;
        for (int index = 0; index < arguments.size(); index++) {
            String flag = arguments.get(index);
            if (flag.equals("--no-demo-data")) {
                demoData = false;
                continue;
            }
            if (flag.equals("--help") || index + 1 >= arguments.size()) {
                throw new IllegalArgumentException(flag.equals("--help") ? "" : "missing value for " + flag);
            }
            String value = arguments.get(++index);
            switch (flag) {
                case "--port" -> port = number(flag, value, 0, 65_535);
                case "--s3-port" -> s3Port = number(flag, value, 0, 65_535);
                case "--dynamodb-port" -> dynamoDbPort = number(flag, value, 0, 65_535);
                case "--data-directory" -> dataDirectory = Path.of(value);
                case "--functions-directory" -> projectDirectory = Path.of(value);
                case "--batch-size" -> batchSize = number(flag, value, 1, 10_000);
                case "--batching-window-ms" -> batchingWindow = Duration.ofMillis(number(flag, value, 0, 300_000));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new LocalStackOptions(
                port, s3Port, dynamoDbPort, dataDirectory, projectDirectory, demoData, batchSize, batchingWindow);
    }

    public LocalStackOptions withDemoData(boolean enabled) {
        return new LocalStackOptions(
                port, s3Port, dynamoDbPort, dataDirectory, projectDirectory, enabled, batchSize, batchingWindow);
    }

    private static int number(String flag, String value, int minimum, int maximum) {
        try {
            int number = Integer.parseInt(value);
            if (number < minimum || number > maximum) {
                throw new IllegalArgumentException(
                        flag + " must be between " + minimum + " and " + maximum + ", not " + value);
            }
            return number;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(flag + " needs a number, not " + value);
        }
    }
}
