package io.gridsteward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.local.lambda.FunctionStatistics;
import io.gridsteward.local.lambda.LocalFunction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Where everything is and how each function does: the status JSON of {@code GET /local/status} and the console summary. */
record StackStatus(
        Duration startUp,
        int frontPort,
        URI s3,
        URI dynamoDb,
        Path dataDirectory,
        Map<String, LocalFunction> functions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() {
        ObjectNode status = JSON.createObjectNode();
        status.put("startUpMilliseconds", startUp.toMillis());
        status.put("http", "http://127.0.0.1:" + frontPort);
        status.put("s3", s3.toString());
        status.put("dynamodb", dynamoDb.toString());
        status.put("dataDirectory", dataDirectory.toString());
        ObjectNode functionStatus = status.putObject("functions");
        functions.forEach((name, function) -> {
            FunctionStatistics statistics = function.statistics();
            ObjectNode node = functionStatus.putObject(name);
            statistics.initialisation().ifPresent(duration -> node.put("initMilliseconds", duration.toMillis()));
            statistics.coldStart().ifPresent(duration -> node.put("coldStartMilliseconds", duration.toMillis()));
            statistics
                    .firstInvocation()
                    .ifPresent(duration -> node.put("firstInvocationMilliseconds", duration.toMillis()));
            statistics.warmMedian().ifPresent(duration -> node.put("warmMedianMilliseconds", duration.toNanos() / 1e6));
            node.put("warmInvocations", statistics.warmInvocations());
            node.put("instances", function.instances());
            node.put("peakInstances", function.peakInstances());
            node.put("concurrencyLimit", function.concurrencyLimit());
            node.put("log", function.logFile().toString());
        });
        return status;
    }

    /** What the console shows once everything is up. */
    String summary() {
        String http = "http://localhost:" + frontPort;
        StringBuilder summary = new StringBuilder()
                .append("Grid Steward local stack is up (start-up took ")
                .append(startUp.toMillis())
                .append(" ms)\n")
                .append("  page        ")
                .append(http)
                .append("/\n")
                .append("  API         ")
                .append(http)
                .append("/v1/  (Authorization: Bearer <token>; OpenAPI at /v1/openapi, Swagger UI at /v1/docs)\n")
                .append("  metrics     ")
                .append(http)
                .append(
                        "/v1/dashboards/metrics?metric=time_to_dispatch&dimension=grid&period=month&from=YYYY-MM-DD&to=YYYY-MM-DD\n")
                .append("  tokens      GET ")
                .append(http)
                .append("/local/demo-users   POST ")
                .append(http)
                .append("/local/tokens {\"userId\",\"role\",\"orgId\"}\n")
                .append("  status      ")
                .append(http)
                .append("/local/status\n")
                .append("  S3          ")
                .append(s3)
                .append("  (bucket ")
                .append(LocalStack.LAKE_BUCKET)
                .append(")\n")
                .append("  DynamoDB    ")
                .append(dynamoDb)
                .append("  (table ")
                .append(LocalStack.TABLE_NAME)
                .append(")\n")
                .append("  data        ")
                .append(dataDirectory)
                .append("  (function logs in logs/)\n");
        functions.forEach((name, function) -> summary.append("  function    ")
                .append(name)
                .append(": ")
                .append(function.statistics().describe())
                .append(function.concurrencyLimit() > 1 ? "; up to " + function.concurrencyLimit() + " instances" : "")
                .append('\n'));
        return summary.toString();
    }
}
