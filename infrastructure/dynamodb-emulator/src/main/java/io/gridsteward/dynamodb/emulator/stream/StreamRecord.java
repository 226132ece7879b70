package io.gridsteward.dynamodb.emulator.stream;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.Map;

/**
 * One change of one item as its stream saw it. {@code oldImage} and {@code newImage} are null where the view type
 * leaves them out or the item did not exist; {@code byTimeToLive} marks deletions made by the TTL process.
 */
public record StreamRecord(
        long sequence,
        String eventId,
        String eventName,
        long createdAtMillis,
        Map<String, AttributeValue> keys,
        Map<String, AttributeValue> oldImage,
        Map<String, AttributeValue> newImage,
        long sizeBytes,
        String viewType,
        boolean byTimeToLive) {
    private static final String SEQUENCE_PREFIX = "1";

    /** The service's sequence numbers are long decimal strings; ours are 21 digits, increasing in both text and number order. */
    public static String formatSequence(long sequence) {
        return SEQUENCE_PREFIX + String.format("%020d", sequence);
    }

    /** Returns -1 for text that is not one of our sequence numbers. */
    public static long parseSequence(String text) {
        if (text == null
                || text.length() != 21
                || !text.startsWith(SEQUENCE_PREFIX)
                || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(text.substring(1));
    }

    public String sequenceNumber() {
        return formatSequence(sequence);
    }
}
