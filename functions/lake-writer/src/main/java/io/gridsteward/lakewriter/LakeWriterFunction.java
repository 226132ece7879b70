package io.gridsteward.lakewriter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import io.gridsteward.analytics.lake.stream.LakeBatchWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The stream function: a DynamoDB stream batch in, Parquet objects in the lake out, and the first record that
 * was not stored reported back so that Lambda retries from there (ReportBatchItemFailures).
 */
@Named(LakeWriterFunction.NAME)
public class LakeWriterFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    public static final String NAME = "lake-writer";

    private final LakeBatchWriter writer;

    @Inject
    LakeWriterFunction(LakeBatchWriter writer) {
        this.writer = writer;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        LakeBatchWriter.BatchResult result = writer.write(event.getRecords());
        List<BatchItemFailure> failures = result.retryFrom()
                .map(sequenceNumber -> List.of(new BatchItemFailure(sequenceNumber)))
                .orElse(List.of());
        return new StreamsEventResponse(failures);
    }
}
