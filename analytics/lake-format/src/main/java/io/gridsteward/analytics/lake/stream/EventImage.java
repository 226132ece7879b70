package io.gridsteward.analytics.lake.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A stream record's new image, read attribute by attribute with the contract's types; a mismatch is unreadable. */
public final class EventImage {

    private final Map<String, AttributeValue> image;

    public EventImage(Map<String, AttributeValue> image) {
        this.image = image;
    }

    public String optionalString(String name) {
        AttributeValue value = image.get(name);
        if (value == null || Boolean.TRUE.equals(value.getNULL())) {
            return null;
        }
        if (value.getS() == null) {
            throw new IllegalArgumentException("attribute " + name + " must be a string (S)");
        }
        return value.getS();
    }

    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("attribute " + name + " is missing");
        }
        return value;
    }

    public long requiredNumber(String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getN() == null) {
            throw new IllegalArgumentException("attribute " + name + " must be a number (N)");
        }
        try {
            return Long.parseLong(value.getN());
        } catch (NumberFormatException exception) {
            throw new IllegalArgumentException("attribute " + name + " is not a whole number: " + value.getN());
        }
    }

    /** A whole number, or null when the attribute is absent. */
    public Long optionalNumber(String name) {
        AttributeValue value = image.get(name);
        return value == null || Boolean.TRUE.equals(value.getNULL()) ? null : requiredNumber(name);
    }

    public Instant optionalInstant(String name) {
        String value = optionalString(name);
        return value == null ? null : instant(name, value);
    }

    public Integer optionalRating() {
        AttributeValue value = image.get("rating");
        if (value == null || Boolean.TRUE.equals(value.getNULL())) {
            return null;
        }
        if (value.getN() == null) {
            throw new IllegalArgumentException("attribute rating must be a number (N)");
        }
        try {
            return Integer.valueOf(value.getN());
        } catch (NumberFormatException exception) {
            throw new IllegalArgumentException("attribute rating is not a whole number: " + value.getN());
        }
    }

    public boolean optionalBoolean(String name) {
        AttributeValue value = image.get(name);
        if (value == null || Boolean.TRUE.equals(value.getNULL())) {
            return false;
        }
        if (value.getBOOL() == null) {
            throw new IllegalArgumentException("attribute " + name + " must be a boolean (BOOL)");
        }
        return value.getBOOL();
    }

    public Instant requiredInstant(String name) {
        return instant(name, requiredString(name));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException exception) {
            throw new IllegalArgumentException("attribute " + name + " is not an ISO-8601 instant: " + value);
        }
    }
}
