package io.gridsteward.dynamodb.emulator.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; characters no rule knows become one-character symbols the parser rejects. */
final class Tokenizer {
    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("<=", ">=", "<>");

    private Tokenizer() {}

    static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int position = 0;
        while (position < source.length()) {
            char character = source.charAt(position);
            if (isWhitespace(character)) {
                position++;
                continue;
            }
            int start = position;
            Token.Type type;
            if (character == '#' || character == ':') {
                position = skipWordCharacters(source, position + 1);
                type = position == start + 1
                        ? Token.Type.SYMBOL
                        : character == '#' ? Token.Type.NAME_PLACEHOLDER : Token.Type.VALUE_PLACEHOLDER;
            } else if (isDigit(character)) {
                while (position < source.length() && isDigit(source.charAt(position))) {
                    position++;
                }
                type = Token.Type.NUMBER;
            } else if (isWordStart(character)) {
                position = skipWordCharacters(source, position);
                type = Token.Type.IDENTIFIER;
            } else {
                position += startsWithTwoCharacterSymbol(source, position)
                        ? 2
                        : Character.charCount(source.codePointAt(position));
                type = Token.Type.SYMBOL;
            }
            tokens.add(new Token(type, source.substring(start, position), start, position));
        }
        tokens.add(new Token(Token.Type.END, "", source.length(), source.length()));
        return tokens;
    }

    private static boolean startsWithTwoCharacterSymbol(String source, int position) {
        return TWO_CHARACTER_SYMBOLS.stream().anyMatch(symbol -> source.startsWith(symbol, position));
    }

    private static int skipWordCharacters(String source, int position) {
        int current = position;
        while (current < source.length() && isWordCharacter(source.charAt(current))) {
            current++;
        }
        return current;
    }

    private static boolean isWhitespace(char character) {
        return character == ' ' || character == '\t' || character == '\r' || character == '\n';
    }

    private static boolean isDigit(char character) {
        return character >= '0' && character <= '9';
    }

    /** A name or function starts with a letter; digits and underscores may follow. */
    private static boolean isWordStart(char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
    }

    private static boolean isWordCharacter(char character) {
        return isWordStart(character) || isDigit(character) || character == '_';
    }
}
