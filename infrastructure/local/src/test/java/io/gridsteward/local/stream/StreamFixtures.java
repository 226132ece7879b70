package io.gridsteward.local.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Stream records for tests, shaped like DynamodbEvents builds them. */
final class StreamFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamFixtures() {}

    static StreamRecordJson record(String shardId, String sequenceNumber, String entity) {
        ObjectNode json = JSON.createObjectNode();
        json.put("eventID", "event-" + sequenceNumber);
        json.put("eventName", "INSERT");
        json.putObject("dynamodb")
                .put("SequenceNumber", sequenceNumber)
                .putObject("NewImage")
                .putObject("entity")
                .put("S", entity);
        return new StreamRecordJson(shardId, sequenceNumber, json);
    }

    static StreamRecordJson record(String sequenceNumber) {
        return record("shard-1", sequenceNumber, "TicketEvent");
    }
}
