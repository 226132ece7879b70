package io.gridsteward.dynamodb.emulator.expression;

import static io.gridsteward.dynamodb.emulator.expression.Values.item;
import static io.gridsteward.dynamodb.emulator.expression.Values.list;
import static io.gridsteward.dynamodb.emulator.expression.Values.map;
import static io.gridsteward.dynamodb.emulator.expression.Values.n;
import static io.gridsteward.dynamodb.emulator.expression.Values.s;
import static io.gridsteward.dynamodb.emulator.expression.Values.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Random token sequences: parsing and evaluating may only ever succeed or throw {@link ExpressionException}. */
class ExpressionFuzzTest {
    private static final List<String> VOCABULARY = List.of(
            "a",
            "b",
            "pk",
            "sk",
            "m",
            "l",
            "status",
            "#n",
            "#m",
            "#undefined",
            ":v",
            ":w",
            ":l",
            ":s",
            ":undefined",
            "AND",
            "OR",
            "NOT",
            "BETWEEN",
            "IN",
            "SET",
            "REMOVE",
            "ADD",
            "DELETE",
            "=",
            "<>",
            "<",
            "<=",
            ">",
            ">=",
            "+",
            "-",
            "(",
            ")",
            "[",
            "]",
            ",",
            ".",
            "0",
            "1",
            "99999999999",
            "attribute_exists",
            "attribute_not_exists",
            "attribute_type",
            "begins_with",
            "contains",
            "size",
            "if_not_exists",
            "list_append",
            "whatever",
            "#",
            ":",
            "$",
            "\"",
            "é",
            "\t");
    private static final Map<String, AttributeValue> ITEM = item(
            "a",
            n("1"),
            "b",
            s("text"),
            "pk",
            s("key"),
            "sk",
            n("2"),
            "m",
            map("x", n("1"), "nested", map("y", s("z"))),
            "l",
            list(n("0"), s("one"), map("k", n("2"))),
            "tags",
            ss("red"));
    private static final int ROUNDS = 4000;

    private static ExpressionAttributes attributes() {
        return Values.attributes(
                Map.of("#n", "a", "#m", "m"), ":v", n("1"), ":w", s("w"), ":l", list(n("9")), ":s", ss("red", "blue"));
    }

    private static String randomExpression(Random random) {
        int length = 1 + random.nextInt(12);
        List<String> tokens = new ArrayList<>();
        for (int index = 0; index < length; index++) {
            tokens.add(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        return String.join(random.nextBoolean() ? " " : "", tokens);
    }

    /** Runs {@code action}, accepting success or an ExpressionException, and says whether it succeeded. */
    private static boolean succeeds(String expression, Consumer<String> action) {
        try {
            action.accept(expression);
            return true;
        } catch (ExpressionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException | StackOverflowError unexpected) {
            throw new AssertionError("unexpected " + unexpected + " for expression: " + expression, unexpected);
        }
    }

    @Test
    void randomConditionsOnlyEverFailWithExpressionExceptions() {
        Random random = new Random(20_260_101L);
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String expression = randomExpression(random);
            if (succeeds(
                    expression,
                    text -> Expressions.parseCondition(text, attributes(), "FilterExpression")
                            .test(ITEM))) {
                parsed++;
            }
            succeeds(expression, text -> Expressions.parseKeyCondition(text, attributes(), "pk", Optional.of("sk")));
        }
        assertThat(parsed).isPositive();
    }

    @Test
    void randomUpdatesOnlyEverFailWithExpressionExceptions() {
        Random random = new Random(42L);
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String expression = (random.nextBoolean() ? "SET a = " : "") + randomExpression(random);
            if (succeeds(expression, text -> Expressions.parseUpdate(text, attributes()))) {
                parsed++;
                succeeds(
                        expression,
                        text -> Expressions.parseUpdate(text, attributes()).apply(ITEM));
            }
        }
        assertThat(parsed).isPositive();
    }

    @Test
    void randomProjectionsOnlyEverFailWithExpressionExceptions() {
        Random random = new Random(7L);
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (succeeds(
                    randomExpression(random),
                    text -> Expressions.parseProjection(text, attributes()).project(ITEM))) {
                parsed++;
            }
        }
        assertThat(parsed).isPositive();
    }

    @Test
    void deeplyNestedInputIsRejectedWithoutExhaustingTheStack() {
        String parentheses = "(".repeat(2000) + "a = :v" + ")".repeat(2000);
        assertThatThrownBy(() -> Expressions.parseCondition(parentheses, attributes()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"(\"");
        String negations = "NOT ".repeat(1000) + "a = :v";
        assertThatThrownBy(() -> Expressions.parseCondition(negations, attributes()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"NOT\"");
        String calls = "size(".repeat(600) + "a" + ")".repeat(600) + " = :v";
        assertThatThrownBy(() -> Expressions.parseCondition(calls, attributes()))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"size\"");
    }

    @Test
    void manyParenthesesAreParsedWithoutBacktrackingBlowUp() {
        String nested = "(".repeat(60) + "a" + ")".repeat(60) + " = :v";
        assertThatThrownBy(() -> Expressions.parseCondition(nested, attributes()))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("Invalid ConditionExpression: The expression has redundant parentheses;");
    }
}
