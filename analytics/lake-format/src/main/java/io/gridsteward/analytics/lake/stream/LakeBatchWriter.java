package io.gridsteward.analytics.lake.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeTable;
import io.gridsteward.analytics.lake.parquet.ParquetObjectWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * One stream batch → one Parquet object per lake table and {@code dt} partition, at a key made of the stream and the first and
 * last sequence numbers of the object's records, so a retried batch overwrites its objects instead of adding
 * copies. An unreadable record does not hold back the readable ones around it: they are written, and the lowest
 * unreadable (or unstored) record is reported, so Lambda retries from there a bounded number of times
 * (MaximumRetryAttempts) and then sends what is left to the on-failure destination. The readable records of that
 * rest are already in the lake by then, so only the unreadable one is missing, and the reconciliation names it.
 * Unreadable records are counted as the CloudWatch metric {@code GridSteward/Lake UnreadableRecords}.
 */
public final class LakeBatchWriter {

    private static final Logger LOG = Logger.getLogger(LakeBatchWriter.class);
    private static final String STREAM_MARKER = "/stream/";

    private final StreamRecordConverter converter;
    private final ParquetObjectWriter parquet;
    private final LakeBucket bucket;

    public LakeBatchWriter(StreamRecordConverter converter, ParquetObjectWriter parquet, LakeBucket bucket) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.parquet = Objects.requireNonNull(parquet, "parquet");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * @param writtenKeys the objects put
     * @param retryFrom   the sequence number Lambda must retry from, if any record was not stored
     */
    public record BatchResult(List<String> writtenKeys, Optional<String> retryFrom) {}

    public BatchResult write(List<DynamodbStreamRecord> records) {
        if (records == null || records.isEmpty()) {
            return new BatchResult(List.of(), Optional.empty());
        }
        List<Integer> failedPositions = new ArrayList<>();
        Map<TablePartition, List<Positioned>> byPartition = new TreeMap<>();
        int unreadableRecords = 0;
        for (int position = 0; position < records.size(); position++) {
            RecordOutcome outcome = converter.convert(records.get(position));
            switch (outcome) {
                case RecordOutcome.Row row ->
                    byPartition
                            .computeIfAbsent(
                                    new TablePartition(
                                            row.row().table(), row.row().partitionValue()),
                                    partition -> new ArrayList<>())
                            .add(new Positioned(position, row));
                case RecordOutcome.Skipped skipped ->
                    LOG.debugf("skipped %s: %s", skipped.sequenceNumber(), skipped.reason());
                case RecordOutcome.Unreadable unreadable -> {
                    LOG.errorf(
                            "unreadable event at sequence number %s: %s",
                            unreadable.sequenceNumber(), unreadable.problem());
                    failedPositions.add(position);
                    unreadableRecords++;
                }
            }
        }
        if (unreadableRecords > 0) {
            // Embedded Metric Format: this one stdout line becomes the CloudWatch metric GridSteward/Lake
            // UnreadableRecords.
            System.out.println(UnreadableRecords.metricLine(unreadableRecords, System.currentTimeMillis()));
        }
        String source = source(records.getFirst());
        List<String> writtenKeys = new ArrayList<>();
        for (Map.Entry<TablePartition, List<Positioned>> partition : byPartition.entrySet()) {
            List<Positioned> rows = partition.getValue();
            LakeTable table = partition.getKey().table();
            String key = LakeSchema.objectKey(
                    table,
                    partition.getKey().partition(),
                    source,
                    rows.getFirst().outcome().sequenceNumber(),
                    rows.getLast().outcome().sequenceNumber());
            try {
                bucket.put(
                        key,
                        parquet.write(
                                table, rows.stream().map(Positioned::values).toList()));
                writtenKeys.add(key);
            } catch (RuntimeException exception) {
                LOG.errorf(exception, "cannot put lake object %s", key);
                failedPositions.add(rows.getFirst().position());
            }
        }
        Optional<String> retryFrom = failedPositions.stream()
                .min(Integer::compare)
                .map(position -> records.get(position).getDynamodb().getSequenceNumber());
        return new BatchResult(List.copyOf(writtenKeys), retryFrom);
    }

    /**
     * The key's source segment. DynamoDB stream records carry no shard id; sequence numbers are unique within
     * a stream, so the stream's label (the end of eventSourceARN) with the sequence numbers names a batch.
     */
    static String source(DynamodbStreamRecord record) {
        String arn = record.getEventSourceARN();
        if (arn == null || !arn.contains(STREAM_MARKER)) {
            return "stream";
        }
        return arn.substring(arn.lastIndexOf(STREAM_MARKER) + STREAM_MARKER.length())
                .replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** One object per table and day; ordered so the objects of a batch are put in a stable order. */
    private record TablePartition(LakeTable table, String partition) implements Comparable<TablePartition> {
        @Override
        public int compareTo(TablePartition other) {
            int byTable = table.name().compareTo(other.table.name());
            return byTable != 0 ? byTable : partition.compareTo(other.partition);
        }
    }

    private record Positioned(int position, RecordOutcome.Row outcome) {
        List<Object> values() {
            return outcome.row().values();
        }
    }
}
