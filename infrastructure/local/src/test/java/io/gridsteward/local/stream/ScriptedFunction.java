package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A fake lake-writer: records the sequence numbers of each batch it gets and answers by a rule. */
final class ScriptedFunction implements FunctionInvoker {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<List<String>> batches = new ArrayList<>();
    private final Function<List<String>, InvocationResult> rule;

    ScriptedFunction(Function<List<String>, InvocationResult> rule) {
        this.rule = rule;
    }

    static InvocationResult success() {
        return new InvocationResult.Success("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    static InvocationResult itemFailures(String... sequenceNumbers) {
        StringBuilder failures = new StringBuilder();
        for (String sequenceNumber : sequenceNumbers) {
            failures.append(failures.isEmpty() ? "" : ",")
                    .append("{\"itemIdentifier\":\"")
                    .append(sequenceNumber)
                    .append("\"}");
        }
        return new InvocationResult.Success(
                ("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8));
    }

    static InvocationResult error() {
        return InvocationResult.FunctionError.of("Runtime.UnhandledException", "poison");
    }

    @Override
    public CompletableFuture<InvocationResult> invoke(byte[] event) {
        List<String> sequenceNumbers = new ArrayList<>();
        try {
            for (JsonNode record : JSON.readTree(event).path("Records")) {
                sequenceNumbers.add(
                        record.path("dynamodb").path("SequenceNumber").asText());
            }
        } catch (IOException malformed) {
            throw new UncheckedIOException(malformed);
        }
        batches.add(sequenceNumbers);
        return CompletableFuture.completedFuture(rule.apply(sequenceNumbers));
    }
}
