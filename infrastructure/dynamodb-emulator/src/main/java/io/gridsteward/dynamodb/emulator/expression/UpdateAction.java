package io.gridsteward.dynamodb.emulator.expression;

import io.gridsteward.dynamodb.emulator.value.AttributeValue;

/** One action of an update expression's SET, REMOVE, ADD or DELETE clause. */
sealed interface UpdateAction {
    DocumentPath path();

    record Set(DocumentPath path, Operand value) implements UpdateAction {}

    record Remove(DocumentPath path) implements UpdateAction {}

    /** Adds a number to a number or members to a set; creates the attribute when missing. */
    record Add(DocumentPath path, AttributeValue value) implements UpdateAction {}

    /** Removes members from a set; a set left empty disappears. */
    record Delete(DocumentPath path, AttributeValue value) implements UpdateAction {}
}
