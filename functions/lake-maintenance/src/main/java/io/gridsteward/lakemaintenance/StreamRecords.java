package io.gridsteward.lakemaintenance;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item read from the table, dressed as the INSERT stream record Lambda would have delivered for it, so the
 * backfill runs the lake writer's own converter and the rows cannot differ from the stream path's.
 */
final class StreamRecords {

    private StreamRecords() {}

    static DynamodbStreamRecord insertOf(Map<String, AttributeValue> item, String sequenceNumber) {
        StreamRecord change = new StreamRecord();
        change.setNewImage(lambdaImage(item));
        change.setKeys(lambdaImage(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        change.setSequenceNumber(sequenceNumber);
        change.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setEventSource("aws:dynamodb");
        record.setDynamodb(change);
        return record;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambdaImage(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, lambdaValue(value)));
        return image;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambdaValue(
            AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(true);
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS ->
                converted.setBS(
                        value.bs().stream().map(bytes -> bytes.asByteBuffer()).toList());
            case L ->
                converted.setL(
                        value.l().stream().map(StreamRecords::lambdaValue).toList());
            case M -> converted.setM(lambdaImage(value.m()));
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException("attribute of a type this SDK does not know: " + value);
        }
        return converted;
    }
}
