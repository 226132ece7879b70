package io.gridsteward.dynamodb.emulator.expression;

import static io.gridsteward.dynamodb.emulator.expression.Values.item;
import static io.gridsteward.dynamodb.emulator.expression.Values.list;
import static io.gridsteward.dynamodb.emulator.expression.Values.map;
import static io.gridsteward.dynamodb.emulator.expression.Values.n;
import static io.gridsteward.dynamodb.emulator.expression.Values.names;
import static io.gridsteward.dynamodb.emulator.expression.Values.s;
import static io.gridsteward.dynamodb.emulator.expression.Values.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTest {
    private static final Map<String, AttributeValue> ITEM = item(
            "pk", s("k"),
            "a", n("1"),
            "m", map("x", n("1"), "y", map("z", s("deep"), "w", s("other"))),
            "l", list(s("l0"), map("p", n("0"), "q", n("1")), s("l2"), s("l3")));

    private static Map<String, AttributeValue> project(String expression, ExpressionAttributes attributes) {
        return Expressions.parseProjection(expression, attributes).project(ITEM);
    }

    private static String error(String expression, ExpressionAttributes attributes) {
        try {
            Expressions.parseProjection(expression, attributes);
        } catch (ExpressionException exception) {
            return exception.getMessage();
        }
        throw new AssertionError("expected an ExpressionException for " + expression);
    }

    @Test
    void topLevelAttributesAreCopiedAndMissingOnesLeftOut() {
        assertThat(project("pk, a, absent", values())).isEqualTo(item("pk", s("k"), "a", n("1")));
    }

    @Test
    void nestedPathsKeepTheirStructure() {
        assertThat(project("m.y.z, m.x", values())).isEqualTo(item("m", map("y", map("z", s("deep")), "x", n("1"))));
        assertThat(project("m.absent", values())).isEmpty();
        assertThat(project("a.b", values())).isEmpty();
    }

    @Test
    void listElementsKeepTheirOrderWithoutGaps() {
        assertThat(project("l[3], l[0], l[9]", values())).isEqualTo(item("l", list(s("l0"), s("l3"))));
        assertThat(project("l[1].q", values())).isEqualTo(item("l", list(map("q", n("1")))));
    }

    @Test
    void namePlaceholdersResolve() {
        assertThat(project("#m.#y.z", names("#m", "m", "#y", "y"))).isEqualTo(item("m", map("y", map("z", s("deep")))));
    }

    @Test
    void overlappingPathsAreRejected() {
        assertThat(error("m, m.x", values()))
                .isEqualTo(
                        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]");
        assertThat(error("l[0], l.x", values()))
                .isEqualTo(
                        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [l, [0]], path two: [l, x]");
    }

    @Test
    void invalidProjectionsAreRejected() {
        assertThat(error("a,", values()))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThat(error("a b", values()))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"");
        assertThat(error("name", values()))
                .isEqualTo(
                        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThat(error("#n", values()))
                .isEqualTo(
                        "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #n");
        assertThat(error("", values())).isEqualTo("Invalid ProjectionExpression: The expression can not be empty;");
        assertThat(error("!!! INVALID !!!", values()))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");
        assertThat(error("a[x]", values()))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"x\", near: \"[x]\"");
    }

    @Test
    void projectedAttributesAreTheTopLevelNames() {
        assertThat(Expressions.parseProjection("m.x, pk, l[1]", values()).projectedAttributes())
                .containsExactly("m", "pk", "l");
    }
}
