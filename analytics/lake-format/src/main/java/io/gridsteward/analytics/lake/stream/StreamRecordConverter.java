package io.gridsteward.analytics.lake.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.gridsteward.analytics.lake.LakeRow;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a DynamoDB stream record into a row of its context's lake table, chosen by the item's {@code entity}
 * (docs/contracts.md). Each context's converter reads only its listed attributes, so personal data on the item
 * (actorId, reason, photoKeys, and anything added later) never reaches the lake. Items of other entities (the
 * state items, idempotency records) are skipped.
 */
public final class StreamRecordConverter {

    /** The entity of a ticket event item (docs/contracts.md; the store's fixture holds the two sides together). */
    public static final String TICKET_EVENT = "TicketEvent";

    private static final Map<String, Function<EventImage, LakeRow>> CONVERTERS = Map.of(
            TICKET_EVENT,
            TicketEventConverter::row,
            PartyEventConverter.ENROLMENT_EVENT,
            PartyEventConverter::enrolmentRow,
            PartyEventConverter.ATTENDANCE_EVENT,
            PartyEventConverter::attendanceRow,
            "FundLedgerEntry",
            FundEventConverter::ledgerEntry,
            "FundClaimEvent",
            FundEventConverter::claimEvent,
            ResourceEventConverter.ENTITY,
            ResourceEventConverter::row);

    public RecordOutcome convert(DynamodbStreamRecord record) {
        String sequenceNumber = sequenceNumber(record);
        if (!"INSERT".equals(record.getEventName())) {
            // Events are immutable: a MODIFY or REMOVE of one (e.g. a TTL sweep) changes nothing in the lake.
            return new RecordOutcome.Skipped(sequenceNumber, "event name " + record.getEventName());
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            return new RecordOutcome.Unreadable(
                    sequenceNumber, "INSERT without NewImage (stream view type must include new images)");
        }
        try {
            EventImage event = new EventImage(image);
            String entity = event.optionalString("entity");
            Function<EventImage, LakeRow> converter = entity == null ? null : CONVERTERS.get(entity);
            if (converter == null) {
                return new RecordOutcome.Skipped(sequenceNumber, "entity " + entity);
            }
            return new RecordOutcome.Row(sequenceNumber, converter.apply(event));
        } catch (IllegalArgumentException exception) {
            return new RecordOutcome.Unreadable(sequenceNumber, exception.getMessage());
        }
    }

    private static String sequenceNumber(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getSequenceNumber() == null) {
            // Without it the record cannot even be reported back; the whole batch fails and is retried.
            throw new IllegalArgumentException(
                    "stream record " + record.getEventID() + " has no dynamodb.SequenceNumber");
        }
        return record.getDynamodb().getSequenceNumber();
    }
}
