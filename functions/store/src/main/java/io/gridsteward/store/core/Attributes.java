package io.gridsteward.store.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads and writes the attribute types of the contract: strings, numbers, ISO instants with milliseconds. */
public final class Attributes {

    /** Always three fraction digits, as the contract shows: {@code 2026-11-25T08:00:00.123Z}. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, AttributeValue> item;

    private Attributes(Map<String, AttributeValue> item) {
        this.item = item;
    }

    public static Attributes of(Map<String, AttributeValue> item) {
        return new Attributes(item);
    }

    public static Builder builder(String entity, Map<String, AttributeValue> key) {
        return new Builder(entity, key);
    }

    public static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    public String string(String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException(
                    "item %s lacks string attribute %s".formatted(item.get(Keys.PARTITION), name));
        }
        return value.s();
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    public boolean bool(String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public OptionalLong optionalLong(String name) {
        return item.containsKey(name) ? OptionalLong.of(longNumber(name)) : OptionalLong.empty();
    }

    public List<String> strings(String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL()
                ? List.of()
                : value.l().stream().map(AttributeValue::s).toList();
    }

    public Duration duration(String name) {
        return Duration.parse(string(name));
    }

    public long longNumber(String name) {
        return new BigDecimal(number(name)).longValueExact();
    }

    public double doubleNumber(String name) {
        return Double.parseDouble(number(name));
    }

    public Instant instant(String name) {
        return Instant.parse(string(name));
    }

    public Optional<Instant> optionalInstant(String name) {
        return optionalString(name).map(Instant::parse);
    }

    private String number(String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException(
                    "item %s lacks number attribute %s".formatted(item.get(Keys.PARTITION), name));
        }
        return value.n();
    }

    public static final class Builder {

        private final Map<String, AttributeValue> item = new HashMap<>();

        private Builder(String entity, Map<String, AttributeValue> key) {
            item.putAll(key);
            item.put("entity", AttributeValue.fromS(entity));
        }

        public Builder string(String name, String value) {
            item.put(name, AttributeValue.fromS(value));
            return this;
        }

        public Builder optionalString(String name, Optional<String> value) {
            value.ifPresent(present -> string(name, present));
            return this;
        }

        public Builder number(String name, long value) {
            item.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        /** Plain decimal notation, never an exponent, so every reader parses it the same way. */
        public Builder number(String name, double value) {
            item.put(name, AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString()));
            return this;
        }

        public Builder bool(String name, boolean value) {
            item.put(name, AttributeValue.fromBool(value));
            return this;
        }

        public Builder optionalNumber(String name, OptionalLong value) {
            value.ifPresent(present -> number(name, present));
            return this;
        }

        /** A list of strings, left out when empty so that items stay small. */
        public Builder strings(String name, List<String> values) {
            if (!values.isEmpty()) {
                item.put(
                        name,
                        AttributeValue.fromL(
                                values.stream().map(AttributeValue::fromS).toList()));
            }
            return this;
        }

        public Builder duration(String name, Duration value) {
            return string(name, value.toString());
        }

        public Builder instant(String name, Instant value) {
            return string(name, format(value));
        }

        public Builder optionalInstant(String name, Optional<Instant> value) {
            value.ifPresent(present -> instant(name, present));
            return this;
        }

        public Map<String, AttributeValue> build() {
            return Map.copyOf(item);
        }
    }
}
