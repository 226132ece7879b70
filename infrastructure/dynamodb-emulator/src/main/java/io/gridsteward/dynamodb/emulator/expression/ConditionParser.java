package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.Numbers;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The grammar of ConditionExpression, FilterExpression and KeyConditionExpression. */
final class ConditionParser extends ExpressionParser {
    private record ConditionPart(ConditionNode node, boolean parenthesized) {}

    private static final int MAXIMUM_IN_OPERANDS = 100;
    private static final Set<String> ATTRIBUTE_TYPES =
            Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    private static final ConditionNode REJECTED_CONDITION =
            new ConditionNode.AttributeExists(new DocumentPath(List.of(new DocumentPath.Element.Key(""))));

    private ConditionParser(ExpressionKind kind, String expression, ExpressionAttributes attributes) {
        super(kind, expression, attributes, CONDITION_KEYWORDS);
    }

    static ParsedCondition parse(ExpressionKind kind, String expression, ExpressionAttributes attributes) {
        ConditionParser parser = new ConditionParser(kind, expression, attributes);
        ConditionNode root = parser.parseWhole(() -> parser.parseOr().node());
        return new ParsedCondition(root, parser.topLevelNames);
    }

    @Override
    boolean isOperator(Token token) {
        return token.type() == Token.Type.SYMBOL && CONDITION_OPERATOR_SYMBOLS.contains(token.text())
                || isKeyword(token);
    }

    private ConditionPart parseOr() {
        ConditionPart left = parseAnd();
        while (peek().isKeyword("OR")) {
            position++;
            left = new ConditionPart(
                    new ConditionNode.Or(left.node(), parseAnd().node()), false);
        }
        return left;
    }

    private ConditionPart parseAnd() {
        ConditionPart left = parseNot();
        while (peek().isKeyword("AND")) {
            position++;
            left = new ConditionPart(
                    new ConditionNode.And(left.node(), parseNot().node()), false);
        }
        return left;
    }

    private ConditionPart parseNot() {
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
    private ConditionPart parsePrimary() {
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

    private static boolean startsComparison(Token token) {
        return ConditionNode.Comparator.ofSymbol(token.text()).isPresent() && token.type() == Token.Type.SYMBOL
                || token.isKeyword("BETWEEN")
                || token.isKeyword("IN");
    }

    private ConditionNode parseComparison() {
        Term first = parseTermInParentheses();
        Token token = peek();
        Optional<ConditionNode.Comparator> comparator =
                token.type() == Token.Type.SYMBOL ? ConditionNode.Comparator.ofSymbol(token.text()) : Optional.empty();
        if (comparator.isPresent()) {
            position++;
            Operand left = conditionOperand(first);
            Operand right = conditionOperand(parseTermInParentheses());
            requireDistinct(comparator.get().symbol(), left, right);
            if (comparator.get() != ConditionNode.Comparator.EQUAL
                    && comparator.get() != ConditionNode.Comparator.NOT_EQUAL) {
                requireScalarLiterals(comparator.get().symbol(), left, right);
            }
            return new ConditionNode.Comparison(comparator.get(), left, right);
        }
        if (token.isKeyword("BETWEEN")) {
            position++;
            Operand subject = conditionOperand(first);
            Operand lower = conditionOperand(parseTermInParentheses());
            expectKeyword("AND");
            Operand upper = conditionOperand(parseTermInParentheses());
            requireScalarLiterals("BETWEEN", subject, lower, upper);
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
                note(
                        Problem.OPERAND_COUNT,
                        "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new ConditionNode.In(subject, candidates);
        }
        if (first instanceof Term.CallTerm call) {
            return conditionFunction(call);
        }
        throw syntaxError();
    }

    private ConditionNode conditionFunction(Term.CallTerm call) {
        String name = call.name();
        List<Term> arguments = call.arguments();
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!hasOperandCount(call, 1)) {
                    return REJECTED_CONDITION;
                }
                Operand operand = conditionOperand(arguments.getFirst());
                if (!(operand instanceof Operand.PathOperand(DocumentPath path))) {
                    note(
                            Problem.OPERAND_TYPE,
                            "Operator or function requires a document path; operator or function: " + name);
                    return REJECTED_CONDITION;
                }
                return name.equals("attribute_exists")
                        ? new ConditionNode.AttributeExists(path)
                        : new ConditionNode.AttributeNotExists(path);
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
                    literalType(operand)
                            .filter(type -> !type.equals("S") && !type.equals("B"))
                            .ifPresent(type -> note(
                                    Problem.OPERAND_TYPE,
                                    "Incorrect operand type for operator or function; operator or function: " + name
                                            + ", operand type: " + type));
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
                note(
                        Problem.MISUSED_FUNCTION,
                        "The function is not allowed to be used this way in an expression; function: size");
                return REJECTED_CONDITION;
            }
            default -> {
                conditionOperand(call);
                return REJECTED_CONDITION;
            }
        }
    }

    /** Ordering compares only strings, numbers and binaries: a constant of another type can never be ordered. */
    private void requireScalarLiterals(String operator, Operand... operands) {
        for (Operand operand : operands) {
            literalType(operand)
                    .filter(type -> !type.equals("S") && !type.equals("N") && !type.equals("B"))
                    .ifPresent(type -> note(
                            Problem.OPERAND_TYPE,
                            "Incorrect operand type for operator or function; operator or function: " + operator
                                    + ", operand type: " + type));
        }
    }

    private void checkAttributeTypeOperand(Operand type) {
        if (type instanceof Operand.PathOperand) {
            note(
                    Problem.OPERAND_TYPE,
                    "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: a document path");
            return;
        }
        Optional<String> literal = literalType(type);
        if (literal.isEmpty()) {
            return;
        }
        if (!literal.get().equals("S")) {
            note(
                    Problem.OPERAND_TYPE,
                    "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                            + literal.get());
            return;
        }
        String typeName = ((AttributeValue.StringValue) ((Operand.ValueOperand) type).value()).value();
        if (!ATTRIBUTE_TYPES.contains(typeName)) {
            note(
                    Problem.OPERAND_TYPE,
                    "Invalid attribute type name found; type: " + typeName
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
    }

    /** An operand of a comparison or condition function: a path, a value or {@code size(path)}. */
    private Operand conditionOperand(Term term) {
        return switch (term) {
            case Term.OperandTerm(Operand operand) -> operand;
            case Term.CallTerm call
            when call.name().equals("size") -> {
                if (!hasOperandCount(call, 1)) {
                    yield REJECTED_OPERAND;
                }
                Operand argument = conditionOperand(call.arguments().getFirst());
                literalType(argument)
                        .filter(type -> type.equals("N") || type.equals("BOOL") || type.equals("NULL"))
                        .ifPresent(type -> note(
                                Problem.OPERAND_TYPE,
                                "Incorrect operand type for operator or function; operator or function: size, operand type: "
                                        + type));
                if (!(argument instanceof Operand.PathOperand(DocumentPath path))) {
                    note(
                            Problem.OPERAND_TYPE,
                            "Operator or function requires a document path; operator or function: size");
                    yield REJECTED_OPERAND;
                }
                yield new Operand.SizeOperand(path);
            }
            case Term.CallTerm(String name, List<Term> arguments) -> {
                arguments.forEach(this::conditionOperand);
                if (CONDITION_FUNCTIONS.contains(name)) {
                    note(
                            Problem.MISUSED_FUNCTION,
                            "The function is not allowed to be used this way in an expression; function: " + name);
                } else if (UPDATE_FUNCTIONS.contains(name)) {
                    note(
                            Problem.MISUSED_FUNCTION,
                            "The function is not allowed in a condition expression; function: " + name);
                } else {
                    note(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
                }
                yield REJECTED_OPERAND;
            }
        };
    }

    private void requireDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.PathOperand(DocumentPath path)
                && second instanceof Operand.PathOperand(DocumentPath other)
                && path.equals(other)) {
            note(
                    Problem.DISTINCT_OPERANDS,
                    "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                            + operator + ", first operand: " + path.describe());
        }
    }

    private void checkBetweenBounds(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.ValueOperand(String lowerName, AttributeValue lowerValue))
                || !(upper instanceof Operand.ValueOperand(String upperName, AttributeValue upperValue))) {
            return;
        }
        String bounds = "lower bound operand: AttributeValue: {" + describeValue(lowerValue)
                + "}, upper bound operand: AttributeValue: {" + describeValue(upperValue) + "}";
        if (!lowerValue.typeDescriptor().equals(upperValue.typeDescriptor())) {
            note(
                    Problem.OPERAND_TYPE,
                    "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (ScalarOrder.comparable(lowerValue, upperValue) && ScalarOrder.compare(lowerValue, upperValue) > 0) {
            note(
                    Problem.OPERAND_TYPE,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private static String describeValue(AttributeValue value) {
        String content = switch (value) {
            case AttributeValue.StringValue(String text) -> text;
            case AttributeValue.NumberValue(var number) -> Numbers.toWire(number);
            case AttributeValue.BinaryValue(var bytes) -> bytes.toBase64();
            default -> value.toString();
        };
        return value.typeDescriptor() + ":" + content;
    }
}
