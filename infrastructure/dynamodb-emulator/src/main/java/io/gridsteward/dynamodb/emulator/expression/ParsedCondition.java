package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A validated condition or filter expression with the top-level attributes it reads. */
record ParsedCondition(ConditionNode root, Set<String> referencedAttributes) implements Expressions.Condition {
    ParsedCondition {
        referencedAttributes = Collections.unmodifiableSet(new LinkedHashSet<>(referencedAttributes));
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return root.test(item);
    }
}
