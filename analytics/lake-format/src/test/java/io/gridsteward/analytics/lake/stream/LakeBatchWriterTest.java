package io.gridsteward.analytics.lake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import io.gridsteward.analytics.lake.stream.LakeBatchWriter.BatchResult;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** Partial failures: which sequence number Lambda is told to retry from. */
class LakeBatchWriterTest {

    private static final String ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/grid-steward/stream/2026-11-25T08:00:00.000";

    /** A bucket that keeps what it is given and fails for keys of one partition. */
    private static final class FakeBucket implements LakeBucket {
        final Map<String, byte[]> objects = new LinkedHashMap<>();
        final String failingPartition;

        FakeBucket(String failingPartition) {
            this.failingPartition = failingPartition;
        }

        @Override
        public void put(String key, byte[] body) {
            if (failingPartition != null && key.contains("dt=" + failingPartition + "/")) {
                throw new IllegalStateException("S3 is down for " + key);
            }
            objects.put(key, body);
        }

        @Override
        public List<LakeObject> list(String prefix) {
            return objects.entrySet().stream()
                    .filter(object -> object.getKey().startsWith(prefix))
                    .sorted(Map.Entry.comparingByKey())
                    .map(object -> new LakeObject(object.getKey(), object.getValue().length))
                    .toList();
        }

        @Override
        public byte[] get(String key) {
            return objects.get(key);
        }

        @Override
        public void delete(Collection<String> keys) {
            keys.forEach(objects::remove);
        }
    }

    @Test
    void anS3FailureReportsTheFirstSequenceNumberOfTheFailedObject() {
        FakeBucket bucket = new FakeBucket("2026-11-25");
        List<DynamodbStreamRecord> records = List.of(
                insert("11", "2026-11-24T10:00:00Z"),
                insert("12", "2026-11-25T10:00:00Z"),
                insert("13", "2026-11-24T11:00:00Z"),
                insert("14", "2026-11-25T11:00:00Z"));

        BatchResult result = writer(bucket).write(records);

        assertThat(result.retryFrom()).contains("12");
        assertThat(bucket.objects.keySet())
                .containsExactly("ticket_events/dt=2026-11-24/2026-11-25T08-00-00.000-11-13.parquet");
        assertThat(result.writtenKeys()).containsExactlyElementsOf(bucket.objects.keySet());
    }

    @Test
    void theEarlierOfAnUnreadableRecordAndAFailedObjectWins() {
        FakeBucket bucket = new FakeBucket("2026-11-24");
        List<DynamodbStreamRecord> records = List.of(
                insert("21", "2026-11-25T10:00:00Z"),
                insert("22", "2026-11-24T10:00:00Z"),
                insert("23", "not a time"),
                insert("24", "2026-11-25T11:00:00Z"));

        BatchResult result = writer(bucket).write(records);

        assertThat(result.retryFrom()).contains("22");
        assertThat(bucket.objects.keySet())
                .containsExactly("ticket_events/dt=2026-11-25/2026-11-25T08-00-00.000-21-24.parquet");
    }

    @Test
    void unreadableRecordsHoldBackNothingButThemselvesAndTheFirstIsReported() {
        FakeBucket bucket = new FakeBucket(null);
        List<DynamodbStreamRecord> records = List.of(
                insert("51", "2026-11-25T10:00:00Z"),
                insert("52", "not a time"),
                insert("53", "2026-11-25T11:00:00Z"),
                insert("54", "neither"),
                insert("55", "2026-11-25T12:00:00Z"));

        BatchResult result = writer(bucket).write(records);

        assertThat(result.retryFrom()).contains("52");
        assertThat(result.writtenKeys())
                .containsExactly("ticket_events/dt=2026-11-25/2026-11-25T08-00-00.000-51-55.parquet");
    }

    @Test
    void theUnreadableCountIsAnEmbeddedMetricFormatLine() {
        String line = UnreadableRecords.metricLine(3, 1_764_057_600_000L);

        assertThat(line)
                .isEqualTo(
                        "{\"_aws\":{\"Timestamp\":1764057600000,\"CloudWatchMetrics\":[{\"Namespace\":\"GridSteward/Lake\","
                                + "\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"UnreadableRecords\",\"Unit\":\"Count\"}]}]},\"UnreadableRecords\":3}");
    }

    @Test
    void aBatchOfOtherItemsWritesNothingAndFailsNothing() {
        FakeBucket bucket = new FakeBucket(null);
        DynamodbStreamRecord ticket = insert("31", "2026-11-25T10:00:00Z");
        ticket.getDynamodb().getNewImage().put("entity", new AttributeValue().withS("Ticket"));

        assertThat(writer(bucket).write(List.of(ticket))).isEqualTo(new BatchResult(List.of(), Optional.empty()));
        assertThat(writer(bucket).write(List.of())).isEqualTo(new BatchResult(List.of(), Optional.empty()));
        assertThat(bucket.objects).isEmpty();
    }

    @Test
    void aStreamWithoutArnStillGetsADeterministicKey() {
        DynamodbStreamRecord record = insert("41", "2026-11-25T10:00:00Z");
        record.setEventSourceARN(null);

        assertThat(LakeBatchWriter.source(record)).isEqualTo("stream");
        assertThat(LakeBatchWriter.source(insert("42", "2026-11-25T10:00:00Z"))).isEqualTo("2026-11-25T08-00-00.000");
    }

    private static LakeBatchWriter writer(LakeBucket bucket) {
        return new LakeBatchWriter(
                new StreamRecordConverter(), new ParquetObjectWriter(CompressionCodecName.SNAPPY), bucket);
    }

    private static DynamodbStreamRecord insert(String sequenceNumber, String occurredAt) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("entity", new AttributeValue().withS(StreamRecordConverter.TICKET_EVENT));
        image.put("eventId", new AttributeValue().withS("event-" + sequenceNumber));
        image.put("ticketId", new AttributeValue().withS("ticket-" + sequenceNumber));
        image.put("sequence", new AttributeValue().withN("1"));
        image.put("eventType", new AttributeValue().withS("REPORTED"));
        image.put("toStatus", new AttributeValue().withS("REPORTED"));
        image.put("occurredAt", new AttributeValue().withS(occurredAt));
        image.put("actorRole", new AttributeValue().withS("RESIDENT"));
        image.put("gridId", new AttributeValue().withS("grid-1"));
        image.put("communityId", new AttributeValue().withS("community-1"));
        image.put("townId", new AttributeValue().withS("town-1"));
        image.put("category", new AttributeValue().withS("ROAD_DAMAGE"));
        StreamRecord streamRecord = new StreamRecord();
        streamRecord.setSequenceNumber(sequenceNumber);
        streamRecord.setNewImage(image);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setEventSourceARN(ARN);
        record.setDynamodb(streamRecord);
        return record;
    }
}
