package io.gridsteward.dynamodb.emulator.storage;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;
import java.util.List;

/**
 * The position of an item inside one partition: the sort-key values that order it (for an index, the index's sort
 * key followed by the table's key, which makes positions unique). A bound ({@code tail} -1 or +1) sorts before or after
 * every position that extends its parts, so that range scans can start and stop at a prefix.
 */
public record SortKey(List<AttributeValue> parts, int tail) implements Comparable<SortKey> {
    public static SortKey exact(List<AttributeValue> parts) {
        return new SortKey(parts, 0);
    }

    public static SortKey before(AttributeValue prefix) {
        return new SortKey(List.of(prefix), -1);
    }

    public static SortKey after(AttributeValue prefix) {
        return new SortKey(List.of(prefix), 1);
    }

    @Override
    public int compareTo(SortKey other) {
        int common = Math.min(parts.size(), other.parts.size());
        for (int index = 0; index < common; index++) {
            int order = ScalarOrder.compare(parts.get(index), other.parts.get(index));
            if (order != 0) {
                return order;
            }
        }
        if (parts.size() == other.parts.size()) {
            return Integer.compare(tail, other.tail);
        }
        if (parts.size() < other.parts.size()) {
            return tail == 0 ? -1 : tail;
        }
        return other.tail == 0 ? 1 : -other.tail;
    }
}
