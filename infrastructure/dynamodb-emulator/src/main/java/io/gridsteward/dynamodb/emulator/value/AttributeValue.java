package io.gridsteward.dynamodb.emulator.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, as the wire protocol knows it. Values are immutable; numbers are exact
 * and kept in canonical form so that {@code 1.0} equals {@code 1}.
 */
public sealed interface AttributeValue {
    /** The wire-protocol type descriptor: S, N, B, SS, NS, BS, M, L, NULL or BOOL. */
    String typeDescriptor();

    record StringValue(String value) implements AttributeValue {
        public String typeDescriptor() {
            return "S";
        }
    }

    record NumberValue(BigDecimal value) implements AttributeValue {
        public NumberValue {
            value = Numbers.canonical(value);
        }

        public String typeDescriptor() {
            return "N";
        }
    }

    record BinaryValue(Bytes value) implements AttributeValue {
        public String typeDescriptor() {
            return "B";
        }
    }

    /** Sets keep insertion order for stable output; equality is set equality. */
    record StringSetValue(Set<String> values) implements AttributeValue {
        public StringSetValue {
            values = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
        }

        public String typeDescriptor() {
            return "SS";
        }
    }

    record NumberSetValue(Set<BigDecimal> values) implements AttributeValue {
        public NumberSetValue {
            values = Numbers.canonicalSet(values);
        }

        public String typeDescriptor() {
            return "NS";
        }
    }

    record BinarySetValue(Set<Bytes> values) implements AttributeValue {
        public BinarySetValue {
            values = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
        }

        public String typeDescriptor() {
            return "BS";
        }
    }

    record MapValue(Map<String, AttributeValue> values) implements AttributeValue {
        public MapValue {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        public String typeDescriptor() {
            return "M";
        }
    }

    record ListValue(List<AttributeValue> values) implements AttributeValue {
        public ListValue {
            values = List.copyOf(values);
        }

        public String typeDescriptor() {
            return "L";
        }
    }

    record NullValue() implements AttributeValue {
        public String typeDescriptor() {
            return "NULL";
        }
    }

    record BooleanValue(boolean value) implements AttributeValue {
        public String typeDescriptor() {
            return "BOOL";
        }
    }
}
