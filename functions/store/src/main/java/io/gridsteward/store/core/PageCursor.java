package io.gridsteward.store.core;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The opaque cursor of a paginated list: base64url of a query's LastEvaluatedKey (all string attributes, one
 * {@code name=value} per line). On the way back it must name exactly the key attributes of the index it came
 * from and the very partition being listed, so a cursor cannot be bent to read another list.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        String text = new TreeMap<>(lastEvaluatedKey).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().s())
                .collect(Collectors.joining("\n"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, TableIndex index, String partition) {
        return decode(cursor, index, partition, "TICKET#");
    }

    /** As {@link #decode(String, TableIndex, String)}, for a list whose items' table partitions start with {@code itemPrefix}. */
    public static Map<String, AttributeValue> decode(String cursor, TableIndex index, String partition, String itemPrefix) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException exception) {
            throw new InvalidCursorException("is not a cursor this list handed out");
        }
        Map<String, AttributeValue> key = new TreeMap<>();
        for (String line : text.split("\n", -1)) {
            int separator = line.indexOf('=');
            if (separator < 1 || line.length() == separator + 1) {
                throw new InvalidCursorException("is not a cursor this list handed out");
            }
            key.put(line.substring(0, separator), AttributeValue.fromS(line.substring(separator + 1)));
        }
        Set<String> expected = Set.of(Keys.PARTITION, Keys.SORT, index.partitionAttribute(), index.sortAttribute());
        if (!key.keySet().equals(expected) || !key.get(index.partitionAttribute()).s().equals(partition)
                || !key.get(Keys.PARTITION).s().startsWith(itemPrefix)) {
            throw new InvalidCursorException("does not belong to this list");
        }
        return key;
    }
}
