package io.gridsteward.lakemaintenance;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * TicketEvent items as the store writes them (docs/contracts.md), personal attributes included, and the same
 * item as Lambda delivers it in a stream record, built here independently of the backfill's own conversion.
 */
final class TicketEventItems {

    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:000000000000:table/grid-steward/stream/2026-11-25T08:00:00.000";

    private TicketEventItems() {}

    /** The attributes of one event, as strings; numbers are marked by name. */
    static Map<String, String> event(String ticketId, int sequence, String type, Instant occurredAt) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("pk", "TICKET#" + ticketId);
        attributes.put("sk", "EVENT#" + String.format("%06d", sequence));
        attributes.put("entity", StreamRecordConverter.TICKET_EVENT);
        attributes.put(
                "eventId",
                UUID.nameUUIDFromBytes((ticketId + "#" + sequence).getBytes()).toString());
        attributes.put("ticketId", ticketId);
        attributes.put("sequence", String.valueOf(sequence));
        attributes.put("eventType", type);
        if (sequence > 1) {
            attributes.put("fromStatus", "REPORTED");
            attributes.put("assigneeOrgId", "bureau-water");
            attributes.put("assigneeOrgKind", "DEPARTMENT");
        }
        attributes.put("toStatus", type);
        attributes.put("occurredAt", IsoInstants.format(occurredAt));
        attributes.put("actorId", "user-" + ticketId);
        attributes.put("actorRole", sequence == 1 ? "RESIDENT" : "TOWN_DISPATCHER");
        attributes.put("gridId", "grid-" + (ticketId.hashCode() & 3));
        attributes.put("communityId", "community-1");
        attributes.put("townId", "town-1");
        attributes.put("category", "streetlight");
        attributes.put("reason", "路灯不亮, call 13800000000");
        attributes.put("priority", "NORMAL");
        attributes.put("acceptDueAt", IsoInstants.format(occurredAt.plusSeconds(3600)));
        attributes.put("resolveDueAt", IsoInstants.format(occurredAt.plusSeconds(86400)));
        return attributes;
    }

    static Map<String, AttributeValue> item(Map<String, String> event) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        event.forEach((name, value) ->
                item.put(name, name.equals("sequence") ? AttributeValue.fromN(value) : AttributeValue.fromS(value)));
        return item;
    }

    static DynamodbStreamRecord insert(Map<String, String> event, long sequenceNumber) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                new LinkedHashMap<>();
        event.forEach((name, value) -> {
            var attribute = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
            if (name.equals("sequence")) {
                attribute.setN(value);
            } else {
                attribute.setS(value);
            }
            image.put(name, attribute);
        });
        StreamRecord change = new StreamRecord();
        change.setNewImage(image);
        change.setSequenceNumber(String.valueOf(sequenceNumber));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setEventSourceARN(STREAM_ARN);
        record.setDynamodb(change);
        return record;
    }
}
