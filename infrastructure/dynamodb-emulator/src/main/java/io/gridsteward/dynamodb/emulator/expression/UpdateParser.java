package io.gridsteward.dynamodb.emulator.expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The grammar of UpdateExpression: SET, REMOVE, ADD and DELETE sections. */
final class UpdateParser extends ExpressionParser {
    private static final Set<String> UPDATE_OPERATOR_SYMBOLS = Set.of("+", "-");
    private static final Set<String> UPDATE_KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");

    private UpdateParser(String expression, ExpressionAttributes attributes) {
        super(ExpressionKind.UPDATE, expression, attributes, UPDATE_KEYWORDS);
    }

    static List<UpdateAction> parse(String expression, ExpressionAttributes attributes) {
        UpdateParser parser = new UpdateParser(expression, attributes);
        return parser.parseWhole(parser::parseUpdateSections);
    }

    @Override
    boolean isOperator(Token token) {
        return token.type() == Token.Type.SYMBOL && UPDATE_OPERATOR_SYMBOLS.contains(token.text());
    }

    private List<UpdateAction> parseUpdateSections() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        List<DocumentPath> paths = new ArrayList<>();
        do {
            String section = UPDATE_KEYWORDS.stream()
                    .filter(peek()::isKeyword)
                    .findFirst()
                    .orElseThrow(this::syntaxError);
            position++;
            if (!sections.add(section)) {
                note(
                        Problem.REPEATED_SECTION,
                        "The \"" + section + "\" section can only be used once in an update expression;");
            }
            do {
                UpdateAction action = parseUpdateAction(section);
                checkOverlap(paths, action.path());
                actions.add(action);
            } while (consumeSymbol(","));
        } while (peek().type() != Token.Type.END);
        return actions;
    }

    private UpdateAction parseUpdateAction(String section) {
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

    private void checkAddOrDeleteOperand(String operator, Operand.ValueOperand value, Set<String> allowedTypes) {
        literalType(value)
                .filter(type -> !allowedTypes.contains(type))
                .ifPresent(type -> note(
                        Problem.OPERAND_TYPE,
                        "Incorrect operand type for operator or function; operator: " + operator + ", operand type: "
                                + longTypeName(type) + ", typeSet: ALLOWED_FOR_" + operator + "_OPERAND"));
    }

    private static String longTypeName(String type) {
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
    private Operand parseSetValue() {
        Token afterClosing = tokenAfterClosing();
        if (peek().isSymbol("(") && !afterClosing.isSymbol("+") && !afterClosing.isSymbol("-")) {
            position++;
            Operand inner = parseArithmetic();
            expectSymbol(")");
            return inner;
        }
        return parseArithmetic();
    }

    private Operand parseArithmetic() {
        Operand left = updateOperand(parseTermInParentheses());
        boolean plus = peek().isSymbol("+");
        if (!plus && !peek().isSymbol("-")) {
            return left;
        }
        position++;
        Operand right = updateOperand(parseTermInParentheses());
        String operator = plus ? "+" : "-";
        for (Operand operand : List.of(left, right)) {
            literalType(operand)
                    .filter(type -> !type.equals("N"))
                    .ifPresent(type -> note(
                            Problem.OPERAND_TYPE,
                            "Incorrect operand type for operator or function; operator or function: " + operator
                                    + ", operand type: " + type));
        }
        return new Operand.ArithmeticOperand(left, !plus, right);
    }

    private Operand updateOperand(Term term) {
        return switch (term) {
            case Term.OperandTerm(Operand operand) -> operand;
            case Term.CallTerm call
            when call.name().equals("if_not_exists") -> {
                if (!hasOperandCount(call, 2)) {
                    yield REJECTED_OPERAND;
                }
                Operand subject = updateOperand(call.arguments().get(0));
                Operand fallback = updateOperand(call.arguments().get(1));
                if (!(subject instanceof Operand.PathOperand(DocumentPath path))) {
                    note(
                            Problem.OPERAND_TYPE,
                            "Operator or function requires a document path; operator or function: if_not_exists");
                    yield REJECTED_OPERAND;
                }
                yield new Operand.IfNotExistsOperand(path, fallback);
            }
            case Term.CallTerm call
            when call.name().equals("list_append") -> {
                if (!hasOperandCount(call, 2)) {
                    yield REJECTED_OPERAND;
                }
                Operand first = updateOperand(call.arguments().get(0));
                Operand second = updateOperand(call.arguments().get(1));
                for (Operand operand : List.of(first, second)) {
                    literalType(operand)
                            .filter(type -> !type.equals("L"))
                            .ifPresent(type -> note(
                                    Problem.OPERAND_TYPE,
                                    "Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                                            + type));
                }
                yield new Operand.ListAppendOperand(first, second);
            }
            case Term.CallTerm(String name, List<Term> arguments) -> {
                arguments.forEach(this::updateOperand);
                if (CONDITION_FUNCTIONS.contains(name)) {
                    note(
                            Problem.MISUSED_FUNCTION,
                            "The function is not allowed in an update expression; function: " + name);
                } else {
                    note(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
                }
                yield REJECTED_OPERAND;
            }
        };
    }
}
