package io.gridsteward.dynamodb.emulator.storage;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.Map;

/** One item's write inside a commit: {@code oldItem} or {@code newItem} is null when the item did not or will not exist. */
public record ItemChange(
        String tableName,
        Map<String, AttributeValue> key,
        Map<String, AttributeValue> oldItem,
        Map<String, AttributeValue> newItem) {
    public boolean changesSomething() {
        return oldItem == null ? newItem != null : !oldItem.equals(newItem);
    }
}
