package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One stream record as Lambda delivers it inside a {@code DynamodbEvent}, with its shard and sequence number. */
public record StreamRecordJson(String shardId, String sequenceNumber, ObjectNode json) {}
