package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/**
 * A reporter's contact number. Personal data: kept on the ticket item only, shown only to the ticket's handling
 * chain ({@link TicketAccess#maySeeContact}), never on an event, so never in the lake.
 */
public record PhoneNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9][0-9 -]{4,22}[0-9]");

    public PhoneNumber {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw ValidationException.ofValue(
                    "must be a phone number of 6 to 24 digits, spaces or dashes, optionally starting with '+'");
        }
    }

    @Override
    public String toString() {
        return "PhoneNumber[***]";
    }
}
