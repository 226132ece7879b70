package io.gridsteward.local.stream;

import java.util.List;
import java.util.Optional;

/** A table's change stream as the event-source mapping reads it: shards, iterators, pages of records. */
public interface StreamSource {

    /** A shard, and the shard it continues (read the parent first). */
    record Shard(String shardId, Optional<String> parentShardId) {}

    /** A page of records and where to read next; no next iterator means the shard is closed and read to its end. */
    record Page(List<StreamRecordJson> records, Optional<String> nextIterator) {}

    /** The current stream's identity; a new one (a re-created table) starts from scratch. */
    String streamArn();

    List<Shard> shards();

    /** An iterator at the shard's oldest record, or just after {@code sequenceNumber}. */
    String iterator(String shardId, Optional<String> afterSequenceNumber);

    Page read(String shardId, String iterator, int limit);
}
