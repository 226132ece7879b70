package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What DynamoDB's three expression grammars share: a recursive-descent walk over the {@link Tokenizer}'s tokens,
 * document paths, {@code :value} and {@code #name} substitution, function-call terms and the rules for reporting.
 * Syntax errors stop the parse at once; every other problem is noted and the parse goes on, so that the most
 * important problem is reported, in the order DynamoDB reports them. {@link ConditionParser}, {@link UpdateParser}
 * and {@link ProjectionParser} each add one grammar.
 */
abstract sealed class ExpressionParser permits ConditionParser, UpdateParser, ProjectionParser {
    /** Problems in the order of precedence DynamoDB reports them. */
    enum Problem {
        TOO_MANY_OPERATORS,
        REDUNDANT_PARENTHESES,
        UNKNOWN_FUNCTION,
        MISUSED_FUNCTION,
        RESERVED_WORD,
        REPEATED_SECTION,
        UNDEFINED_NAME,
        UNDEFINED_VALUE,
        PATH_OVERLAP,
        PATH_CONFLICT,
        OPERAND_COUNT,
        DISTINCT_OPERANDS,
        OPERAND_TYPE
    }

    /** A syntax error at a token; caught only inside the parsers. */
    static final class SyntaxError extends RuntimeException {
        private final int tokenIndex;

        private SyntaxError(int tokenIndex) {
            super(null, null, false, false);
            this.tokenIndex = tokenIndex;
        }
    }

    /** An operand before it is known where it is used: a function call may be an operand or a condition. */
    sealed interface Term {
        record OperandTerm(Operand operand) implements Term {}

        record CallTerm(String name, List<Term> arguments) implements Term {}
    }

    private static final int MAXIMUM_NESTING = 350;
    private static final int MAXIMUM_OPERATORS = 300;
    private static final int MAXIMUM_EXPRESSION_BYTES = 4096;
    static final Set<String> CONDITION_OPERATOR_SYMBOLS = Set.of("=", "<>", "<", "<=", ">", ">=");
    static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
    static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    /** Stands in for a part already noted as a problem; such a parse always ends in an error. */
    static final Operand.ValueOperand REJECTED_OPERAND = new Operand.ValueOperand("", new AttributeValue.NullValue());

    final ExpressionKind kind;
    final String source;
    final List<Token> tokens;
    final ExpressionAttributes attributes;
    private final Set<String> keywords;
    private final EnumMap<Problem, String> problems = new EnumMap<>(Problem.class);
    final Set<String> topLevelNames = new LinkedHashSet<>();
    int position;
    int nesting;

    ExpressionParser(ExpressionKind kind, String expression, ExpressionAttributes attributes, Set<String> keywords) {
        this.kind = kind;
        this.source = checkedSource(kind, expression);
        this.tokens = Tokenizer.tokenize(source);
        this.attributes = attributes;
        this.keywords = keywords;
    }

    /** Whether a token counts towards the limit on operators (function calls always do). */
    abstract boolean isOperator(Token token);

    /** The expression if it is neither empty nor too long; DynamoDB measures the raw text, before substitution. */
    private static String checkedSource(ExpressionKind kind, String expression) {
        if (expression == null || expression.isBlank()) {
            throw kind.invalid("The expression can not be empty;");
        }
        int size = expression.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAXIMUM_EXPRESSION_BYTES) {
            throw kind.invalid("Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        return expression;
    }

    /** Comparators, logical operators, arithmetic and function calls count towards DynamoDB's limit of 300. */
    private void countOperators() {
        int operators = 0;
        for (int index = 0; index < tokens.size() - 1; index++) {
            Token token = tokens.get(index);
            boolean functionCall = token.type() == Token.Type.IDENTIFIER
                    && tokens.get(index + 1).isSymbol("(")
                    && !isKeyword(token);
            if (functionCall || isOperator(token)) {
                operators++;
            }
        }
        if (operators > MAXIMUM_OPERATORS) {
            note(
                    Problem.TOO_MANY_OPERATORS,
                    "The expression contains too many operators; operator count: " + operators);
        }
    }

    <T> T parseWhole(Supplier<T> rule) {
        T result;
        try {
            result = rule.get();
            if (peek().type() != Token.Type.END) {
                throw syntaxError();
            }
        } catch (SyntaxError error) {
            throw kind.invalid(syntaxMessage(error.tokenIndex));
        }
        countOperators();
        if (!problems.isEmpty()) {
            throw kind.invalid(problems.values().iterator().next());
        }
        return result;
    }

    /** DynamoDB quotes the offending token and the text from the token before it to the token after it. */
    private String syntaxMessage(int tokenIndex) {
        Token token = tokens.get(tokenIndex);
        int start = tokens.get(Math.max(0, tokenIndex - 1)).start();
        int end = tokenIndex + 1 < tokens.size() ? tokens.get(tokenIndex + 1).end() : token.end();
        return "Syntax error; token: \"" + token.display() + "\", near: \"" + source.substring(start, end) + "\"";
    }

    /**
     * The token after the parenthesis that closes the one at the current position (END when none does): it tells a
     * parenthesised operand, as in {@code (a) = :v}, from a parenthesised condition without trying both.
     */
    Token tokenAfterClosing() {
        int depth = 0;
        for (int index = position; index < tokens.size() - 1; index++) {
            Token token = tokens.get(index);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0) {
                return tokens.get(index + 1);
            }
        }
        return tokens.getLast();
    }

    /** Deeply nested input would exhaust the stack; DynamoDB's own limits on expressions are far lower. */
    void enterNesting() {
        if (++nesting > MAXIMUM_NESTING) {
            throw syntaxError();
        }
    }

    boolean hasOperandCount(Term.CallTerm call, int expected) {
        if (call.arguments().size() == expected) {
            return true;
        }
        note(
                Problem.OPERAND_COUNT,
                "Incorrect number of operands for operator or function; operator or function: " + call.name()
                        + ", number of operands: " + call.arguments().size());
        return false;
    }

    /** The type of an operand known before evaluation, i.e. of a {@code :value}. */
    static Optional<String> literalType(Operand operand) {
        return operand instanceof Operand.ValueOperand(String name, AttributeValue value) && operand != REJECTED_OPERAND
                ? Optional.of(value.typeDescriptor())
                : Optional.empty();
    }

    // ---- operands and paths ----

    /** A term, possibly in parentheses; two pairs around one term are redundant. */
    Term parseTermInParentheses() {
        int opened = 0;
        while (peek().isSymbol("(")) {
            position++;
            opened++;
        }
        Term term = parseTerm();
        for (int closed = 0; closed < opened; closed++) {
            expectSymbol(")");
        }
        if (opened > 1) {
            note(Problem.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
        }
        return term;
    }

    Term parseTerm() {
        Token token = peek();
        if (token.type() == Token.Type.IDENTIFIER && peek(1).isSymbol("(") && !isKeyword(token)) {
            position += 2;
            enterNesting();
            try {
                List<Term> arguments = new ArrayList<>();
                do {
                    arguments.add(parseTermInParentheses());
                } while (consumeSymbol(","));
                expectSymbol(")");
                return new Term.CallTerm(token.text(), arguments);
            } finally {
                nesting--;
            }
        }
        if (token.type() == Token.Type.VALUE_PLACEHOLDER) {
            return new Term.OperandTerm(parseValue());
        }
        return new Term.OperandTerm(new Operand.PathOperand(parsePath()));
    }

    Operand.ValueOperand parseValue() {
        Token token = peek();
        if (token.type() != Token.Type.VALUE_PLACEHOLDER) {
            throw syntaxError();
        }
        position++;
        Optional<AttributeValue> value = attributes.useValue(token.text());
        if (value.isEmpty()) {
            note(
                    Problem.UNDEFINED_VALUE,
                    "An expression attribute value used in expression is not defined; attribute value: "
                            + token.text());
            return REJECTED_OPERAND;
        }
        return new Operand.ValueOperand(token.text(), value.get());
    }

    DocumentPath parsePath() {
        List<DocumentPath.Element> elements = new ArrayList<>();
        elements.add(new DocumentPath.Element.Key(parsePathName()));
        while (true) {
            if (consumeSymbol("[")) {
                Token index = peek();
                if (index.type() != Token.Type.NUMBER || index.text().length() > 9) {
                    throw syntaxError();
                }
                position++;
                expectSymbol("]");
                elements.add(new DocumentPath.Element.Index(Integer.parseInt(index.text())));
            } else if (consumeSymbol(".")) {
                elements.add(new DocumentPath.Element.Key(parsePathName()));
            } else {
                DocumentPath path = new DocumentPath(elements);
                topLevelNames.add(path.topLevelName());
                return path;
            }
        }
    }

    String parsePathName() {
        Token token = peek();
        if (token.type() == Token.Type.NAME_PLACEHOLDER) {
            position++;
            Optional<String> name = attributes.useName(token.text());
            if (name.isEmpty()) {
                note(
                        Problem.UNDEFINED_NAME,
                        "An expression attribute name used in the document path is not defined; attribute name: "
                                + token.text());
                return token.text();
            }
            return name.get();
        }
        if (token.type() != Token.Type.IDENTIFIER || isKeyword(token)) {
            throw syntaxError();
        }
        position++;
        if (ReservedWords.isReserved(token.text())) {
            note(Problem.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    boolean isKeyword(Token token) {
        for (String keyword : keywords) {
            if (token.isKeyword(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code path} to {@code paths}, noting it if it overlaps (one is a prefix of the other) or conflicts with one. */
    void checkOverlap(List<DocumentPath> paths, DocumentPath path) {
        for (DocumentPath earlier : paths) {
            List<DocumentPath.Element> first = earlier.elements();
            List<DocumentPath.Element> second = path.elements();
            int common = Math.min(first.size(), second.size());
            int index = 0;
            while (index < common && first.get(index).equals(second.get(index))) {
                index++;
            }
            String both = "must remove or rewrite one of these paths; path one: " + earlier.describe() + ", path two: "
                    + path.describe();
            if (index == common) {
                note(Problem.PATH_OVERLAP, "Two document paths overlap with each other; " + both);
            } else if (first.get(index).getClass() != second.get(index).getClass()) {
                note(Problem.PATH_CONFLICT, "Two document paths conflict with each other; " + both);
            }
        }
        paths.add(path);
    }

    // ---- tokens ----

    Token peek() {
        return peek(0);
    }

    Token peek(int offset) {
        return tokens.get(Math.min(position + offset, tokens.size() - 1));
    }

    boolean consumeSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    void expectSymbol(String symbol) {
        if (!consumeSymbol(symbol)) {
            throw syntaxError();
        }
    }

    void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw syntaxError();
        }
        position++;
    }

    SyntaxError syntaxError() {
        return new SyntaxError(Math.min(position, tokens.size() - 1));
    }

    void note(Problem problem, String message) {
        problems.putIfAbsent(problem, message);
    }
}
