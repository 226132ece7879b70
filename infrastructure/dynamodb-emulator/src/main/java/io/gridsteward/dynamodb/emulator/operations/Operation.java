package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation of the wire protocol: a request object in, a response object out, or an ApiException. */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(JsonNode request);
}
