/**
 * DynamoDB's expression language: condition and filter, key-condition, update and projection expressions.
 *
 * <p>Entry points are the static methods of {@link io.gridsteward.dynamodb.emulator.expression.Expressions}; the
 * {@code #name} / {@code :value} maps of one request live in
 * {@link io.gridsteward.dynamodb.emulator.expression.ExpressionAttributes}, which remembers what was used so that
 * {@code requireAllUsed()} can reject the rest. Every invalid expression raises
 * {@link io.gridsteward.dynamodb.emulator.expression.ExpressionException} with DynamoDB's full message, already
 * prefixed with the parameter name ("Invalid UpdateExpression: ..."), so the server passes it on unchanged.
 *
 * <h2>Supported</h2>
 * <ul>
 *   <li>Document paths {@code a}, {@code a.b}, {@code a[2]}, {@code a.b[2].c}, {@code #n.#m[0]}; bare names that are
 *       one of DynamoDB's 573 reserved words (resource {@code reserved-words.txt}) are rejected.</li>
 *   <li>Conditions: {@code = <> < <= > >=}, {@code BETWEEN}, {@code IN} (up to 100 operands), {@code AND},
 *       {@code OR}, {@code NOT}, parentheses (DynamoDB's precedence), {@code attribute_exists},
 *       {@code attribute_not_exists}, {@code attribute_type}, {@code begins_with}, {@code contains} and
 *       {@code size} as an operand. Comparing different types or a missing attribute is false ({@code <>} true).</li>
 *   <li>Updates: {@code SET} with {@code +}, {@code -}, {@code if_not_exists}, {@code list_append} (values computed
 *       from the item before the update; an index past the end of a list appends), {@code REMOVE} (list elements
 *       shift), {@code ADD} (numbers, sets), {@code DELETE} (sets; an emptied set disappears). Numbers stay exact
 *       and canonical, limited to 38 digits and DynamoDB's magnitude range.</li>
 *   <li>Projections: nested paths keep their structure; selected list elements keep their order.</li>
 *   <li>Key conditions: hash-key equality and at most one sort-key condition among {@code = < <= > >= BETWEEN
 *       begins_with}, with either operand order.</li>
 * </ul>
 *
 * <h2>Validation errors (all as ValidationException)</h2>
 * Syntax errors ({@code Syntax error; token: "x", near: "w x y"}), empty expressions, reserved words, undefined or
 * unused names and values, unknown functions, misused functions, wrong operand counts or literal types, invalid
 * {@code attribute_type} names, identical operands, inverted or mixed {@code BETWEEN} bounds, too many {@code IN}
 * operands, redundant parentheses, repeated update clauses, overlapping or conflicting paths (updates and
 * projections), and the key-condition rules ({@code Query key condition not supported}, {@code Query condition
 * missed key schema element: pk}, invalid operators, nested attributes, one condition per key), expressions over
 * 4096 bytes and over 300 operators (comparators, logical operators, arithmetic and function calls). At update time:
 * incorrect operand types, missing operands, invalid document paths and number overflow.
 *
 * <h2>Not covered here</h2>
 * Nesting deeper than 350 levels is a syntax error (it would otherwise exhaust the stack). Checking key values
 * against the key schema's types, item sizes and key-attribute updates are the server's job.
 */
package io.gridsteward.dynamodb.emulator.expression;
