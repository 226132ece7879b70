package io.gridsteward.lakewriter;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.gridsteward.analytics.lake.TicketEventRow;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Turns a DynamoDB stream record into a lake row (docs/contracts.md, "TicketEvent"). Only the listed
 * attributes are read, so personal data on the item (actorId, reason, photoKeys, and anything added later)
 * never reaches the lake. Events written before issue 5 have no priority, due times or rating, and events written
 * before assignees' kinds were recorded have no assigneeOrgKind: those stay empty.
 */
public final class StreamRecordConverter {

    static final String TICKET_EVENT = "TicketEvent";

    public RecordOutcome convert(DynamodbStreamRecord record) {
        String sequenceNumber = sequenceNumber(record);
        if (!"INSERT".equals(record.getEventName())) {
            // Events are immutable: a MODIFY or REMOVE of one (e.g. a TTL sweep) changes nothing in the lake.
            return new RecordOutcome.Skipped(sequenceNumber, "event name " + record.getEventName());
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            return new RecordOutcome.Unreadable(sequenceNumber, "INSERT without NewImage (stream view type must include new images)");
        }
        String entity = optionalString(image, "entity");
        if (!TICKET_EVENT.equals(entity)) {
            return new RecordOutcome.Skipped(sequenceNumber, "entity " + entity);
        }
        try {
            return new RecordOutcome.Row(sequenceNumber, row(image));
        } catch (IllegalArgumentException exception) {
            return new RecordOutcome.Unreadable(sequenceNumber, exception.getMessage());
        }
    }

    private static String sequenceNumber(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getSequenceNumber() == null) {
            // Without it the record cannot even be reported back; the whole batch fails and is retried.
            throw new IllegalArgumentException("stream record " + record.getEventID() + " has no dynamodb.SequenceNumber");
        }
        return record.getDynamodb().getSequenceNumber();
    }

    private static TicketEventRow row(Map<String, AttributeValue> image) {
        return new TicketEventRow(
                requiredString(image, "eventId"),
                requiredString(image, "ticketId"),
                requiredNumber(image, "sequence"),
                requiredString(image, "eventType"),
                optionalString(image, "fromStatus"),
                requiredString(image, "toStatus"),
                requiredInstant(image, "occurredAt"),
                requiredString(image, "actorRole"),
                optionalString(image, "actorOrgId"),
                requiredString(image, "gridId"),
                requiredString(image, "communityId"),
                requiredString(image, "townId"),
                requiredString(image, "category"),
                optionalString(image, "assigneeOrgId"),
                optionalString(image, "priority"),
                optionalInstant(image, "acceptDueAt"),
                optionalInstant(image, "resolveDueAt"),
                optionalRating(image),
                optionalString(image, "assigneeOrgKind"));
    }

    private static String optionalString(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || Boolean.TRUE.equals(value.getNULL())) {
            return null;
        }
        if (value.getS() == null) {
            throw new IllegalArgumentException("attribute " + name + " must be a string (S)");
        }
        return value.getS();
    }

    private static String requiredString(Map<String, AttributeValue> image, String name) {
        String value = optionalString(image, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("attribute " + name + " is missing");
        }
        return value;
    }

    private static long requiredNumber(Map<String, AttributeValue> image, String name) {
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

    private static Instant optionalInstant(Map<String, AttributeValue> image, String name) {
        String value = optionalString(image, name);
        return value == null ? null : instant(name, value);
    }

    private static Integer optionalRating(Map<String, AttributeValue> image) {
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

    private static Instant requiredInstant(Map<String, AttributeValue> image, String name) {
        return instant(name, requiredString(image, name));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException exception) {
            throw new IllegalArgumentException("attribute " + name + " is not an ISO-8601 instant: " + value);
        }
    }
}
