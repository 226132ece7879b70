package io.gridsteward.dynamodb.emulator.expression;

import static io.gridsteward.dynamodb.emulator.expression.Values.attributes;
import static io.gridsteward.dynamodb.emulator.expression.Values.n;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionAttributesTest {
    @Test
    void everythingUsedAcrossTheRequestsExpressionsPasses() {
        ExpressionAttributes attributes = attributes(Map.of("#a", "a", "#b", "b"), ":v", n("1"), ":w", n("2"));
        Expressions.parseCondition("#a = :v", attributes);
        Expressions.parseUpdate("SET #b = :w", attributes);
        assertThatCode(attributes::requireAllUsed).doesNotThrowAnyException();
    }

    @Test
    void unusedNamesAreListed() {
        ExpressionAttributes attributes = attributes(Map.of("#a", "a", "#y", "y", "#x", "x"), ":v", n("1"));
        Expressions.parseCondition("#a = :v", attributes);
        assertThatThrownBy(attributes::requireAllUsed)
                .isInstanceOf(ExpressionException.class)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#x, #y}");
    }

    @Test
    void unusedValuesAreListed() {
        ExpressionAttributes attributes = attributes(Map.of(), ":v", n("1"), ":x", n("2"));
        Expressions.parseProjection("a", attributes);
        Expressions.parseCondition("a = :v", attributes);
        assertThatThrownBy(attributes::requireAllUsed)
                .isInstanceOf(ExpressionException.class)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
    }

    @Test
    void noAttributesAtAllPass() {
        assertThatCode(() -> ExpressionAttributes.none().requireAllUsed()).doesNotThrowAnyException();
    }
}
