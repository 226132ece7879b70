package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.Numbers;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for DynamoDB's condition, update and projection grammars. Syntax errors stop the parse at
 * once; every other problem is noted and the parse goes on, so that the most important problem is reported, in the
 * order DynamoDB reports them.
 */
final class ExpressionParser
{
    /** Problems in the order of precedence DynamoDB reports them. */
    private enum Problem
    {
        TOO_MANY_OPERATORS, REDUNDANT_PARENTHESES, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, REPEATED_SECTION, UNDEFINED_NAME,
        UNDEFINED_VALUE, PATH_OVERLAP, PATH_CONFLICT, OPERAND_COUNT, DISTINCT_OPERANDS, OPERAND_TYPE
    }

    /** A syntax error at a token; caught only inside this parser. */
    private static final class SyntaxError extends RuntimeException
    {
        private final int tokenIndex;

        private SyntaxError(int tokenIndex)
        {
            super(null, null, false, false);
            this.tokenIndex = tokenIndex;
        }
    }

    /** An operand before it is known where it is used: a function call may be an operand or a condition. */
    private sealed interface Term
    {
        record OperandTerm(Operand operand) implements Term {}

        record CallTerm(String name, List<Term> arguments) implements Term {}
    }

    private record ConditionPart(ConditionNode node, boolean parenthesized) {}

    private static final int MAXIMUM_IN_OPERANDS = 100;
    private static final int MAXIMUM_NESTING = 350;
    private static final int MAXIMUM_OPERATORS = 300;
    private static final int MAXIMUM_EXPRESSION_BYTES = 4096;
    private static final Set<String> CONDITION_OPERATOR_SYMBOLS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> UPDATE_OPERATOR_SYMBOLS = Set.of("+", "-");
    private static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> UPDATE_KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of(
            "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> ATTRIBUTE_TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    /** Stands in for a part already noted as a problem; such a parse always ends in an error. */
    private static final Operand.ValueOperand REJECTED_OPERAND = new Operand.ValueOperand("", new AttributeValue.NullValue());
    private static final ConditionNode REJECTED_CONDITION = new ConditionNode.AttributeExists(
            new DocumentPath(List.of(new DocumentPath.Element.Key(""))));

    private final ExpressionKind kind;
    private final String source;
    private final List<Token> tokens;
    private final ExpressionAttributes attributes;
    private final Set<String> keywords;
    private final EnumMap<Problem, String> problems = new EnumMap<>(Problem.class);
    private final Set<String> topLevelNames = new LinkedHashSet<>();
    private int position;
    private int nesting;

    private ExpressionParser(ExpressionKind kind, String source, ExpressionAttributes attributes)
    {
        this.kind = kind;
        this.source = source;
        this.tokens = Tokenizer.tokenize(source);
        this.attributes = attributes;
        this.keywords = kind == ExpressionKind.UPDATE ? UPDATE_KEYWORDS : CONDITION_KEYWORDS;
    }

    static ParsedCondition parseCondition(ExpressionKind kind, String expression, ExpressionAttributes attributes)
    {
        ExpressionParser parser = new ExpressionParser(kind, checkedSource(kind, expression), attributes);
        ConditionNode root = parser.parseWhole(() -> parser.parseOr().node());
        return new ParsedCondition(root, parser.topLevelNames);
    }

    static List<UpdateAction> parseUpdate(String expression, ExpressionAttributes attributes)
    {
        ExpressionParser parser = new ExpressionParser(ExpressionKind.UPDATE, checkedSource(ExpressionKind.UPDATE, expression), attributes);
        return parser.parseWhole(parser::parseUpdateSections);
    }

    static List<DocumentPath> parseProjection(String expression, ExpressionAttributes attributes)
    {
        ExpressionParser parser = new ExpressionParser(ExpressionKind.PROJECTION, checkedSource(ExpressionKind.PROJECTION, expression), attributes);
        return parser.parseWhole(parser::parseProjectionPaths);
    }

    /** The expression if it is neither empty nor too long; DynamoDB measures the raw text, before substitution. */
    private static String checkedSource(ExpressionKind kind, String expression)
    {
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
    private void countOperators()
    {
        int operators = 0;
        for (int index = 0; index < tokens.size() - 1; index++) {
            Token token = tokens.get(index);
            boolean functionCall = token.type() == Token.Type.IDENTIFIER && tokens.get(index + 1).isSymbol("(") && !isKeyword(token);
            boolean operator = kind == ExpressionKind.UPDATE
                    ? token.type() == Token.Type.SYMBOL && UPDATE_OPERATOR_SYMBOLS.contains(token.text())
                    : token.type() == Token.Type.SYMBOL && CONDITION_OPERATOR_SYMBOLS.contains(token.text()) || isKeyword(token);
            if (functionCall || operator) {
                operators++;
            }
        }
        if (operators > MAXIMUM_OPERATORS) {
            note(Problem.TOO_MANY_OPERATORS, "The expression contains too many operators; operator count: " + operators);
        }
    }

    private <T> T parseWhole(Supplier<T> rule)
    {
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
    private String syntaxMessage(int tokenIndex)
    {
        Token token = tokens.get(tokenIndex);
        int start = tokens.get(Math.max(0, tokenIndex - 1)).start();
        int end = tokenIndex + 1 < tokens.size() ? tokens.get(tokenIndex + 1).end() : token.end();
        return "Syntax error; token: \"" + token.display() + "\", near: \"" + source.substring(start, end) + "\"";
    }

    // ---- conditions ----

    private ConditionPart parseOr()
    {
        ConditionPart left = parseAnd();
        while (peek().isKeyword("OR")) {
            position++;
            left = new ConditionPart(new ConditionNode.Or(left.node(), parseAnd().node()), false);
        }
        return left;
    }

    private ConditionPart parseAnd()
    {
        ConditionPart left = parseNot();
        while (peek().isKeyword("AND")) {
            position++;
            left = new ConditionPart(new ConditionNode.And(left.node(), parseNot().node()), false);
        }
        return left;
    }

    private ConditionPart parseNot()
    {
        if (peek().isKeyword("NOT")) {
            position++;
            enterNesting();
            try {
                return new ConditionPart(new ConditionNode.Not(parseNot().node()), false);
            } finally {
                nesting--;
            }
        }
        return parsePrimary();
    }

    /** A parenthesised condition, or a comparison or function whose first operand may itself be parenthesised. */
    private ConditionPart parsePrimary()
    {
        enterNesting();
        try {
            if (peek().isSymbol("(") && !startsComparison(tokenAfterClosing())) {
                position++;
                ConditionPart inner = parseOr();
                expectSymbol(")");
                if (inner.parenthesized()) {
                    note(Problem.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
                }
                return new ConditionPart(inner.node(), true);
            }
            return new ConditionPart(parseComparison(), false);
        } finally {
            nesting--;
        }
    }

    /**
     * The token after the parenthesis that closes the one at the current position (END when none does): it tells a
     * parenthesised operand, as in {@code (a) = :v}, from a parenthesised condition without trying both.
     */
    private Token tokenAfterClosing()
    {
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
    private void enterNesting()
    {
        if (++nesting > MAXIMUM_NESTING) {
            throw syntaxError();
        }
    }

    private static boolean startsComparison(Token token)
    {
        return ConditionNode.Comparator.ofSymbol(token.text()).isPresent() && token.type() == Token.Type.SYMBOL
                || token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }

    private ConditionNode parseComparison()
    {
        Term first = parseTermInParentheses();
        Token token = peek();
        Optional<ConditionNode.Comparator> comparator = token.type() == Token.Type.SYMBOL
                ? ConditionNode.Comparator.ofSymbol(token.text()) : Optional.empty();
        if (comparator.isPresent()) {
            position++;
            Operand left = conditionOperand(first);
            Operand right = conditionOperand(parseTermInParentheses());
            requireDistinct(comparator.get().symbol(), left, right);
            return new ConditionNode.Comparison(comparator.get(), left, right);
        }
        if (token.isKeyword("BETWEEN")) {
            position++;
            Operand subject = conditionOperand(first);
            Operand lower = conditionOperand(parseTermInParentheses());
            expectKeyword("AND");
            Operand upper = conditionOperand(parseTermInParentheses());
            checkBetweenBounds(lower, upper);
            return new ConditionNode.Between(subject, lower, upper);
        }
        if (token.isKeyword("IN")) {
            position++;
            Operand subject = conditionOperand(first);
            expectSymbol("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(conditionOperand(parseTermInParentheses()));
            } while (consumeSymbol(","));
            expectSymbol(")");
            if (candidates.size() > MAXIMUM_IN_OPERANDS) {
                note(Problem.OPERAND_COUNT, "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new ConditionNode.In(subject, candidates);
        }
        if (first instanceof Term.CallTerm call) {
            return conditionFunction(call);
        }
        throw syntaxError();
    }

    private ConditionNode conditionFunction(Term.CallTerm call)
    {
        String name = call.name();
        List<Term> arguments = call.arguments();
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!hasOperandCount(call, 1)) {
                    return REJECTED_CONDITION;
                }
                Operand operand = conditionOperand(arguments.getFirst());
                if (!(operand instanceof Operand.PathOperand(DocumentPath path))) {
                    note(Problem.OPERAND_TYPE, "Operator or function requires a document path; operator or function: " + name);
                    return REJECTED_CONDITION;
                }
                return name.equals("attribute_exists") ? new ConditionNode.AttributeExists(path) : new ConditionNode.AttributeNotExists(path);
            }
            case "attribute_type" -> {
                if (!hasOperandCount(call, 2)) {
                    return REJECTED_CONDITION;
                }
                Operand subject = conditionOperand(arguments.get(0));
                Operand type = conditionOperand(arguments.get(1));
                checkAttributeTypeOperand(type);
                return new ConditionNode.AttributeType(subject, type);
            }
            case "begins_with" -> {
                if (!hasOperandCount(call, 2)) {
                    return REJECTED_CONDITION;
                }
                Operand subject = conditionOperand(arguments.get(0));
                Operand prefix = conditionOperand(arguments.get(1));
                requireDistinct(name, subject, prefix);
                for (Operand operand : List.of(subject, prefix)) {
                    literalType(operand).filter(type -> !type.equals("S") && !type.equals("B")).ifPresent(type -> note(Problem.OPERAND_TYPE,
                            "Incorrect operand type for operator or function; operator or function: " + name + ", operand type: " + type));
                }
                return new ConditionNode.BeginsWith(subject, prefix);
            }
            case "contains" -> {
                if (!hasOperandCount(call, 2)) {
                    return REJECTED_CONDITION;
                }
                Operand subject = conditionOperand(arguments.get(0));
                Operand operand = conditionOperand(arguments.get(1));
                requireDistinct(name, subject, operand);
                return new ConditionNode.Contains(subject, operand);
            }
            case "size" -> {
                conditionOperand(call);
                note(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: size");
                return REJECTED_CONDITION;
            }
            default -> {
                conditionOperand(call);
                return REJECTED_CONDITION;
            }
        }
    }

    private void checkAttributeTypeOperand(Operand type)
    {
        Optional<String> literal = literalType(type);
        if (literal.isEmpty()) {
            return;
        }
        if (!literal.get().equals("S")) {
            note(Problem.OPERAND_TYPE, "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: " + literal.get());
            return;
        }
        String typeName = ((AttributeValue.StringValue) ((Operand.ValueOperand) type).value()).value();
        if (!ATTRIBUTE_TYPES.contains(typeName)) {
            note(Problem.OPERAND_TYPE, "Invalid attribute type name found; type: " + typeName + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
    }

    /** An operand of a comparison or condition function: a path, a value or {@code size(path)}. */
    private Operand conditionOperand(Term term)
    {
        return switch (term) {
            case Term.OperandTerm(Operand operand) -> operand;
            case Term.CallTerm call when call.name().equals("size") -> {
                if (!hasOperandCount(call, 1)) {
                    yield REJECTED_OPERAND;
                }
                Operand argument = conditionOperand(call.arguments().getFirst());
                literalType(argument).filter(type -> type.equals("N") || type.equals("BOOL") || type.equals("NULL")).ifPresent(type -> note(
                        Problem.OPERAND_TYPE, "Incorrect operand type for operator or function; operator or function: size, operand type: " + type));
                if (!(argument instanceof Operand.PathOperand(DocumentPath path))) {
                    note(Problem.OPERAND_TYPE, "Operator or function requires a document path; operator or function: size");
                    yield REJECTED_OPERAND;
                }
                yield new Operand.SizeOperand(path);
            }
            case Term.CallTerm(String name, List<Term> arguments) -> {
                arguments.forEach(this::conditionOperand);
                if (CONDITION_FUNCTIONS.contains(name)) {
                    note(Problem.MISUSED_FUNCTION, "The function is not allowed to be used this way in an expression; function: " + name);
                } else if (UPDATE_FUNCTIONS.contains(name)) {
                    note(Problem.MISUSED_FUNCTION, "The function is not allowed in a condition expression; function: " + name);
                } else {
                    note(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
                }
                yield REJECTED_OPERAND;
            }
        };
    }

    private boolean hasOperandCount(Term.CallTerm call, int expected)
    {
        if (call.arguments().size() == expected) {
            return true;
        }
        note(Problem.OPERAND_COUNT, "Incorrect number of operands for operator or function; operator or function: "
                + call.name() + ", number of operands: " + call.arguments().size());
        return false;
    }

    private void requireDistinct(String operator, Operand first, Operand second)
    {
        if (first instanceof Operand.PathOperand(DocumentPath path) && second instanceof Operand.PathOperand(DocumentPath other) && path.equals(other)) {
            note(Problem.DISTINCT_OPERANDS, "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                    + operator + ", first operand: " + path.describe());
        }
    }

    private void checkBetweenBounds(Operand lower, Operand upper)
    {
        if (!(lower instanceof Operand.ValueOperand(String lowerName, AttributeValue lowerValue))
                || !(upper instanceof Operand.ValueOperand(String upperName, AttributeValue upperValue))) {
            return;
        }
        String bounds = "lower bound operand: AttributeValue: {" + describeValue(lowerValue) + "}, upper bound operand: AttributeValue: {"
                + describeValue(upperValue) + "}";
        if (!lowerValue.typeDescriptor().equals(upperValue.typeDescriptor())) {
            note(Problem.OPERAND_TYPE, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (ScalarOrder.comparable(lowerValue, upperValue) && ScalarOrder.compare(lowerValue, upperValue) > 0) {
            note(Problem.OPERAND_TYPE, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private static String describeValue(AttributeValue value)
    {
        String content = switch (value) {
            case AttributeValue.StringValue(String text) -> text;
            case AttributeValue.NumberValue(var number) -> Numbers.toWire(number);
            case AttributeValue.BinaryValue(var bytes) -> bytes.toBase64();
            default -> value.toString();
        };
        return value.typeDescriptor() + ":" + content;
    }

    /** The type of an operand known before evaluation, i.e. of a {@code :value}. */
    private static Optional<String> literalType(Operand operand)
    {
        return operand instanceof Operand.ValueOperand(String name, AttributeValue value) && operand != REJECTED_OPERAND
                ? Optional.of(value.typeDescriptor()) : Optional.empty();
    }

    // ---- operands and paths ----

    /** A term, possibly in parentheses; two pairs around one term are redundant. */
    private Term parseTermInParentheses()
    {
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

    private Term parseTerm()
    {
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

    private Operand.ValueOperand parseValue()
    {
        Token token = peek();
        if (token.type() != Token.Type.VALUE_PLACEHOLDER) {
            throw syntaxError();
        }
        position++;
        Optional<AttributeValue> value = attributes.useValue(token.text());
        if (value.isEmpty()) {
            note(Problem.UNDEFINED_VALUE, "An expression attribute value used in expression is not defined; attribute value: " + token.text());
            return REJECTED_OPERAND;
        }
        return new Operand.ValueOperand(token.text(), value.get());
    }

    private DocumentPath parsePath()
    {
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

    private String parsePathName()
    {
        Token token = peek();
        if (token.type() == Token.Type.NAME_PLACEHOLDER) {
            position++;
            Optional<String> name = attributes.useName(token.text());
            if (name.isEmpty()) {
                note(Problem.UNDEFINED_NAME, "An expression attribute name used in the document path is not defined; attribute name: " + token.text());
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

    private boolean isKeyword(Token token)
    {
        for (String keyword : keywords) {
            if (token.isKeyword(keyword)) {
                return true;
            }
        }
        return false;
    }

    // ---- updates ----

    private List<UpdateAction> parseUpdateSections()
    {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        List<DocumentPath> paths = new ArrayList<>();
        do {
            String section = UPDATE_KEYWORDS.stream().filter(peek()::isKeyword).findFirst().orElseThrow(this::syntaxError);
            position++;
            if (!sections.add(section)) {
                note(Problem.REPEATED_SECTION, "The \"" + section + "\" section can only be used once in an update expression;");
            }
            do {
                UpdateAction action = parseUpdateAction(section);
                checkOverlap(paths, action.path());
                actions.add(action);
            } while (consumeSymbol(","));
        } while (peek().type() != Token.Type.END);
        return actions;
    }

    private UpdateAction parseUpdateAction(String section)
    {
        DocumentPath path = parsePath();
        return switch (section) {
            case "SET" -> {
                expectSymbol("=");
                yield new UpdateAction.Set(path, parseSetValue());
            }
            case "REMOVE" -> new UpdateAction.Remove(path);
            case "ADD" -> {
                Operand.ValueOperand value = parseValue();
                checkAddOrDeleteOperand("ADD", value, Set.of("N", "SS", "NS", "BS"));
                yield new UpdateAction.Add(path, value.value());
            }
            case "DELETE" -> {
                Operand.ValueOperand value = parseValue();
                checkAddOrDeleteOperand("DELETE", value, Set.of("SS", "NS", "BS"));
                yield new UpdateAction.Delete(path, value.value());
            }
            default -> throw new IllegalStateException("unknown section " + section);
        };
    }

    private void checkAddOrDeleteOperand(String operator, Operand.ValueOperand value, Set<String> allowedTypes)
    {
        literalType(value).filter(type -> !allowedTypes.contains(type)).ifPresent(type -> note(Problem.OPERAND_TYPE,
                "Incorrect operand type for operator or function; operator: " + operator + ", operand type: " + longTypeName(type)
                        + ", typeSet: ALLOWED_FOR_" + operator + "_OPERAND"));
    }

    private static String longTypeName(String type)
    {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }

    /** The right-hand side of SET: an operand, or two joined by + or -, possibly in one pair of parentheses. */
    private Operand parseSetValue()
    {
        Token afterClosing = tokenAfterClosing();
        if (peek().isSymbol("(") && !afterClosing.isSymbol("+") && !afterClosing.isSymbol("-")) {
            position++;
            Operand inner = parseArithmetic();
            expectSymbol(")");
            return inner;
        }
        return parseArithmetic();
    }

    private Operand parseArithmetic()
    {
        Operand left = updateOperand(parseTermInParentheses());
        boolean plus = peek().isSymbol("+");
        if (!plus && !peek().isSymbol("-")) {
            return left;
        }
        position++;
        Operand right = updateOperand(parseTermInParentheses());
        String operator = plus ? "+" : "-";
        for (Operand operand : List.of(left, right)) {
            literalType(operand).filter(type -> !type.equals("N")).ifPresent(type -> note(Problem.OPERAND_TYPE,
                    "Incorrect operand type for operator or function; operator or function: " + operator + ", operand type: " + type));
        }
        return new Operand.ArithmeticOperand(left, !plus, right);
    }

    private Operand updateOperand(Term term)
    {
        return switch (term) {
            case Term.OperandTerm(Operand operand) -> operand;
            case Term.CallTerm call when call.name().equals("if_not_exists") -> {
                if (!hasOperandCount(call, 2)) {
                    yield REJECTED_OPERAND;
                }
                Operand subject = updateOperand(call.arguments().get(0));
                Operand fallback = updateOperand(call.arguments().get(1));
                if (!(subject instanceof Operand.PathOperand(DocumentPath path))) {
                    note(Problem.OPERAND_TYPE, "Operator or function requires a document path; operator or function: if_not_exists");
                    yield REJECTED_OPERAND;
                }
                yield new Operand.IfNotExistsOperand(path, fallback);
            }
            case Term.CallTerm call when call.name().equals("list_append") -> {
                if (!hasOperandCount(call, 2)) {
                    yield REJECTED_OPERAND;
                }
                Operand first = updateOperand(call.arguments().get(0));
                Operand second = updateOperand(call.arguments().get(1));
                for (Operand operand : List.of(first, second)) {
                    literalType(operand).filter(type -> !type.equals("L")).ifPresent(type -> note(Problem.OPERAND_TYPE,
                            "Incorrect operand type for operator or function; operator or function: list_append, operand type: " + type));
                }
                yield new Operand.ListAppendOperand(first, second);
            }
            case Term.CallTerm(String name, List<Term> arguments) -> {
                arguments.forEach(this::updateOperand);
                if (CONDITION_FUNCTIONS.contains(name)) {
                    note(Problem.MISUSED_FUNCTION, "The function is not allowed in an update expression; function: " + name);
                } else {
                    note(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
                }
                yield REJECTED_OPERAND;
            }
        };
    }

    // ---- projections ----

    private List<DocumentPath> parseProjectionPaths()
    {
        List<DocumentPath> paths = new ArrayList<>();
        do {
            checkOverlap(paths, parsePath());
        } while (consumeSymbol(","));
        return paths;
    }

    /** Adds {@code path} to {@code paths}, noting it if it overlaps (one is a prefix of the other) or conflicts with one. */
    private void checkOverlap(List<DocumentPath> paths, DocumentPath path)
    {
        for (DocumentPath earlier : paths) {
            List<DocumentPath.Element> first = earlier.elements();
            List<DocumentPath.Element> second = path.elements();
            int common = Math.min(first.size(), second.size());
            int index = 0;
            while (index < common && first.get(index).equals(second.get(index))) {
                index++;
            }
            String both = "must remove or rewrite one of these paths; path one: " + earlier.describe() + ", path two: " + path.describe();
            if (index == common) {
                note(Problem.PATH_OVERLAP, "Two document paths overlap with each other; " + both);
            } else if (first.get(index).getClass() != second.get(index).getClass()) {
                note(Problem.PATH_CONFLICT, "Two document paths conflict with each other; " + both);
            }
        }
        paths.add(path);
    }

    // ---- tokens ----

    private Token peek()
    {
        return peek(0);
    }

    private Token peek(int offset)
    {
        return tokens.get(Math.min(position + offset, tokens.size() - 1));
    }

    private boolean consumeSymbol(String symbol)
    {
        if (peek().isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol)
    {
        if (!consumeSymbol(symbol)) {
            throw syntaxError();
        }
    }

    private void expectKeyword(String keyword)
    {
        if (!peek().isKeyword(keyword)) {
            throw syntaxError();
        }
        position++;
    }

    private SyntaxError syntaxError()
    {
        return new SyntaxError(Math.min(position, tokens.size() - 1));
    }

    private void note(Problem problem, String message)
    {
        problems.putIfAbsent(problem, message);
    }
}
