package io.gridsteward.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamPollerTest {
    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/grid-steward/stream/1";

    @TempDir
    Path directory;

    private long now = 0;

    /** An in-memory stream: iterators are "shard@index"; a closed shard ends once read. */
    private static final class FakeStream implements StreamSource {
        final Map<String, List<StreamRecordJson>> shards = new LinkedHashMap<>();
        final Map<String, String> parents = new LinkedHashMap<>();
        final List<String> closed = new ArrayList<>();
        String arn = STREAM;

        @Override
        public String streamArn() {
            return arn;
        }

        @Override
        public List<Shard> shards() {
            return shards.keySet().stream()
                    .map(id -> new Shard(id, Optional.ofNullable(parents.get(id))))
                    .toList();
        }

        @Override
        public String iterator(String shardId, Optional<String> afterSequenceNumber) {
            List<StreamRecordJson> records = shards.get(shardId);
            int start = afterSequenceNumber
                    .map(after -> IntStream.range(0, records.size())
                                    .filter(index ->
                                            records.get(index).sequenceNumber().equals(after))
                                    .findFirst()
                                    .orElseThrow()
                            + 1)
                    .orElse(0);
            return shardId + "@" + start;
        }

        @Override
        public Page read(String shardId, String iterator, int limit) {
            assertThat(iterator).startsWith(shardId + "@");
            int start = Integer.parseInt(iterator.substring(iterator.indexOf('@') + 1));
            List<StreamRecordJson> records = shards.get(shardId);
            int end = Math.min(records.size(), start + limit);
            boolean ended = end == records.size() && closed.contains(shardId);
            return new Page(
                    List.copyOf(records.subList(start, end)),
                    ended ? Optional.empty() : Optional.of(shardId + "@" + end));
        }

        void append(String shardId, String... sequenceNumbers) {
            for (String sequenceNumber : sequenceNumbers) {
                shards.computeIfAbsent(shardId, id -> new ArrayList<>())
                        .add(StreamFixtures.record(shardId, sequenceNumber, "TicketEvent"));
            }
        }
    }

    private StreamPoller poller(FakeStream stream, ScriptedFunction function, int batchSize, EventFilter filter) {
        DeliverySettings settings = new DeliverySettings(batchSize, Duration.ofSeconds(1), 2, true, true);
        return new StreamPoller(
                stream,
                Checkpoint.load(directory.resolve("poller-checkpoint"), stream.streamArn()),
                new BatchDelivery(function, settings, (records, reason) -> {}, retry -> {}),
                filter,
                settings,
                () -> now,
                milliseconds -> now += milliseconds);
    }

    @Test
    void deliversInBatchesAndARestartedPollerContinuesAfterTheCheckpoint() throws Exception {
        FakeStream stream = new FakeStream();
        stream.append("shard-1", "1", "2", "3", "4", "5");
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.success());

        int delivered =
                poller(stream, function, 2, EventFilter.acceptingEverything()).pollOnce();
        stream.append("shard-1", "6");
        ScriptedFunction afterRestart = new ScriptedFunction(batch -> ScriptedFunction.success());
        poller(stream, afterRestart, 2, EventFilter.acceptingEverything()).pollOnce();

        assertThat(delivered).isEqualTo(5);
        assertThat(function.batches).containsExactly(List.of("1", "2"), List.of("3", "4"), List.of("5"));
        assertThat(afterRestart.batches).containsExactly(List.of("6"));
    }

    @Test
    void aPartialBatchWaitsOutTheBatchingWindowForMoreRecords() throws Exception {
        FakeStream stream = new FakeStream();
        stream.append("shard-1", "1");
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.success());

        poller(stream, function, 10, EventFilter.acceptingEverything()).pollOnce();

        assertThat(function.batches).containsExactly(List.of("1"));
        assertThat(now).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void filteredOutRecordsAreSkippedButPassed() throws Exception {
        FakeStream stream = new FakeStream();
        stream.shards.put(
                "shard-1",
                new ArrayList<>(List.of(
                        StreamFixtures.record("shard-1", "1", "Ticket"),
                        StreamFixtures.record("shard-1", "2", "TicketEvent"),
                        StreamFixtures.record("shard-1", "3", "Organisation"))));
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.success());
        EventFilter filter = EventFilter.of(
                List.of(
                        "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"entity\": {\"S\": [\"TicketEvent\"]}}}}"));

        poller(stream, function, 10, filter).pollOnce();
        ScriptedFunction afterRestart = new ScriptedFunction(batch -> ScriptedFunction.success());
        poller(stream, afterRestart, 10, filter).pollOnce();

        assertThat(function.batches).containsExactly(List.of("2"));
        assertThat(afterRestart.batches).isEmpty();
    }

    @Test
    void aClosedParentShardIsReadBeforeItsChildAndNotAgain() throws Exception {
        FakeStream stream = new FakeStream();
        stream.append("child", "3");
        stream.append("parent", "1", "2");
        stream.parents.put("child", "parent");
        stream.closed.add("parent");
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.success());

        StreamPoller poller = poller(stream, function, 10, EventFilter.acceptingEverything());
        poller.pollOnce();
        poller.pollOnce();

        assertThat(function.batches).containsExactly(List.of("1", "2"), List.of("3"));
    }

    @Test
    void aNewStreamStartsFromTheBeginning() throws Exception {
        FakeStream stream = new FakeStream();
        stream.append("shard-1", "1");
        poller(stream, new ScriptedFunction(batch -> ScriptedFunction.success()), 10, EventFilter.acceptingEverything())
                .pollOnce();
        stream.arn = STREAM + "-recreated";
        ScriptedFunction function = new ScriptedFunction(batch -> ScriptedFunction.success());

        poller(stream, function, 10, EventFilter.acceptingEverything()).pollOnce();

        assertThat(function.batches).containsExactly(List.of("1"));
    }
}
