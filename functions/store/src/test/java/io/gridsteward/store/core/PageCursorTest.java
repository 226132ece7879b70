package io.gridsteward.store.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageCursorTest {

    private static final PageCursor CURSORS = new PageCursor(PageCursor.LOCAL_KEY);
    private static final String QUEUE = "QUEUE#town-east";
    private static final Map<String, AttributeValue> LAST = Map.of(
            Keys.PARTITION,
            AttributeValue.fromS("TICKET#t-1"),
            Keys.SORT,
            AttributeValue.fromS("TICKET"),
            TableIndex.WORK.partitionAttribute(),
            AttributeValue.fromS(QUEUE),
            TableIndex.WORK.sortAttribute(),
            AttributeValue.fromS("2026-12-01T08:00:00.000Z#t-1"));

    @Test
    void aCursorLeadsBackToTheKeysItWasMadeFrom() {
        String cursor = CURSORS.encode(LAST, TableIndex.WORK, QUEUE);

        assertThat(CURSORS.decode(cursor, TableIndex.WORK, QUEUE, "TICKET#")).isEqualTo(LAST);
        assertThat(cursor).doesNotContain("QUEUE").matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void anAlteredTruncatedOrLengthenedCursorIsRefused() {
        String cursor = CURSORS.encode(LAST, TableIndex.WORK, QUEUE);
        String keys = cursor.substring(0, cursor.indexOf('.'));
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        String otherTicket = base64(decoded(keys).replace("t-1", "t-2"));
        String flipped = signature.charAt(0) == 'A' ? "B" + signature.substring(1) : "A" + signature.substring(1);

        assertRefused(otherTicket + "." + signature);
        assertRefused(keys + "." + flipped);
        assertRefused(keys);
        assertRefused(keys + ".");
        assertRefused(cursor.substring(0, cursor.length() - 1));
        assertRefused(cursor.substring(1));
        assertRefused(cursor + "AAAA");
        assertRefused(cursor + ".AAAA");
        assertRefused(base64(decoded(keys) + "\nextra=1") + "." + signature);
        assertRefused("not*base64");
        assertRefused("");
    }

    @Test
    void aCursorOfAnotherListOrMadeWithAnotherKeyIsRefused() {
        String cursor = CURSORS.encode(LAST, TableIndex.WORK, QUEUE);
        String forged =
                new PageCursor("another key of at least thirty-two characters").encode(LAST, TableIndex.WORK, QUEUE);

        assertThatThrownBy(() -> CURSORS.decode(cursor, TableIndex.WORK, "QUEUE#town-west", "TICKET#"))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> CURSORS.decode(cursor, TableIndex.GRID, QUEUE, "TICKET#"))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> CURSORS.decode(cursor, TableIndex.WORK, QUEUE, "FUNDCLAIM#"))
                .isInstanceOf(InvalidCursorException.class);
        assertRefused(forged);
    }

    @Test
    void aKeyShorterThanThirtyTwoCharactersIsNotAccepted() {
        assertThatThrownBy(() -> new PageCursor("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PageCursor.ephemeral().encode(LAST, TableIndex.WORK, QUEUE))
                .isNotEqualTo(CURSORS.encode(LAST, TableIndex.WORK, QUEUE));
    }

    private static void assertRefused(String cursor) {
        assertThatThrownBy(() -> CURSORS.decode(cursor, TableIndex.WORK, QUEUE, "TICKET#"))
                .as(cursor)
                .isInstanceOf(InvalidCursorException.class);
    }

    private static String decoded(String base64) {
        return new String(Base64.getUrlDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
