package io.gridsteward.dynamodb.emulator.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * An item kept as the JSON text it was stored in until something reads it. A stream's retained records are most of a
 * snapshot (three quarters of the demo data's) and are read by few, if any, after a restart: copying their images'
 * bytes instead of decoding them is what makes the snapshot quick to load, and a snapshot writes them back as they
 * came. Immutable; readers may decode it at the same time under the database's read lock, which only costs the work
 * twice.
 */
public final class EncodedItem extends AbstractMap<String, AttributeValue> {
    private final byte[] text;
    private volatile Map<String, AttributeValue> decoded;

    private EncodedItem(byte[] text) {
        this.text = text;
    }

    /**
     * The item object at the parser's current token (START_OBJECT) of a parser reading {@code source} from its first
     * byte; the parser is left on the object's END_OBJECT.
     */
    public static EncodedItem copyOf(JsonParser parser, byte[] source) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "Expected an item object");
        }
        int start = Math.toIntExact(parser.currentTokenLocation().getByteOffset());
        parser.skipChildren();
        int end = Math.toIntExact(parser.currentTokenLocation().getByteOffset()) + 1;
        return new EncodedItem(Arrays.copyOfRange(source, start, end));
    }

    boolean decoded() {
        return decoded != null;
    }

    String text() {
        return new String(text, StandardCharsets.UTF_8);
    }

    private Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = decoded;
        if (item == null) {
            try {
                item = ItemStorageCodec.readItem(text);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("A stored stream record's image cannot be read", unreadable);
            }
            decoded = item;
        }
        return item;
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
        return item().entrySet();
    }

    @Override
    public AttributeValue get(Object name) {
        return item().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return item().containsKey(name);
    }

    @Override
    public int size() {
        return item().size();
    }
}
