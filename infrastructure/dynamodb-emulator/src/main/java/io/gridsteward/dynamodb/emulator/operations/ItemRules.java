package io.gridsteward.dynamodb.emulator.operations;

import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.storage.IndexDefinition;
import io.gridsteward.dynamodb.emulator.storage.TableMetadata;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import java.util.Map;

/** The checks DynamoDB makes on keys and items before it writes or reads them, with the service's wording. */
final class ItemRules {
    private static final int MAXIMUM_NAME_LENGTH = 65535;

    private ItemRules() {}

    /** An attribute name wherever a request gives one: not empty, at most 65,535 characters. */
    static void checkAttributeName(String name) {
        if (name.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: Empty attribute name");
        }
        if (name.length() > MAXIMUM_NAME_LENGTH) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Attribute name is too long; it may be up to "
                            + MAXIMUM_NAME_LENGTH + " characters: " + name.substring(0, 20) + "...");
        }
    }

    /** A Key parameter: exactly the table's key attributes, of the declared types, not empty. */
    static void checkKey(TableMetadata table, Map<String, AttributeValue> key) {
        int expected = table.rangeKey() == null ? 1 : 2;
        if (key.size() != expected
                || !key.containsKey(table.hashKey())
                || (table.rangeKey() != null && !key.containsKey(table.rangeKey()))) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        for (Map.Entry<String, AttributeValue> element : key.entrySet()) {
            String declared = table.attributeTypes().get(element.getKey());
            if (!element.getValue().typeDescriptor().equals(declared)) {
                throw ApiException.validation("The provided key element does not match the schema");
            }
            checkNotEmpty(element.getKey(), element.getValue());
            checkKeySize(element.getValue(), element.getKey().equals(table.hashKey()));
        }
    }

    /** A whole item about to be stored: its keys, its index keys and its size. */
    static void checkItem(TableMetadata table, Map<String, AttributeValue> item) {
        item.keySet().forEach(ItemRules::checkAttributeName);
        checkKeyAttribute(table, item, table.hashKey());
        if (table.rangeKey() != null) {
            checkKeyAttribute(table, item, table.rangeKey());
        }
        for (IndexDefinition index : table.indexes()) {
            checkIndexAttribute(table, index, item, index.hashKey());
            if (index.rangeKey() != null) {
                checkIndexAttribute(table, index, item, index.rangeKey());
            }
        }
        if (ItemSize.of(item) > ItemSize.MAXIMUM_ITEM_BYTES) {
            throw ApiException.validation("Item size has exceeded the maximum allowed size");
        }
    }

    private static void checkKeyAttribute(TableMetadata table, Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Missing the key " + attribute + " in the item");
        }
        String declared = table.attributeTypes().get(attribute);
        if (!value.typeDescriptor().equals(declared)) {
            throw ApiException.validation("One or more parameter values were invalid: Type mismatch for key "
                    + attribute + " expected: " + declared + " actual: " + value.typeDescriptor());
        }
        checkNotEmpty(attribute, value);
        checkKeySize(value, attribute.equals(table.hashKey()));
    }

    /** A partition key holds at most 2,048 bytes, a sort key 1,024 (strings by their UTF-8 length); numbers have no such limit. */
    private static void checkKeySize(AttributeValue value, boolean partitionKey) {
        long size = switch (value) {
            case AttributeValue.StringValue(String text) -> ItemSize.utf8Length(text);
            case AttributeValue.BinaryValue(var bytes) -> bytes.length();
            default -> 0;
        };
        if (partitionKey && size > 2048) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes");
        }
        if (!partitionKey && size > 1024) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    private static void checkIndexAttribute(
            TableMetadata table, IndexDefinition index, Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || table.isKeyAttribute(attribute)) {
            return;
        }
        String declared = table.attributeTypes().get(attribute);
        if (!value.typeDescriptor().equals(declared)) {
            throw ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + attribute + " Expected: " + declared + " Actual: " + value.typeDescriptor() + " IndexName: "
                    + index.name());
        }
        if (isEmpty(value)) {
            throw ApiException.validation(
                    "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                            + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: "
                            + index.name()
                            + ", IndexKey: " + attribute);
        }
        checkKeySize(value, attribute.equals(index.hashKey()));
    }

    private static void checkNotEmpty(String attribute, AttributeValue value) {
        if (isEmpty(value)) {
            String kind = value instanceof AttributeValue.StringValue ? "string" : "binary";
            throw ApiException.validation(
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                            + kind + " value. Key: " + attribute);
        }
    }

    private static boolean isEmpty(AttributeValue value) {
        return (value instanceof AttributeValue.StringValue string
                        && string.value().isEmpty())
                || (value instanceof AttributeValue.BinaryValue binary
                        && binary.value().length() == 0);
    }
}
