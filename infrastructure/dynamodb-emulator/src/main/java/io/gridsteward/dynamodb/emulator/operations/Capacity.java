package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.ItemChange;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import java.util.Map;
import java.util.Set;

/**
 * ReturnConsumedCapacity (TOTAL and INDEXES answer the table's units, worked out with the service's rounding: 1 KB per
 * write unit, 4 KB per read unit, half for eventually consistent reads) and ReturnItemCollectionMetrics (NONE only).
 */
final class Capacity {
    private static final Set<String> CHOICES = Set.of("NONE", "TOTAL", "INDEXES");

    private Capacity() {}

    static void check(Parameters parameters) {
        parameters.choice("ReturnConsumedCapacity", "NONE", CHOICES);
        String metrics = parameters.choice("ReturnItemCollectionMetrics", "NONE", Set.of("NONE", "SIZE"));
        if (metrics.equals("SIZE")) {
            throw ApiException.validation("ReturnItemCollectionMetrics SIZE is not supported by this emulator");
        }
    }

    static void write(Parameters parameters, ObjectNode response, String tableName, ItemChange change) {
        add(parameters, response, tableName, writeUnits(change));
    }

    /** One unit per started kilobyte of the larger of the old and new item. */
    static double writeUnits(ItemChange change) {
        long size = Math.max(
                change.oldItem() == null ? 0 : ItemSize.of(change.oldItem()),
                change.newItem() == null ? 0 : ItemSize.of(change.newItem()));
        return Math.max(1, Math.ceil(size / 1024.0));
    }

    static void read(Parameters parameters, ObjectNode response, String tableName, long size, boolean consistent) {
        add(parameters, response, tableName, readUnits(size, consistent));
    }

    /** BatchGetItem and BatchWriteItem answer a list: one entry per table, with the units of its items added up. */
    static void batch(Parameters parameters, ObjectNode response, Map<String, Double> unitsByTable) {
        String choice = parameters.choice("ReturnConsumedCapacity", "NONE", CHOICES);
        if (choice.equals("NONE")) {
            return;
        }
        ArrayNode list = response.putArray("ConsumedCapacity");
        unitsByTable.forEach((tableName, units) -> {
            ObjectNode consumed = list.addObject().put("TableName", tableName).put("CapacityUnits", units);
            if (choice.equals("INDEXES")) {
                consumed.putObject("Table").put("CapacityUnits", units);
            }
        });
    }

    /** Read units of one item: one per started 4 KB, at least one; half for an eventually consistent read. */
    static double readUnits(long size, boolean consistent) {
        double units = Math.max(1, Math.ceil(size / 4096.0));
        return consistent ? units : units / 2;
    }

    private static void add(Parameters parameters, ObjectNode response, String tableName, double units) {
        String choice = parameters.choice("ReturnConsumedCapacity", "NONE", CHOICES);
        if (choice.equals("NONE")) {
            return;
        }
        ObjectNode consumed = response.putObject("ConsumedCapacity")
                .put("TableName", tableName)
                .put("CapacityUnits", units);
        if (choice.equals("INDEXES")) {
            consumed.putObject("Table").put("CapacityUnits", units);
        }
    }
}
