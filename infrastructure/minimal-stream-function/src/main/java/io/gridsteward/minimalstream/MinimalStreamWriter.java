package io.gridsteward.minimalstream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A DynamoDB stream batch in, one object in the lake bucket out (the records' new images, a line each), and no
 * failures reported: the lake writer's one S3 write a batch, without the lake's format. Nothing else: the baseline of
 * a Quarkus stream function doing that write.
 */
@Named("minimal-stream")
public class MinimalStreamWriter implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final String bucket;
    private final S3Client s3 = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .forcePathStyle(true)
            .build();

    MinimalStreamWriter(@ConfigProperty(name = "lake.bucket", defaultValue = "grid-steward-lake") String bucket) {
        this.bucket = bucket;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String lines = event.getRecords().stream()
                .map(record -> String.valueOf(record.getDynamodb().getNewImage()))
                .collect(Collectors.joining("\n"));
        s3.putObject(
                put -> put.bucket(bucket).key("minimal-stream/" + UUID.randomUUID() + ".txt"),
                RequestBody.fromString(lines));
        return new StreamsEventResponse(List.of());
    }
}
