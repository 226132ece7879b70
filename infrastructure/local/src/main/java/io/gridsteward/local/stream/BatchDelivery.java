package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.lambda.FunctionInvoker;
import io.gridsteward.local.lambda.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

/**
 * Delivers one batch of stream records to a function the way Lambda's event-source mapping does, in order:
 * <ul>
 *   <li>a {@code batchItemFailures} answer checkpoints before the lowest failed sequence number and retries from
 *       there (an empty or unknown item identifier fails the whole batch);</li>
 *   <li>a function error or timeout splits the batch in two when bisect is on (splitting costs no retry), else
 *       retries it whole;</li>
 *   <li>after {@code maximumRetryAttempts} retries the records left go to the dead letters and delivery moves on.</li>
 * </ul>
 */
public final class BatchDelivery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Attempt(List<StreamRecordJson> records, int retries) {}

    /** How one invocation went: everything done, failed from a record onwards, or failed as a whole. */
    private sealed interface Outcome {
        record Done() implements Outcome {}

        record FailedFrom(int index) implements Outcome {}

        record FunctionFailed(String reason) implements Outcome {}
    }

    private final FunctionInvoker function;
    private final DeliverySettings settings;
    private final DeadLetters deadLetters;
    private final IntConsumer backoff;

    /** {@code backoff} is called with the retry number before each retry (tests pass a no-op). */
    public BatchDelivery(
            FunctionInvoker function, DeliverySettings settings, DeadLetters deadLetters, IntConsumer backoff) {
        this.function = function;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
    }

    public DeliveryReport deliver(List<StreamRecordJson> batch) throws InterruptedException {
        int invocations = 0;
        int deadLettered = 0;
        Deque<Attempt> pending = new ArrayDeque<>();
        pending.push(new Attempt(List.copyOf(batch), 0));
        while (!pending.isEmpty()) {
            Attempt attempt = pending.pop();
            if (attempt.retries() > 0) {
                backoff.accept(attempt.retries());
            }
            invocations++;
            switch (invoke(attempt.records())) {
                case Outcome.Done done -> {}
                case Outcome.FailedFrom failedFrom -> {
                    List<StreamRecordJson> rest = attempt.records()
                            .subList(failedFrom.index(), attempt.records().size());
                    deadLettered += retryOrGiveUp(
                            pending,
                            rest,
                            attempt.retries(),
                            "the function reported item " + rest.getFirst().sequenceNumber() + " as failed");
                }
                case Outcome.FunctionFailed failed -> {
                    if (settings.bisectOnFunctionError() && attempt.records().size() > 1) {
                        int middle = attempt.records().size() / 2;
                        pending.push(new Attempt(
                                attempt.records()
                                        .subList(middle, attempt.records().size()),
                                attempt.retries()));
                        pending.push(new Attempt(attempt.records().subList(0, middle), attempt.retries()));
                    } else {
                        deadLettered += retryOrGiveUp(pending, attempt.records(), attempt.retries(), failed.reason());
                    }
                }
            }
        }
        return new DeliveryReport(invocations, deadLettered);
    }

    private int retryOrGiveUp(Deque<Attempt> pending, List<StreamRecordJson> records, int retries, String reason) {
        if (retries < settings.maximumRetryAttempts()) {
            pending.push(new Attempt(records, retries + 1));
            return 0;
        }
        deadLetters.accept(records, reason + " after " + retries + " retries");
        return records.size();
    }

    private Outcome invoke(List<StreamRecordJson> records) throws InterruptedException {
        InvocationResult result;
        try {
            result = function.invoke(DynamodbEvents.event(records)).get();
        } catch (ExecutionException failure) {
            return new Outcome.FunctionFailed("the invocation failed: " + failure.getCause());
        }
        return switch (result) {
            case InvocationResult.Success success ->
                settings.reportBatchItemFailures() ? itemFailures(success.payload(), records) : new Outcome.Done();
            case InvocationResult.FunctionError error ->
                new Outcome.FunctionFailed("function error " + error.errorType() + ": " + error.payloadText());
            case InvocationResult.Timeout timeout ->
                new Outcome.FunctionFailed("the function timed out after " + timeout.after());
        };
    }

    /** Reads {@code batchItemFailures}; the lowest failed sequence number in the batch is where the retry starts. */
    private static Outcome itemFailures(byte[] payload, List<StreamRecordJson> records) {
        JsonNode answer;
        try {
            answer = payload.length == 0 ? null : JSON.readTree(payload);
        } catch (IOException notJson) {
            return new Outcome.FunctionFailed("the answer is not JSON: " + new String(payload, StandardCharsets.UTF_8));
        }
        JsonNode failures = answer == null ? null : answer.get("batchItemFailures");
        if (failures == null || failures.isNull() || failures.isEmpty()) {
            return new Outcome.Done();
        }
        int lowest = records.size();
        for (JsonNode failure : failures) {
            String identifier = failure.path("itemIdentifier").asText("");
            int index = indexOf(records, identifier);
            if (index < 0) {
                return new Outcome.FunctionFailed(
                        "batchItemFailures names '" + identifier + "', which is not in the batch");
            }
            lowest = Math.min(lowest, index);
        }
        return new Outcome.FailedFrom(lowest);
    }

    private static int indexOf(List<StreamRecordJson> records, String sequenceNumber) {
        for (int index = 0; index < records.size(); index++) {
            if (records.get(index).sequenceNumber().equals(sequenceNumber)) {
                return index;
            }
        }
        return -1;
    }
}
