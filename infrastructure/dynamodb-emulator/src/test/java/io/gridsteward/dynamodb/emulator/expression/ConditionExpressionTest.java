package io.gridsteward.dynamodb.emulator.expression;

import static io.gridsteward.dynamodb.emulator.expression.Values.attributes;
import static io.gridsteward.dynamodb.emulator.expression.Values.b;
import static io.gridsteward.dynamodb.emulator.expression.Values.bool;
import static io.gridsteward.dynamodb.emulator.expression.Values.item;
import static io.gridsteward.dynamodb.emulator.expression.Values.list;
import static io.gridsteward.dynamodb.emulator.expression.Values.map;
import static io.gridsteward.dynamodb.emulator.expression.Values.n;
import static io.gridsteward.dynamodb.emulator.expression.Values.ns;
import static io.gridsteward.dynamodb.emulator.expression.Values.nul;
import static io.gridsteward.dynamodb.emulator.expression.Values.s;
import static io.gridsteward.dynamodb.emulator.expression.Values.ss;
import static io.gridsteward.dynamodb.emulator.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionExpressionTest {
    private static final Map<String, AttributeValue> ITEM = item(
            "pk", s("user#1"),
            "age", n("42"),
            "name", s("Ada"),
            "tags", ss("red", "blue"),
            "scores", ns("1", "2.5"),
            "payload", b(1, 2, 3),
            "active", bool(true),
            "nothing", nul(),
            "address", map("city", s("Paris"), "zip", n("75001"), "street", list(s("one"), s("two"))),
            "history", list(n("1"), map("stamp", n("10")), s("x")));

    private static boolean holds(String expression, ExpressionAttributes attributes) {
        return Expressions.parseCondition(expression, attributes).test(ITEM);
    }

    private static boolean holds(String expression, Object... placeholdersAndValues) {
        return holds(expression, values(placeholdersAndValues));
    }

    private static String error(String expression, ExpressionAttributes attributes) {
        try {
            Expressions.parseCondition(expression, attributes);
        } catch (ExpressionException exception) {
            return exception.getMessage();
        }
        throw new AssertionError("expected an ExpressionException for " + expression);
    }

    @Test
    void attributeNotExistsIsTrueOnlyForMissingAttributes() {
        assertThat(holds("attribute_not_exists(pk)")).isFalse();
        assertThat(holds("attribute_not_exists(absent)")).isTrue();
        assertThat(holds("attribute_exists(pk)")).isTrue();
        assertThat(holds("attribute_exists(address.city)")).isTrue();
        assertThat(holds("attribute_exists(address.country)")).isFalse();
        assertThat(holds("attribute_exists(history[1].stamp)")).isTrue();
        assertThat(holds("attribute_exists(history[3])")).isFalse();
    }

    @Test
    void equalityComparesTypeAndValueWithCanonicalNumbers() {
        assertThat(holds("age = :v", ":v", n("42.0"))).isTrue();
        assertThat(holds("age = :v", ":v", s("42"))).isFalse();
        assertThat(holds("tags = :v", ":v", ss("blue", "red"))).isTrue();
        assertThat(holds("address.city = :v", ":v", s("Paris"))).isTrue();
        assertThat(holds("absent = :v", ":v", s("x"))).isFalse();
    }

    @Test
    void notEqualIsTrueForMissingAttributesAndOtherTypes() {
        assertThat(holds("age <> :v", ":v", n("42"))).isFalse();
        assertThat(holds("age <> :v", ":v", n("43"))).isTrue();
        assertThat(holds("age <> :v", ":v", s("42"))).isTrue();
        assertThat(holds("absent <> :v", ":v", s("x"))).isTrue();
    }

    @Test
    void orderingComparesNumbersStringsAndBinariesAndIsFalseAcrossTypes() {
        assertThat(holds("age < :v", ":v", n("100"))).isTrue();
        assertThat(holds("age <= :v", ":v", n("42"))).isTrue();
        assertThat(holds("age > :v", ":v", n("42"))).isFalse();
        assertThat(holds("age >= :v", ":v", n("-1E+3"))).isTrue();
        assertThat(holds("#n > :v", attributes(Map.of("#n", "name"), ":v", s("Ab"))))
                .isTrue();
        assertThat(holds("payload < :v", ":v", b(1, 2, 4))).isTrue();
        assertThat(holds("age < :v", ":v", s("100"))).isFalse();
        assertThat(holds("age > :v", ":v", s("1"))).isFalse();
        assertThat(holds("absent < :v", ":v", n("1"))).isFalse();
        assertThat(holds("tags < :v", ":v", n("1"))).isFalse();
    }

    @Test
    void orderingAgainstAConstantThatCannotBeOrderedIsInvalid() {
        assertThatThrownBy(() -> holds("tags < :v", ":v", ss("z")))
                .isInstanceOf(ExpressionException.class)
                .hasMessage(
                        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: SS");
        assertThatThrownBy(() ->
                        holds("age BETWEEN :low AND :high", attributes(Map.of(), ":low", ss("a"), ":high", ss("b"))))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("operator or function: BETWEEN, operand type: SS");
    }

    @Test
    void betweenIsInclusive() {
        assertThat(holds("age BETWEEN :low AND :high", ":low", n("42"), ":high", n("50")))
                .isTrue();
        assertThat(holds("age between :low and :high", ":low", n("1"), ":high", n("42")))
                .isTrue();
        assertThat(holds("age BETWEEN :low AND :high", ":low", n("43"), ":high", n("50")))
                .isFalse();
        assertThat(holds("age BETWEEN :low AND :high", ":low", s("a"), ":high", s("z")))
                .isFalse();
    }

    @Test
    void inMatchesAnyCandidate() {
        assertThat(holds("age IN (:a, :b)", ":a", n("1"), ":b", n("42"))).isTrue();
        assertThat(holds("age IN (:a)", ":a", n("1"))).isFalse();
        assertThat(holds("absent IN (:a)", ":a", n("1"))).isFalse();
    }

    @Test
    void booleanOperatorsFollowDynamoPrecedence() {
        // NOT binds tighter than AND, AND tighter than OR.
        assertThat(holds("age = :yes OR age = :no AND age = :no", ":yes", n("42"), ":no", n("0")))
                .isTrue();
        assertThat(holds("(age = :yes OR age = :no) AND age = :no", ":yes", n("42"), ":no", n("0")))
                .isFalse();
        assertThat(holds("NOT age = :no AND age = :yes", ":yes", n("42"), ":no", n("0")))
                .isTrue();
        assertThat(holds("NOT (age = :yes AND age = :no)", ":yes", n("42"), ":no", n("0")))
                .isTrue();
        assertThat(holds("attribute_not_exists(pk) OR age = :yes", ":yes", n("42")))
                .isTrue();
        assertThat(holds("attribute_exists(pk) and not attribute_exists(absent)"))
                .isTrue();
    }

    @Test
    void parenthesisedOperandsAreAccepted() {
        assertThat(holds("(age) = :v", ":v", n("42"))).isTrue();
        assertThat(holds("(age = :v)", ":v", n("42"))).isTrue();
        assertThat(holds("((age) = :v) AND (size(tags) = :two)", ":v", n("42"), ":two", n("2")))
                .isTrue();
    }

    @Test
    void functionsEvaluateAsDocumented() {
        assertThat(holds("attribute_type(age, :t)", ":t", s("N"))).isTrue();
        assertThat(holds("attribute_type(tags, :t)", ":t", s("SS"))).isTrue();
        assertThat(holds("attribute_type(nothing, :t)", ":t", s("NULL"))).isTrue();
        assertThat(holds("attribute_type(absent, :t)", ":t", s("S"))).isFalse();
        assertThat(holds("begins_with(pk, :p)", ":p", s("user#"))).isTrue();
        assertThat(holds("begins_with(pk, :p)", ":p", s("order#"))).isFalse();
        assertThat(holds("begins_with(payload, :p)", ":p", b(1, 2))).isTrue();
        assertThat(holds("begins_with(age, :p)", ":p", s("4"))).isFalse();
        assertThat(holds("contains(#n, :p)", attributes(Map.of("#n", "name"), ":p", s("d"))))
                .isTrue();
        assertThat(holds("contains(tags, :p)", ":p", s("red"))).isTrue();
        assertThat(holds("contains(tags, :p)", ":p", s("re"))).isFalse();
        assertThat(holds("contains(scores, :p)", ":p", n("2.50"))).isTrue();
        assertThat(holds("contains(history, :p)", ":p", map("stamp", n("10")))).isTrue();
        assertThat(holds("contains(address.street, :p)", ":p", s("two"))).isTrue();
        assertThat(holds("contains(payload, :p)", ":p", b(2, 3))).isTrue();
        assertThat(holds("contains(absent, :p)", ":p", s("x"))).isFalse();
    }

    @Test
    void sizeMeasuresStringsBinariesSetsListsAndMaps() {
        assertThat(holds("size(#n) = :v", attributes(Map.of("#n", "name"), ":v", n("3"))))
                .isTrue();
        assertThat(holds("size(payload) = :v", ":v", n("3"))).isTrue();
        assertThat(holds("size(tags) = :v", ":v", n("2"))).isTrue();
        assertThat(holds("size(history) > :v", ":v", n("2"))).isTrue();
        assertThat(holds("size(address) = :v", ":v", n("3"))).isTrue();
        assertThat(holds("size(age) = :v", ":v", n("2"))).isFalse();
        assertThat(holds("size(absent) <> :v", ":v", n("0"))).isTrue();
        assertThat(holds(":v < size(tags)", ":v", n("1"))).isTrue();
    }

    @Test
    void namePlaceholdersSubstituteReservedWords() {
        assertThat(holds("#s.#c = :v", attributes(Map.of("#s", "address", "#c", "city"), ":v", s("Paris"))))
                .isTrue();
        assertThat(holds("#h[1].stamp = :v", attributes(Map.of("#h", "history"), ":v", n("10"))))
                .isTrue();
    }

    @Test
    void filterExpressionMessagesNameTheirParameter() {
        assertThatThrownBy(() -> Expressions.parseCondition("a =", values(), "FilterExpression"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void syntaxErrorsQuoteTheTokenAndItsNeighbours() {
        assertThat(error("a = :v :w", values(":v", s("x"), ":w", s("y"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \":w\", near: \":v :w\"");
        assertThat(error("INVALID SYNTAX HERE", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: Syntax error; token: \"SYNTAX\", near: \"INVALID SYNTAX HERE\"");
        assertThat(error("a = $", values()))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"$\", near: \"= $\"");
        assertThat(error("a = 3", values()))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"3\", near: \"= 3\"");
        assertThat(error("(a = :v", values(":v", s("x"))))
                .startsWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\"");
        assertThat(error("a AND = :v", values(":v", s("x"))))
                .startsWith("Invalid ConditionExpression: Syntax error; token: \"AND\"");
    }

    @Test
    void emptyExpressionsAreRejected() {
        assertThat(error("", values())).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
        assertThat(error("   ", values())).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void reservedWordsMustBeSubstituted() {
        assertThat(error("status = :v", values(":v", s("x"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(error("a.Name = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
    }

    @Test
    void undefinedPlaceholdersAreReported() {
        assertThat(error("#a = :v", values(":v", s("x"))))
                .isEqualTo(
                        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
        assertThat(error("a = :v", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
    }

    @Test
    void functionMisuseIsReported() {
        assertThat(error("whatever(a)", values()))
                .isEqualTo("Invalid ConditionExpression: Invalid function name; function: whatever");
        assertThat(error("a = list_append(a, b)", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: The function is not allowed in a condition expression; function: list_append");
        assertThat(error("if_not_exists(a, :v)", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        assertThat(error("size(a)", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
        assertThat(error("attribute_exists(a) = :v", values(":v", bool(true))))
                .isEqualTo(
                        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists");
        assertThat(error("attribute_exists(a, b)", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        assertThat(error("attribute_exists(:v)", values(":v", s("x"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
        assertThat(error("begins_with(a, :v)", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertThat(error("size(a) = :v AND size(:b) = :v", values(":v", n("1"), ":b", n("2"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N");
        assertThat(error("contains(a, a)", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]");
    }

    @Test
    void attributeTypeNeedsAKnownTypeName() {
        assertThat(error("attribute_type(a, :t)", values(":t", s("STRING"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertThat(error("attribute_type(a, :t)", values(":t", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
    }

    @Test
    void comparisonOfAPathWithItselfIsRejected() {
        assertThat(error("a.b = a.b", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a, b]");
    }

    @Test
    void betweenBoundsAreChecked() {
        assertThat(error("a BETWEEN :high AND :low", values(":high", n("2"), ":low", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                                + "lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}");
        assertThat(error("a BETWEEN :low AND :high", values(":high", s("2"), ":low", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
                                + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:2}");
    }

    @Test
    void inAcceptsAtMostOneHundredOperands() {
        StringBuilder candidates = new StringBuilder();
        for (int index = 0; index < 101; index++) {
            candidates.append(index == 0 ? "" : ", ").append(":v");
        }
        assertThat(error("a IN (" + candidates + ")", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
        String hundred = candidates.substring(0, candidates.length() - ", :v".length());
        assertThat(Expressions.parseCondition("a IN (" + hundred + ")", values(":v", n("1")))
                        .test(item("a", n("1"))))
                .isTrue();
    }

    @Test
    void redundantParenthesesAreRejected() {
        assertThat(error("((a = :v))", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(error("((a)) = :v", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void theMostImportantProblemWinsWhenThereAreSeveral() {
        assertThat(error("status = :undefined AND whatever(a)", values()))
                .isEqualTo("Invalid ConditionExpression: Invalid function name; function: whatever");
        assertThat(error("status = :undefined", values()))
                .isEqualTo(
                        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }

    @Test
    void keywordsIgnoreCaseAndWhitespaceMayBeAnywhere() {
        assertThat(holds("age\n\tBeTwEeN :low\r\nand :high", ":low", n("1"), ":high", n("50")))
                .isTrue();
        assertThat(holds("address . city=:v and history [ 1 ] . stamp=:t", ":v", s("Paris"), ":t", n("10")))
                .isTrue();
        assertThat(holds("age in(:a,:b)", ":a", n("42"), ":b", n("0"))).isTrue();
    }

    @Test
    void referencedAttributesAreTheTopLevelNamesRead() {
        Expressions.Condition condition = Expressions.parseCondition(
                "#a.b = :v AND size(c[0]) > :v OR NOT attribute_exists(d)",
                attributes(Map.of("#a", "a"), ":v", n("1")));
        assertThat(condition.referencedAttributes()).containsExactly("a", "c", "d");
    }

    @Test
    void parenthesesThatGroupSomethingAreNotRedundant() {
        ExpressionAttributes attributes = attributes(Map.of("#s", "name"), ":v", s("Ada"));
        assertThat(holds("(attribute_exists(pk)) AND (#s = :v)", attributes)).isTrue();
        assertThat(holds("(attribute_exists(pk) AND #s = :v)", attributes(Map.of("#s", "name"), ":v", s("Ada"))))
                .isTrue();
        assertThat(holds("(attribute_exists(pk) AND (#s = :v))", attributes(Map.of("#s", "name"), ":v", s("Ada"))))
                .isTrue();
        assertThat(holds(
                        "(attribute_exists(pk) OR (attribute_exists(absent))) AND NOT (#s = :v)",
                        attributes(Map.of("#s", "name"), ":v", s("Ada"))))
                .isFalse();
    }

    @Test
    void expressionsAreLimitedToFourKilobytesAndThreeHundredOperators() {
        String atLimit = "a = :v" + " ".repeat(4096 - "a = :v".length());
        assertThat(Expressions.parseCondition(atLimit, values(":v", n("1"))).test(item("a", n("1"))))
                .isTrue();
        assertThat(error(atLimit + " ", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
        String threeHundred = String.join(" OR ", Collections.nCopies(150, "a=:v"));
        assertThat(Expressions.parseCondition(threeHundred, values(":v", n("1")))
                        .test(item("a", n("1"))))
                .isTrue();
        assertThat(error(threeHundred + " OR a=:v", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
    }
}
