package io.gridsteward.domain.core;

import java.text.BreakIterator;
import java.text.Normalizer;

/**
 * The one rule for text people write (descriptions, notes, reasons, titles, contacts): no lone surrogates, no control
 * characters but line feed and tab (NUL, escape, DEL and C1 controls break logs and terminals), no bidirectional
 * embedding, override or isolate characters (U+202A-U+202E, U+2066-U+2069, which make text read otherwise than it is
 * stored); kept in Unicode normalisation form C; and limited in characters as a person counts them: grapheme clusters,
 * so an emoji or a letter with its accents is one, however many UTF-16 units it takes.
 */
public final class FreeText {

    private FreeText() {}

    /**
     * The text in NFC, or a {@link ValidationException#ofValue value complaint} when it is missing, blank, holds a
     * refused character or is longer than {@code maximumCharacters} grapheme clusters.
     */
    public static String require(String text, int maximumCharacters) {
        if (text == null || text.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        return optional(text, maximumCharacters);
    }

    /** As {@link #require}, for a field that may be empty or blank (the caller decides whether to keep it). */
    public static String optional(String text, int maximumCharacters) {
        refuseUnsafeCharacters(text);
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (characters(normalised) > maximumCharacters) {
            throw ValidationException.ofValue("must be at most %d characters".formatted(maximumCharacters));
        }
        return normalised;
    }

    /** What a person sees as characters: extended grapheme clusters. */
    public static int characters(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        int count = 0;
        while (clusters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    private static void refuseUnsafeCharacters(String text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (Character.isHighSurrogate(character)
                    && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(character)) {
                throw ValidationException.ofValue(
                        "holds a lone surrogate at position %d: not Unicode text".formatted(index));
            } else if (isRefusedControl(character)) {
                throw ValidationException.ofValue(
                        "holds control character U+%04X at position %d; only line feeds and tabs are allowed"
                                .formatted((int) character, index));
            } else if (isBidirectionalControl(character)) {
                throw ValidationException.ofValue("holds bidirectional control character U+%04X at position %d"
                        .formatted((int) character, index));
            }
        }
    }

    private static boolean isRefusedControl(char character) {
        return Character.getType(character) == Character.CONTROL && character != '\n' && character != '\t';
    }

    private static boolean isBidirectionalControl(char character) {
        return character >= '\u202A' && character <= '\u202E' || character >= '\u2066' && character <= '\u2069';
    }
}
