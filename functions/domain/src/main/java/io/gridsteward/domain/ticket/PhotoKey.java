package io.gridsteward.domain.ticket;

import io.gridsteward.domain.core.IdSource;
import io.gridsteward.domain.core.ValidationException;
import java.util.regex.Pattern;

/** The object key of an uploaded photo in the attachments bucket; the ticket stores keys, never images. */
public record PhotoKey(String value) {

    public static final int MAXIMUM_LENGTH = 256;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]*");

    private static final String PREFIX = "attachments/";

    public PhotoKey {
        if (value == null || value.isBlank()) {
            throw ValidationException.ofValue("is required");
        }
        if (value.length() > MAXIMUM_LENGTH || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw ValidationException.ofValue(
                    "must be an object key of at most %d letters, digits, '/', '.', '_' or '-'"
                            .formatted(MAXIMUM_LENGTH));
        }
    }

    /** A new key for a photo of this ticket: {@code attachments/{ticketId}/{id}.{extension}}. */
    public static PhotoKey newFor(TicketId ticket, IdSource ids, String extension) {
        return new PhotoKey(prefixOf(ticket) + ids.newId() + "." + extension);
    }

    /** Whether the key lies under this ticket's attachments, so a resolution cannot cite another ticket's photos. */
    public boolean belongsTo(TicketId ticket) {
        return value.startsWith(prefixOf(ticket));
    }

    private static String prefixOf(TicketId ticket) {
        return PREFIX + ticket.value() + "/";
    }
}
