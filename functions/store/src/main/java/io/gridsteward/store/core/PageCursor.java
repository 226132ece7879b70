package io.gridsteward.store.core;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque cursors of paginated lists, every context's: {@code base64url(keys) . base64url(HMAC-SHA256)}, where
 * {@code keys} is the query's LastEvaluatedKey (all string attributes, one {@code name=value} per line) and the MAC,
 * under a key from configuration, covers the index and the partition being listed as well as the keys. So a cursor
 * that was altered, truncated, lengthened or handed out by another list is refused before DynamoDB sees it; the
 * decoded keys must also name exactly the index's key attributes, the very partition and the list's kind of item.
 */
public final class PageCursor {

    /** The shortest key accepted: 32 characters, as HMAC-SHA256 wants at least 256 bits. */
    public static final int MINIMUM_KEY_LENGTH = 32;

    /** The key of tests, dev mode and the local stack; a deployment generates its own. */
    public static final String LOCAL_KEY = "grid-steward local page-cursor key, not a secret";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String NOT_HANDED_OUT = "is not a cursor this list handed out";

    private final SecretKeySpec key;

    public PageCursor(String key) {
        requireNonNull(key, "key");
        if (key.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "a page-cursor key has at least %d characters".formatted(MINIMUM_KEY_LENGTH));
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** For a process whose cursors never leave it (a scheduled job, the demo seeder): a random key of its own. */
    public static PageCursor ephemeral() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new PageCursor(HexFormat.of().formatHex(random));
    }

    public String encode(Map<String, AttributeValue> lastEvaluatedKey, TableIndex index, String partition) {
        String text = new TreeMap<>(lastEvaluatedKey)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue().s())
                        .collect(Collectors.joining("\n"));
        byte[] keys = text.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(keys) + "." + base64.encodeToString(mac(index, partition, keys));
    }

    /** The LastEvaluatedKey to start after, for a list of {@code index}'s {@code partition} whose items' table partitions start with {@code itemPrefix}. */
    public Map<String, AttributeValue> decode(String cursor, TableIndex index, String partition, String itemPrefix) {
        int separator = cursor.indexOf('.');
        byte[] keys;
        byte[] signature;
        try {
            keys = Base64.getUrlDecoder().decode(cursor.substring(0, Math.max(separator, 0)));
            signature = Base64.getUrlDecoder().decode(cursor.substring(separator + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException(NOT_HANDED_OUT);
        }
        if (separator < 1 || !MessageDigest.isEqual(signature, mac(index, partition, keys))) {
            throw new InvalidCursorException(NOT_HANDED_OUT);
        }
        Map<String, AttributeValue> key = new TreeMap<>();
        for (String line : new String(keys, StandardCharsets.UTF_8).split("\n", -1)) {
            int equals = line.indexOf('=');
            if (equals < 1 || line.length() == equals + 1) {
                throw new InvalidCursorException(NOT_HANDED_OUT);
            }
            key.put(line.substring(0, equals), AttributeValue.fromS(line.substring(equals + 1)));
        }
        Set<String> expected = Set.of(Keys.PARTITION, Keys.SORT, index.partitionAttribute(), index.sortAttribute());
        if (!key.keySet().equals(expected)
                || !key.get(index.partitionAttribute()).s().equals(partition)
                || !key.get(Keys.PARTITION).s().startsWith(itemPrefix)) {
            throw new InvalidCursorException("does not belong to this list");
        }
        return key;
    }

    private byte[] mac(TableIndex index, String partition, byte[] keys) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((index.indexName() + "\n" + partition + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(keys);
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, exception);
        }
    }
}
