package io.gridsteward.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.local.lambda.InvocationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchDeliveryTest {
    private final List<List<String>> deadLetters = new ArrayList<>();
    private final List<Integer> backoffs = new ArrayList<>();

    private BatchDelivery delivery(ScriptedFunction function, int retries, boolean bisect) {
        return new BatchDelivery(
                function,
                new DeliverySettings(100, Duration.ZERO, retries, bisect, true),
                (records, reason) -> deadLetters.add(
                        records.stream().map(StreamRecordJson::sequenceNumber).toList()),
                backoffs::add);
    }

    private static List<StreamRecordJson> records(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(number -> StreamFixtures.record(Integer.toString(number)))
                .toList();
    }

    @Test
    void aSuccessfulBatchIsOneInvocation() throws Exception {
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.success());

        DeliveryReport report = delivery(function, 3, true).deliver(records(3));

        assertThat(function.batches).containsExactly(List.of("1", "2", "3"));
        assertThat(report).isEqualTo(new DeliveryReport(1, 0));
    }

    @Test
    void itemFailuresRetryFromTheLowestFailedSequenceNumber() throws Exception {
        ScriptedFunction function = new ScriptedFunction(
                batch -> batch.size() == 5 ? ScriptedFunction.itemFailures("4", "3") : ScriptedFunction.success());

        DeliveryReport report = delivery(function, 3, true).deliver(records(5));

        assertThat(function.batches).containsExactly(List.of("1", "2", "3", "4", "5"), List.of("3", "4", "5"));
        assertThat(report).isEqualTo(new DeliveryReport(2, 0));
        assertThat(backoffs).containsExactly(1);
    }

    @Test
    void aFunctionErrorBisectsUntilThePoisonRecordIsAloneThenRetriesItAndGivesUp() throws Exception {
        ScriptedFunction function = new ScriptedFunction(
                batch -> batch.contains("3") ? ScriptedFunction.error() : ScriptedFunction.success());

        DeliveryReport report = delivery(function, 2, true).deliver(records(4));

        assertThat(function.batches)
                .containsExactly(
                        List.of("1", "2", "3", "4"),
                        List.of("1", "2"),
                        List.of("3", "4"),
                        List.of("3"),
                        List.of("3"),
                        List.of("3"),
                        List.of("4"));
        assertThat(deadLetters).containsExactly(List.of("3"));
        assertThat(report).isEqualTo(new DeliveryReport(7, 1));
    }

    @Test
    void withoutBisectAFailingBatchIsRetriedWholeThenDeadLettered() throws Exception {
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.error());

        DeliveryReport report = delivery(function, 1, false).deliver(records(2));

        assertThat(function.batches).containsExactly(List.of("1", "2"), List.of("1", "2"));
        assertThat(deadLetters).containsExactly(List.of("1", "2"));
        assertThat(report.deadLettered()).isEqualTo(2);
    }

    @Test
    void anItemIdentifierOutsideTheBatchFailsTheWholeBatch() throws Exception {
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.itemFailures("99"));

        delivery(function, 0, false).deliver(records(2));

        assertThat(function.batches).containsExactly(List.of("1", "2"));
        assertThat(deadLetters).containsExactly(List.of("1", "2"));
    }

    @Test
    void aTimeoutCountsAsAFunctionError() throws Exception {
        ScriptedFunction function = new ScriptedFunction(batch ->
                batch.size() > 1 ? new InvocationResult.Timeout(Duration.ofSeconds(120)) : ScriptedFunction.success());

        DeliveryReport report = delivery(function, 0, true).deliver(records(2));

        assertThat(function.batches).containsExactly(List.of("1", "2"), List.of("1"), List.of("2"));
        assertThat(report).isEqualTo(new DeliveryReport(3, 0));
    }

    @Test
    void itemFailuresWhenRetriesAreExhaustedDeadLetterOnlyTheRest() throws Exception {
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.itemFailures("2"));

        delivery(function, 1, true).deliver(records(3));

        assertThat(function.batches).containsExactly(List.of("1", "2", "3"), List.of("2", "3"));
        assertThat(deadLetters).containsExactly(List.of("2", "3"));
    }
}
