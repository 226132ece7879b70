package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Timestamps in AWS JSON 1.0 are epoch seconds with a fraction. */
    static double seconds(long millis) {
        return millis / 1000.0;
    }
}
