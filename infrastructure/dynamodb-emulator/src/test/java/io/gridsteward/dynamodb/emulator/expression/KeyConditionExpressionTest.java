package io.gridsteward.dynamodb.emulator.expression;

import static io.gridsteward.dynamodb.emulator.expression.Values.attributes;
import static io.gridsteward.dynamodb.emulator.expression.Values.b;
import static io.gridsteward.dynamodb.emulator.expression.Values.item;
import static io.gridsteward.dynamodb.emulator.expression.Values.n;
import static io.gridsteward.dynamodb.emulator.expression.Values.s;
import static io.gridsteward.dynamodb.emulator.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.dynamodb.emulator.expression.Expressions.KeyCondition;
import io.gridsteward.dynamodb.emulator.expression.Expressions.SortKeyCondition;
import io.gridsteward.dynamodb.emulator.expression.Expressions.SortKeyCondition.Operator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyConditionExpressionTest {
    private static final Optional<String> SORT_KEY = Optional.of("sk");

    private static KeyCondition parse(String expression, ExpressionAttributes attributes) {
        return Expressions.parseKeyCondition(expression, attributes, "pk", SORT_KEY);
    }

    private static String error(String expression, ExpressionAttributes attributes, Optional<String> rangeKey) {
        try {
            Expressions.parseKeyCondition(expression, attributes, "pk", rangeKey);
        } catch (ExpressionException exception) {
            return exception.getMessage();
        }
        throw new AssertionError("expected an ExpressionException for " + expression);
    }

    private static String error(String expression, Object... placeholdersAndValues) {
        return error(expression, values(placeholdersAndValues), SORT_KEY);
    }

    @Test
    void hashKeyEqualityAlone() {
        KeyCondition condition = Expressions.parseKeyCondition(
                "#p = :v", attributes(Map.of("#p", "pk"), ":v", s("a")), "pk", Optional.empty());
        assertThat(condition).isEqualTo(new KeyCondition("pk", s("a"), Optional.empty()));
    }

    @Test
    void eachSortKeyOperatorIsRecognised() {
        ExpressionAttributes attributes = values(":h", s("a"), ":v", n("1"));
        assertThat(parse("pk = :h AND sk = :v", attributes).sortKeyCondition())
                .contains(new SortKeyCondition("sk", Operator.EQUAL, n("1"), Optional.empty()));
        assertThat(parse("pk = :h AND sk < :v", values(":h", s("a"), ":v", n("1")))
                        .sortKeyCondition()
                        .orElseThrow()
                        .operator())
                .isEqualTo(Operator.LESS_THAN);
        assertThat(parse("pk = :h AND sk <= :v", values(":h", s("a"), ":v", n("1")))
                        .sortKeyCondition()
                        .orElseThrow()
                        .operator())
                .isEqualTo(Operator.LESS_THAN_OR_EQUAL);
        assertThat(parse("pk = :h AND sk > :v", values(":h", s("a"), ":v", n("1")))
                        .sortKeyCondition()
                        .orElseThrow()
                        .operator())
                .isEqualTo(Operator.GREATER_THAN);
        assertThat(parse("pk = :h AND sk >= :v", values(":h", s("a"), ":v", n("1")))
                        .sortKeyCondition()
                        .orElseThrow()
                        .operator())
                .isEqualTo(Operator.GREATER_THAN_OR_EQUAL);
        assertThat(parse("sk BETWEEN :low AND :high AND pk = :h", values(":h", s("a"), ":low", n("1"), ":high", n("5")))
                        .sortKeyCondition())
                .contains(new SortKeyCondition("sk", Operator.BETWEEN, n("1"), Optional.of(n("5"))));
        assertThat(parse("pk = :h AND begins_with(sk, :p)", values(":h", s("a"), ":p", s("order#")))
                        .sortKeyCondition())
                .contains(new SortKeyCondition("sk", Operator.BEGINS_WITH, s("order#"), Optional.empty()));
    }

    @Test
    void valueFirstComparisonsAreMirrored() {
        KeyCondition condition = parse(":h = pk AND :v < sk", values(":h", s("a"), ":v", n("1")));
        assertThat(condition.hashKeyValue()).isEqualTo(s("a"));
        assertThat(condition.sortKeyCondition().orElseThrow().operator()).isEqualTo(Operator.GREATER_THAN);
    }

    @Test
    void conditionsMatchItems() {
        KeyCondition between =
                parse("pk = :h AND sk BETWEEN :low AND :high", values(":h", s("a"), ":low", n("1"), ":high", n("5")));
        assertThat(between.matches(item("pk", s("a"), "sk", n("5")))).isTrue();
        assertThat(between.matches(item("pk", s("a"), "sk", n("6")))).isFalse();
        assertThat(between.matches(item("pk", s("b"), "sk", n("2")))).isFalse();
        KeyCondition prefix = parse("pk = :h AND begins_with(sk, :p)", values(":h", s("a"), ":p", b(1)));
        assertThat(prefix.matches(item("pk", s("a"), "sk", b(1, 2)))).isTrue();
        assertThat(prefix.matches(item("pk", s("a"), "sk", b(2, 1)))).isFalse();
    }

    @Test
    void theHashKeyMustBeConstrainedByEquality() {
        assertThat(error("sk = :v", ":v", n("1"))).isEqualTo("Query condition missed key schema element: pk");
        assertThat(error("pk > :v", ":v", n("1"))).isEqualTo("Query key condition not supported");
        assertThat(error("begins_with(pk, :v)", ":v", s("x"))).isEqualTo("Query key condition not supported");
    }

    @Test
    void onlyKeyAttributesMayBeConstrained() {
        assertThat(error("pk = :v AND color = :v", ":v", n("1")))
                .isEqualTo("Query condition missed key schema element: sk");
        assertThat(error("pk = :v AND color = :v", values(":v", n("1")), Optional.empty()))
                .isEqualTo("Query key condition not supported");
        assertThat(error("pk = :v AND sk = :v AND color = :v", ":v", n("1")))
                .isEqualTo("Query key condition not supported");
    }

    @Test
    void unsupportedOperatorsAreRejected() {
        assertThat(error("pk = :v OR sk = :v", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
        assertThat(error("pk = :v AND NOT sk = :v", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: NOT");
        assertThat(error("pk = :v AND sk IN (:v)", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: IN");
        assertThat(error("pk = :v AND sk <> :v", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: <>");
        assertThat(error("pk = :v AND attribute_exists(sk)", ":v", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThat(error("pk = :v AND contains(sk, :v)", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: contains");
        assertThat(error("pk = :v AND size(sk) = :v", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: KeyConditionExpressions cannot contain nested operations");
    }

    @Test
    void malformedConditionsAreRejected() {
        assertThat(error("pk = :v AND pk = :v", ":v", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertThat(error("pk = sk", ":v", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertThat(error(":v = :v", ":v", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: No key attribute specified");
        assertThat(error("pk.x = :v", ":v", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes");
        assertThat(error("pk = :v AND begins_with(sk, :n)", ":v", n("1"), ":n", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertThat(error("pk = :v AND sk =", ":v", n("1")))
                .isEqualTo("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        assertThat(error("pk = :v AND :v BETWEEN sk AND :v", ":v", n("1")))
                .isEqualTo(
                        "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
    }
}
