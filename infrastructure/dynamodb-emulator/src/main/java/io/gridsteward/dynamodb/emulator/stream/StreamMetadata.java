package io.gridsteward.dynamodb.emulator.stream;

/**
 * What identifies a stream and its one shard. {@code startingSequence} is the first sequence number the shard may
 * hold; {@code closingSequence} is the last (meaningful once the stream is disabled). {@code rangeKey} may be null.
 */
public record StreamMetadata(
        String arn,
        String label,
        String tableName,
        String viewType,
        String hashKey,
        String rangeKey,
        long createdAtMillis,
        long startingSequence,
        boolean enabled,
        long closingSequence) {
    public String shardId() {
        return "shardId-" + String.format("%020d", createdAtMillis) + "-"
                + Integer.toHexString(arn.hashCode() & 0x7fffffff);
    }
}
