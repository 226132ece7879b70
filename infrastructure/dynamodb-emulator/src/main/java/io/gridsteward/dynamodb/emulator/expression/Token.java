package io.gridsteward.dynamodb.emulator.expression;

/** One lexical token of an expression and where it sits in the source text. */
record Token(Type type, String text, int start, int end) {
    enum Type {
        IDENTIFIER,
        NAME_PLACEHOLDER,
        VALUE_PLACEHOLDER,
        NUMBER,
        SYMBOL,
        END
    }

    boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** Grammar keywords (AND, SET, ...) are case-insensitive. */
    boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** The token as DynamoDB quotes it in syntax errors. */
    String display() {
        return type == Type.END ? "<EOF>" : text;
    }
}
