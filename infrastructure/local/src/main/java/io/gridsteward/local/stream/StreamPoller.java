package io.gridsteward.local.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The event-source mapping's reading side: walks the stream's shards (parents first), gathers records into
 * batches of up to {@code batchSize} within the batching window, drops what the filter rejects, hands each batch
 * to {@link BatchDelivery} and moves the {@link Checkpoint} past it.
 */
public final class StreamPoller {

    /** Pauses the poller; tests pass one that only advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long milliseconds) throws InterruptedException;
    }

    private final StreamSource source;
    private final Checkpoint checkpoint;
    private final BatchDelivery delivery;
    private final EventFilter filter;
    private final DeliverySettings settings;
    private final LongSupplier clockMilliseconds;
    private final Sleeper sleeper;
    private final Map<String, String> iterators = new HashMap<>();

    public StreamPoller(
            StreamSource source,
            Checkpoint checkpoint,
            BatchDelivery delivery,
            EventFilter filter,
            DeliverySettings settings,
            LongSupplier clockMilliseconds,
            Sleeper sleeper) {
        this.source = source;
        this.checkpoint = checkpoint;
        this.delivery = delivery;
        this.filter = filter;
        this.settings = settings;
        this.clockMilliseconds = clockMilliseconds;
        this.sleeper = sleeper;
    }

    /** Reads every shard once up to what is there now; returns how many records went to the function. */
    public int pollOnce() throws InterruptedException {
        int delivered = 0;
        for (StreamSource.Shard shard : inReadingOrder(source.shards())) {
            if (!checkpoint.finished(shard.shardId())) {
                try {
                    delivered += pollShard(shard.shardId());
                } catch (RuntimeException failure) {
                    // An expired or broken iterator: start again from the checkpoint next time.
                    iterators.remove(shard.shardId());
                    throw failure;
                }
            }
        }
        return delivered;
    }

    private int pollShard(String shardId) throws InterruptedException {
        int delivered = 0;
        while (true) {
            List<StreamRecordJson> batch = new ArrayList<>();
            boolean closed = false;
            long windowEnds = Long.MAX_VALUE;
            while (batch.size() < settings.batchSize()) {
                String iterator =
                        iterators.computeIfAbsent(shardId, id -> source.iterator(id, checkpoint.position(id)));
                StreamSource.Page page = source.read(shardId, iterator, settings.batchSize() - batch.size());
                batch.addAll(page.records());
                if (page.nextIterator().isEmpty()) {
                    iterators.remove(shardId);
                    closed = true;
                    break;
                }
                iterators.put(shardId, page.nextIterator().get());
                if (batch.isEmpty()) {
                    break;
                }
                if (windowEnds == Long.MAX_VALUE) {
                    windowEnds = clockMilliseconds.getAsLong()
                            + settings.batchingWindow().toMillis();
                }
                long now = clockMilliseconds.getAsLong();
                if (now >= windowEnds) {
                    break;
                }
                if (page.records().isEmpty()) {
                    sleeper.sleep(Math.min(100, windowEnds - now));
                }
            }
            if (!batch.isEmpty()) {
                List<StreamRecordJson> wanted = batch.stream()
                        .filter(record -> filter.accepts(record.json()))
                        .toList();
                if (!wanted.isEmpty()) {
                    delivery.deliver(wanted);
                    delivered += wanted.size();
                }
                checkpoint.advance(shardId, batch.getLast().sequenceNumber());
            }
            if (closed) {
                checkpoint.finish(shardId);
                return delivered;
            }
            if (batch.size() < settings.batchSize()) {
                return delivered;
            }
        }
    }

    /** Parents before children, so a key's changes are delivered in order across a shard split. */
    static List<StreamSource.Shard> inReadingOrder(List<StreamSource.Shard> shards) {
        Map<String, StreamSource.Shard> byId = new HashMap<>();
        shards.forEach(shard -> byId.put(shard.shardId(), shard));
        List<StreamSource.Shard> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (StreamSource.Shard shard : shards) {
            place(shard, byId, placed, ordered);
        }
        return ordered;
    }

    private static void place(
            StreamSource.Shard shard,
            Map<String, StreamSource.Shard> byId,
            Set<String> placed,
            List<StreamSource.Shard> ordered) {
        if (placed.contains(shard.shardId())) {
            return;
        }
        Optional<StreamSource.Shard> parent = shard.parentShardId().map(byId::get);
        parent.ifPresent(known -> place(known, byId, placed, ordered));
        placed.add(shard.shardId());
        ordered.add(shard);
    }
}
