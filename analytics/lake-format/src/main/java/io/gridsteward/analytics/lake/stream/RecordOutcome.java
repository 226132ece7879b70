package io.gridsteward.analytics.lake.stream;

import io.gridsteward.analytics.lake.LakeRow;

/** What one stream record contributes to the lake. */
public sealed interface RecordOutcome {

    /** The stream record's sequence number, the identifier Lambda takes back in {@code batchItemFailures}. */
    String sequenceNumber();

    /** A ticket event's insertion: one lake row. */
    record Row(String sequenceNumber, LakeRow row) implements RecordOutcome {}

    /** Not a lake row: another kind of item, or a change to an (immutable) event item. */
    record Skipped(String sequenceNumber, String reason) implements RecordOutcome {}

    /** A ticket event that cannot be turned into a row; the batch must be retried from here. */
    record Unreadable(String sequenceNumber, String problem) implements RecordOutcome {}
}
