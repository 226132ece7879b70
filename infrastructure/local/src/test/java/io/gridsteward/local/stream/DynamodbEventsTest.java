package io.gridsteward.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class DynamodbEventsTest {
    private static final String ARN =
            "arn:aws:dynamodb:us-east-1:000000000000:table/grid-steward/stream/2026-11-25T08:00:00.000";

    @Test
    void aStreamRecordBecomesTheRecordLambdaDelivers() throws Exception {
        Map<String, AttributeValue> keys =
                Map.of("pk", AttributeValue.fromS("TICKET#t-1"), "sk", AttributeValue.fromS("EVENT#000001"));
        Record record = Record.builder()
                .eventID("e-1")
                .eventName(OperationType.INSERT)
                .awsRegion("us-east-1")
                .dynamodb(StreamRecord.builder()
                        .approximateCreationDateTime(Instant.parse("2026-11-25T08:00:01.500Z"))
                        .keys(keys)
                        .newImage(Map.of(
                                "pk", AttributeValue.fromS("TICKET#t-1"),
                                "sequence", AttributeValue.fromN("1"),
                                "flags", AttributeValue.fromSs(List.of("a", "b")),
                                "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})),
                                "nested",
                                        AttributeValue.fromM(Map.of(
                                                "list",
                                                AttributeValue.fromL(List.of(
                                                        AttributeValue.fromBool(true),
                                                        AttributeValue.fromNul(true)))))))
                        .sequenceNumber("000100")
                        .sizeBytes(120L)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build())
                .build();

        StreamRecordJson built = DynamodbEvents.record("shard-1", record, ARN, "us-east-1");
        JsonNode event = new ObjectMapper().readTree(DynamodbEvents.event(List.of(built)));
        JsonNode delivered = event.path("Records").get(0);

        assertThat(built.sequenceNumber()).isEqualTo("000100");
        assertThat(delivered.path("eventID").asText()).isEqualTo("e-1");
        assertThat(delivered.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(delivered.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(delivered.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(delivered.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(delivered.path("eventSourceARN").asText()).isEqualTo(ARN);
        JsonNode dynamodb = delivered.path("dynamodb");
        assertThat(dynamodb.path("ApproximateCreationDateTime").asLong())
                .isEqualTo(Instant.parse("2026-11-25T08:00:01Z").getEpochSecond());
        assertThat(dynamodb.path("Keys").path("sk").path("S").asText()).isEqualTo("EVENT#000001");
        assertThat(dynamodb.path("NewImage").path("sequence").path("N").asText())
                .isEqualTo("1");
        assertThat(dynamodb.path("NewImage").path("flags").path("SS"))
                .extracting(JsonNode::asText)
                .containsExactly("a", "b");
        assertThat(dynamodb.path("NewImage").path("blob").path("B").asText()).isEqualTo("AQI=");
        assertThat(dynamodb.path("NewImage")
                        .path("nested")
                        .path("M")
                        .path("list")
                        .path("L")
                        .get(0)
                        .path("BOOL")
                        .asBoolean())
                .isTrue();
        assertThat(dynamodb.path("NewImage")
                        .path("nested")
                        .path("M")
                        .path("list")
                        .path("L")
                        .get(1)
                        .path("NULL")
                        .asBoolean())
                .isTrue();
        assertThat(dynamodb.has("OldImage")).isFalse();
        assertThat(dynamodb.path("SequenceNumber").asText()).isEqualTo("000100");
        assertThat(dynamodb.path("SizeBytes").asLong()).isEqualTo(120);
        assertThat(dynamodb.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    }
}
