package io.gridsteward.localstack;

import java.util.Map;

/** A created stack: its outputs and the physical id (name, ARN, URL) of each logical resource of the template. */
public record DeployedStack(String name, Map<String, String> outputs, Map<String, String> physicalIds) {

    public String output(String key) {
        String value = outputs.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    "stack " + name + " has no output " + key + "; it has " + outputs.keySet());
        }
        return value;
    }

    public String physicalId(String logicalId) {
        String value = physicalIds.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("stack " + name + " has no resource " + logicalId);
        }
        return value;
    }
}
