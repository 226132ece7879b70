package io.gridsteward.lakewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRecordConverterTest {

    private final StreamRecordConverter converter = new StreamRecordConverter();

    @Test
    void missingOrMistypedAttributesAreNamed() {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("entity", new AttributeValue().withS("TicketEvent"));
        image.put("eventId", new AttributeValue().withS("e-1"));

        assertThat(converter.convert(record("INSERT", "7", image)))
                .isEqualTo(new RecordOutcome.Unreadable("7", "attribute ticketId is missing"));

        image.put("ticketId", new AttributeValue().withS("t-1"));
        image.put("sequence", new AttributeValue().withS("one"));
        assertThat(converter.convert(record("INSERT", "8", image)))
                .isEqualTo(new RecordOutcome.Unreadable("8", "attribute sequence must be a number (N)"));
    }

    @Test
    void changesToEventsAndOtherEntitiesAreSkipped() {
        Map<String, AttributeValue> event = Map.of("entity", new AttributeValue().withS("TicketEvent"));
        Map<String, AttributeValue> organisation = Map.of("entity", new AttributeValue().withS("Organisation"));

        assertThat(converter.convert(record("MODIFY", "1", event))).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(converter.convert(record("REMOVE", "2", null))).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(converter.convert(record("INSERT", "3", organisation))).isInstanceOf(RecordOutcome.Skipped.class);
        assertThat(converter.convert(record("INSERT", "4", null))).isInstanceOf(RecordOutcome.Unreadable.class);
    }

    @Test
    void aRecordWithoutSequenceNumberFailsTheWholeBatch() {
        DynamodbStreamRecord record = record("INSERT", null, Map.of());
        record.setEventID("event-9");

        assertThatThrownBy(() -> converter.convert(record)).hasMessageContaining("event-9 has no dynamodb.SequenceNumber");
    }

    private static DynamodbStreamRecord record(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber(sequenceNumber);
        streamRecord.setNewImage(newImage);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(streamRecord);
        return record;
    }
}
