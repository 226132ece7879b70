package io.gridsteward.local.stream;

import java.time.Duration;

/**
 * The event-source mapping's knobs: batch size and batching window, retries (each retry of a failed record
 * counts; splitting a batch does not), bisect on function error, and whether the function reports
 * {@code batchItemFailures}.
 */
public record DeliverySettings(
        int batchSize,
        Duration batchingWindow,
        int maximumRetryAttempts,
        boolean bisectOnFunctionError,
        boolean reportBatchItemFailures) {
    public DeliverySettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1 to 10000, not " + batchSize);
        }
        if (maximumRetryAttempts < 0) {
            throw new IllegalArgumentException("maximum retry attempts must not be negative");
        }
    }
}
