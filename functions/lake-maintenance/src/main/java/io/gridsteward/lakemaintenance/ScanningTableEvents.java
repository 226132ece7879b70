package io.gridsteward.lakemaintenance;

import io.gridsteward.analytics.lake.stream.StreamRecordConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A paginated parallel Scan with a filter on {@code entity} and {@code occurredAt}. No index of the table is keyed
 * by an event's day (functions/store/README.md: gsi1-gsi4 hold tickets and organisations, sparse, by state), and a
 * maintenance job that reads every event of a period once a day reads most of the table anyway; request paths
 * never scan. Segments run on their own threads; each follows its own LastEvaluatedKey to the end.
 */
public final class ScanningTableEvents implements TableEvents {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final int segments;

    public ScanningTableEvents(DynamoDbClient dynamoDb, String tableName, int segments) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        if (segments < 1) {
            throw new IllegalArgumentException("a scan needs at least one segment, not " + segments);
        }
        this.segments = segments;
    }

    @Override
    public void forEach(Instant from, Instant until, Consumer<Map<String, AttributeValue>> consumer) {
        ExecutorService executor = Executors.newFixedThreadPool(segments);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int current = segment;
                running.add(executor.submit(() -> scanSegment(current, from, until, consumer)));
            }
            for (Future<?> segment : running) {
                segment.get();
            }
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning " + tableName, exception);
        } catch (ExecutionException exception) {
            throw new IllegalStateException(
                    "cannot scan " + tableName + ": " + exception.getCause().getMessage(), exception.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private void scanSegment(int segment, Instant from, Instant until, Consumer<Map<String, AttributeValue>> consumer) {
        // occurredAt is ISO-8601 UTC with exactly three fraction digits (store README), so strings order as instants.
        ScanRequest.Builder request = ScanRequest.builder()
                .tableName(tableName)
                .segment(segment)
                .totalSegments(segments)
                .filterExpression("entity = :entity AND occurredAt >= :from AND occurredAt < :until")
                .expressionAttributeValues(Map.of(
                        ":entity", AttributeValue.fromS(StreamRecordConverter.TICKET_EVENT),
                        ":from", AttributeValue.fromS(IsoInstants.format(from)),
                        ":until", AttributeValue.fromS(IsoInstants.format(until))));
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page =
                    dynamoDb.scan(request.exclusiveStartKey(startKey).build());
            page.items().forEach(consumer);
            startKey =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }
}
