package io.gridsteward.dynamodb.emulator.expression;

import static io.gridsteward.dynamodb.emulator.expression.Values.attributes;
import static io.gridsteward.dynamodb.emulator.expression.Values.b;
import static io.gridsteward.dynamodb.emulator.expression.Values.item;
import static io.gridsteward.dynamodb.emulator.expression.Values.list;
import static io.gridsteward.dynamodb.emulator.expression.Values.map;
import static io.gridsteward.dynamodb.emulator.expression.Values.n;
import static io.gridsteward.dynamodb.emulator.expression.Values.ns;
import static io.gridsteward.dynamodb.emulator.expression.Values.s;
import static io.gridsteward.dynamodb.emulator.expression.Values.ss;
import static io.gridsteward.dynamodb.emulator.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {
    private static Map<String, AttributeValue> apply(
            Map<String, AttributeValue> item, String expression, ExpressionAttributes attributes) {
        return Expressions.parseUpdate(expression, attributes).apply(item);
    }

    private static Map<String, AttributeValue> apply(
            Map<String, AttributeValue> item, String expression, Object... placeholdersAndValues) {
        return apply(item, expression, values(placeholdersAndValues));
    }

    private static String parseError(String expression, ExpressionAttributes attributes) {
        try {
            Expressions.parseUpdate(expression, attributes);
        } catch (ExpressionException exception) {
            return exception.getMessage();
        }
        throw new AssertionError("expected an ExpressionException for " + expression);
    }

    private static String applyError(
            Map<String, AttributeValue> item, String expression, Object... placeholdersAndValues) {
        Expressions.Update update = Expressions.parseUpdate(expression, values(placeholdersAndValues));
        try {
            update.apply(item);
        } catch (ExpressionException exception) {
            return exception.getMessage();
        }
        throw new AssertionError("expected an ExpressionException applying " + expression);
    }

    @Test
    void setWritesTopLevelAttributesWithoutTouchingTheInput() {
        Map<String, AttributeValue> original = item("pk", s("k"), "a", n("1"));
        Map<String, AttributeValue> updated = apply(original, "SET a = :v, b = :w", ":v", s("x"), ":w", n("2.50"));
        assertThat(updated).isEqualTo(item("pk", s("k"), "a", s("x"), "b", n("2.5")));
        assertThat(original).isEqualTo(item("pk", s("k"), "a", n("1")));
    }

    @Test
    void setArithmeticIsExactAndCanonical() {
        Map<String, AttributeValue> original = item("count", n("0.1"));
        assertThat(apply(original, "set #c = #c + :d", attributes(Map.of("#c", "count"), ":d", n("0.2"))))
                .containsEntry("count", n("0.3"));
        assertThat(apply(original, "SET #c = :d - #c", attributes(Map.of("#c", "count"), ":d", n("1.1"))))
                .containsEntry("count", n("1"));
        assertThat(apply(item("a", n("99999999999999999999999999999999999998")), "SET a = a + :one", ":one", n("1")))
                .containsEntry("a", n("99999999999999999999999999999999999999"));
    }

    @Test
    void arithmeticBeyondThirtyEightDigitsFails() {
        assertThat(applyError(
                        item("a", n("99999999999999999999999999999999999999")),
                        "SET a = a + :small",
                        ":small",
                        n("0.1")))
                .isEqualTo("Attempting to store more than 38 significant digits in a Number");
        assertThat(applyError(
                        item("a", n("9.9999999999999999999999999999999999999E+125")),
                        "SET a = a + :big",
                        ":big",
                        n("1E+125")))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void arithmeticOnMissingOrNonNumericOperandsFails() {
        assertThat(applyError(item(), "SET a = b + :one", ":one", n("1")))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        assertThat(applyError(item("b", s("x")), "SET a = b + :one", ":one", n("1")))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyError(item(), "SET a = b", ":unused", n("1")))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void ifNotExistsKeepsExistingValues() {
        assertThat(apply(item(), "SET a = if_not_exists(a, :zero) + :one", ":zero", n("0"), ":one", n("1")))
                .containsEntry("a", n("1"));
        assertThat(apply(item("a", n("5")), "SET a = if_not_exists(a, :zero) + :one", ":zero", n("0"), ":one", n("1")))
                .containsEntry("a", n("6"));
        assertThat(apply(item("a", s("kept")), "SET a = if_not_exists(a, :v)", ":v", s("new")))
                .containsEntry("a", s("kept"));
        assertThat(apply(item(), "SET created = if_not_exists(created, :v)", ":v", s("now")))
                .containsEntry("created", s("now"));
    }

    @Test
    void listAppendJoinsLists() {
        Map<String, AttributeValue> original = item("l", list(n("1")));
        assertThat(apply(original, "SET l = list_append(l, :more)", ":more", list(n("2"), n("3"))))
                .containsEntry("l", list(n("1"), n("2"), n("3")));
        assertThat(apply(original, "SET l = list_append(:more, l)", ":more", list(n("0"))))
                .containsEntry("l", list(n("0"), n("1")));
        assertThat(apply(
                        item(),
                        "SET l = list_append(if_not_exists(l, :empty), :more)",
                        ":empty",
                        list(),
                        ":more",
                        list(s("x"))))
                .containsEntry("l", list(s("x")));
        assertThat(applyError(item("l", s("x")), "SET l = list_append(l, :more)", ":more", list()))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void setValuesAreComputedFromTheItemBeforeTheUpdate() {
        Map<String, AttributeValue> swapped =
                apply(item("a", n("1"), "b", n("2")), "SET a = b, b = a", ":unused", n("0"));
        assertThat(swapped).containsEntry("a", n("2")).containsEntry("b", n("1"));
    }

    @Test
    void setWritesNestedPathsAndAppendsBeyondTheEndOfAList() {
        Map<String, AttributeValue> original = item("m", map("nested", map("x", n("1"))), "l", list(s("a"), s("b")));
        Map<String, AttributeValue> updated =
                apply(original, "SET m.nested.y = :v, l[1] = :w, l[7] = :z", ":v", n("2"), ":w", s("B"), ":z", s("c"));
        assertThat(updated.get("m")).isEqualTo(map("nested", map("x", n("1"), "y", n("2"))));
        assertThat(updated.get("l")).isEqualTo(list(s("a"), s("B"), s("c")));
    }

    @Test
    void setUnderAMissingOrWrongParentIsInvalid() {
        String invalid = "The document path provided in the update expression is invalid for update";
        assertThat(applyError(item(), "SET m.x = :v", ":v", n("1"))).isEqualTo(invalid);
        assertThat(applyError(item("m", map()), "SET m.x.y = :v", ":v", n("1"))).isEqualTo(invalid);
        assertThat(applyError(item("m", s("text")), "SET m.x = :v", ":v", n("1")))
                .isEqualTo(invalid);
        assertThat(applyError(item("m", map()), "SET m[0] = :v", ":v", n("1"))).isEqualTo(invalid);
        assertThat(applyError(item("l", list()), "SET l.x = :v", ":v", n("1"))).isEqualTo(invalid);
    }

    @Test
    void removeDeletesAttributesAndShiftsListElements() {
        Map<String, AttributeValue> original = item(
                "a",
                n("1"),
                "b",
                n("2"),
                "l",
                list(s("0"), s("1"), s("2"), s("3")),
                "m",
                map("x", n("1"), "y", n("2")));
        Map<String, AttributeValue> updated =
                apply(original, "REMOVE a, l[0], l[2], m.x, absent, m.absent", ":unused", n("0"));
        assertThat(updated).isEqualTo(item("b", n("2"), "l", list(s("1"), s("3")), "m", map("y", n("2"))));
        assertThat(apply(original, "REMOVE l[9]", ":unused", n("0")).get("l")).isEqualTo(original.get("l"));
    }

    @Test
    void removeUnderAMissingParentIsInvalid() {
        assertThat(applyError(item(), "REMOVE m.x", ":unused", n("0")))
                .isEqualTo("The document path provided in the update expression is invalid for update");
    }

    @Test
    void addIncrementsNumbersAndUnitesSets() {
        assertThat(apply(item(), "ADD n :one", ":one", n("1"))).containsEntry("n", n("1"));
        assertThat(apply(item("n", n("41")), "ADD n :one", ":one", n("1"))).containsEntry("n", n("42"));
        assertThat(apply(item("s", ss("a")), "ADD s :more", ":more", ss("a", "b")))
                .containsEntry("s", ss("a", "b"));
        assertThat(apply(item(), "ADD s :more", ":more", ns("1"))).containsEntry("s", ns("1"));
        assertThat(apply(item("m", map()), "ADD m.tally :one", ":one", n("1")))
                .containsEntry("m", map("tally", n("1")));
        assertThat(applyError(item("s", ss("a")), "ADD s :more", ":more", ns("1")))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyError(item("n", s("x")), "ADD n :one", ":one", n("1")))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void deleteRemovesSetMembersAndTheAttributeWhenEmpty() {
        assertThat(apply(item("s", ss("a", "b")), "DELETE s :gone", ":gone", ss("a", "z")))
                .containsEntry("s", ss("b"));
        assertThat(apply(item("s", ss("a", "b")), "DELETE s :gone", ":gone", ss("a", "b")))
                .doesNotContainKey("s");
        assertThat(apply(item(), "DELETE s :gone", ":gone", ss("a"))).isEmpty();
        assertThat(apply(item("s", ns("1", "2")), "DELETE s :gone", ":gone", ns("2.0")))
                .containsEntry("s", ns("1"));
        assertThat(applyError(item("s", ns("1")), "DELETE s :gone", ":gone", ss("1")))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void clausesCombineInAnyOrder() {
        Map<String, AttributeValue> updated = apply(
                item("a", n("1"), "r", s("x"), "s", ss("a", "b")),
                "DELETE s :gone ADD a :one REMOVE r SET b = :b",
                ":gone",
                ss("a"),
                ":one",
                n("1"),
                ":b",
                b(7));
        assertThat(updated).isEqualTo(item("a", n("2"), "s", ss("b"), "b", b(7)));
    }

    @Test
    void touchedAttributesAreTheTopLevelNames() {
        Expressions.Update update = Expressions.parseUpdate(
                "SET a.b = :v, #c = :v REMOVE d[1] ADD e :n DELETE f :s",
                attributes(Map.of("#c", "c"), ":v", n("1"), ":n", n("1"), ":s", ss("x")));
        assertThat(update.touchedAttributes()).containsExactlyInAnyOrder("a", "c", "d", "e", "f");
    }

    @Test
    void eachClauseMayAppearOnce() {
        assertThat(parseError("SET a = :v SET b = :v", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(parseError("remove a REMOVE b", values()))
                .isEqualTo(
                        "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void overlappingAndConflictingPathsAreRejected() {
        assertThat(parseError("SET a = :v REMOVE a.b", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(parseError("SET a = :v, a = :v", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertThat(parseError("SET a.b = :v REMOVE a[1]", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
        assertThat(Expressions.parseUpdate("SET a.b = :v, a.c = :v REMOVE l[0], l[1]", values(":v", n("1"))))
                .isNotNull();
    }

    @Test
    void operandTypesAreCheckedWhenKnown() {
        assertThat(parseError("ADD a :v", values(":v", s("x"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
        assertThat(parseError("DELETE a :v", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND");
        assertThat(parseError("SET a = b + :v", values(":v", s("x"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S");
        assertThat(parseError("SET a = list_append(a, :v)", values(":v", s("x"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
    }

    @Test
    void functionMisuseIsRejected() {
        assertThat(parseError("SET a = whatever(b)", values()))
                .isEqualTo("Invalid UpdateExpression: Invalid function name; function: whatever");
        assertThat(parseError("SET a = if_not_exists(a)", values()))
                .isEqualTo(
                        "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        assertThat(parseError("SET a = if_not_exists(:v, a)", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
        assertThat(parseError("SET a = size(b)", values()))
                .isEqualTo(
                        "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
    }

    @Test
    void syntaxErrorsQuoteTheToken() {
        assertThat(parseError("ADD hits : incr", values(":incr", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
        assertThat(parseError("INVALID SYNTAX HERE", values()))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertThat(parseError("SET a = :v,", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThat(parseError("SET a.MarketplaceTax-Principal = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"-\", near: \"MarketplaceTax-Principal\"");
        assertThat(parseError("", values())).isEqualTo("Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void reservedWordsAndUndefinedPlaceholdersAreRejected() {
        assertThat(parseError("SET status = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(parseError("SET #s = :v", values(":v", n("1"))))
                .isEqualTo(
                        "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #s");
        assertThat(parseError("SET a = :v", values()))
                .isEqualTo(
                        "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v");
    }

    @Test
    void parenthesesAroundASetValueAreAccepted() {
        assertThat(apply(item("a", n("1")), "SET b = (a + :one)", ":one", n("1")))
                .containsEntry("b", n("2"));
        assertThat(apply(item("a", n("1")), "SET b = (a) + :one", ":one", n("1")))
                .containsEntry("b", n("2"));
    }

    @Test
    void aClauseWithoutActionsIsASyntaxError() {
        assertThatThrownBy(() -> Expressions.parseUpdate("SET a = :v REMOVE b ADD", values(":v", n("1"))))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("Invalid UpdateExpression: Syntax error; token: \"<EOF>\"");
    }

    @Test
    void touchedPathsGiveTheChangedFragmentsOnly() {
        Map<String, AttributeValue> before = item(
                "pk",
                s("k"),
                "parent",
                map("child", n("1"), "sibling", n("2")),
                "l",
                list(s("a"), s("b")),
                "gone",
                s("x"));
        Expressions.Update update = Expressions.parseUpdate(
                "SET parent.child = :v, l[1] = :w REMOVE gone", values(":v", n("9"), ":w", s("B")));
        Map<String, AttributeValue> after = update.apply(before);
        assertThat(update.touchedPaths().project(after))
                .isEqualTo(item("parent", map("child", n("9")), "l", list(s("B"))));
        assertThat(update.touchedPaths().project(before))
                .isEqualTo(item("parent", map("child", n("1")), "l", list(s("b")), "gone", s("x")));
    }

    @Test
    void nestedListsAndMapsAreEditedInPlace() {
        Map<String, AttributeValue> original = item("m", map("l", list(map("tags", ss("a")), n("1"), n("2"))));
        Map<String, AttributeValue> updated = apply(
                original, "SET m.l[1] = :v ADD m.l[0].tags :more REMOVE m.l[2]", ":v", s("one"), ":more", ss("b"));
        assertThat(updated).isEqualTo(item("m", map("l", list(map("tags", ss("a", "b")), s("one")))));
        assertThat(apply(original, "DELETE m.l[0].tags :gone", ":gone", ss("a")))
                .isEqualTo(item("m", map("l", list(map(), n("1"), n("2")))));
    }

    @Test
    void arithmeticBelowTheSmallestMagnitudeFails() {
        assertThat(applyError(item("a", n("1E-130")), "SET a = a - :b", ":b", n("9E-131")))
                .isEqualTo(
                        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertThat(apply(item("a", n("1E-130")), "SET a = a - :b", ":b", n("1E-130")))
                .containsEntry("a", n("0"));
    }
}
