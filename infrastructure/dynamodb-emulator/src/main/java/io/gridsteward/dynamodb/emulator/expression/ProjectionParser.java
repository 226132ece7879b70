package io.gridsteward.dynamodb.emulator.expression;

import java.util.ArrayList;
import java.util.List;

/** The grammar of ProjectionExpression: document paths separated by commas, none overlapping another. */
final class ProjectionParser extends ExpressionParser {
    /** A path names at most 32 levels, as deep as items may nest. */
    private static final int MAXIMUM_PATH_DEPTH = 32;

    private ProjectionParser(String expression, ExpressionAttributes attributes) {
        super(ExpressionKind.PROJECTION, expression, attributes, CONDITION_KEYWORDS);
    }

    static List<DocumentPath> parse(String expression, ExpressionAttributes attributes) {
        ProjectionParser parser = new ProjectionParser(expression, attributes);
        return parser.parseWhole(parser::parseProjectionPaths);
    }

    @Override
    boolean isOperator(Token token) {
        return token.type() == Token.Type.SYMBOL && CONDITION_OPERATOR_SYMBOLS.contains(token.text())
                || isKeyword(token);
    }

    private List<DocumentPath> parseProjectionPaths() {
        List<DocumentPath> paths = new ArrayList<>();
        do {
            DocumentPath path = parsePath();
            if (path.elements().size() > MAXIMUM_PATH_DEPTH) {
                note(
                        Problem.OPERAND_COUNT,
                        "The document path has too many nesting levels; nesting levels: "
                                + (path.elements().size() - 1));
            }
            checkOverlap(paths, path);
        } while (consumeSymbol(","));
        return paths;
    }
}
