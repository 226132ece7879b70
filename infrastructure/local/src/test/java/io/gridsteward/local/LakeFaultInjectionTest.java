package io.gridsteward.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.analytics.query.QueryResult;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.lambda.LocalFunction;
import io.gridsteward.local.stream.DynamodbEvents;
import io.gridsteward.local.stream.StreamRecordJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Delivery at least once, under faults, on the embedded stack (the packaged lake writer in its own JVM behind the
 * stream poller): S3 refusing the puts of 30% of the objects, the lake writer's JVM killed while it puts a batch, a
 * batch delivered twice, batches delivered out of order. Then the lake is reconciled with the table by the packaged
 * maintenance function, and the deduplicated view holds each event exactly once. Small batches (10 records) make many
 * objects. A record the lake writer cannot convert goes to the dead-letter folder after the template's retries, and
 * the records around it still land.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakeFaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLISECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String LAKE_WRITER = "lake-writer";
    private static final String MAINTENANCE = "lake-maintenance";

    private Path dataDirectory;
    private LocalStack stack;
    private final List<String> written = new ArrayList<>();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeAll
    void startStack(@TempDir Path directory) throws Exception {
        dataDirectory = directory;
        LocalStackOptions ephemeral = LocalStackOptions.ephemeral(dataDirectory, Path.of("../.."));
        LocalStackOptions options = new LocalStackOptions(
                0, 0, 0, ephemeral.dataDirectory(), ephemeral.projectDirectory(), false, 10, Duration.ofMillis(200));
        stack = LocalStack.start(options, List.of(), new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void putsRefusedForThirtyPercentOfTheObjectsAreRetriedUntilTheLakeEqualsTheTable() throws Exception {
        stack.s3Faults().failPuts("ticket_events/", 0.3, 5, 6);
        try {
            writeEvents(100);
            awaitReconciled();
            System.out.println(
                    "fault injection: S3 refused " + stack.s3Faults().refusedPuts() + " puts of lake objects");
            assertThat(stack.s3Faults().refusedPuts())
                    .as("puts refused by the fault switch")
                    .isPositive();
        } finally {
            stack.s3Faults().clear();
        }
    }

    @Test
    @Order(2)
    void aLakeWriterKilledWhilePuttingABatchLosesNothing() throws Exception {
        LocalFunction lakeWriter = stack.function(LAKE_WRITER);
        long killedProcess = lakeWriter.process().orElseThrow().pid();
        AtomicBoolean killed = new AtomicBoolean();
        stack.s3Faults().onPut(key -> {
            if (!key.startsWith("ticket_events/") || !killed.compareAndSet(false, true)) {
                return false;
            }
            // The batch is converted and its object is on the wire: the JVM dies now, and this put never lands.
            lakeWriter.process().ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            });
            return true;
        });
        try {
            writeEvents(30);
            awaitReconciled();
        } finally {
            stack.s3Faults().clear();
        }
        assertThat(killed).isTrue();
        assertThat(lakeWriter.process().orElseThrow().pid())
                .as("a new JVM took over")
                .isNotEqualTo(killedProcess);
    }

    @Test
    @Order(3)
    void aBatchDeliveredTwiceAndBatchesOutOfOrderAppearOnceInTheView() throws Exception {
        List<StreamRecordJson> records = ticketEventRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(40);
        List<StreamRecordJson> earlier = records.subList(0, 20);
        List<StreamRecordJson> later = records.subList(20, 40);
        LocalFunction lakeWriter = stack.function(LAKE_WRITER);

        for (List<StreamRecordJson> batch : List.of(later, earlier, earlier)) {
            InvocationResult result =
                    lakeWriter.invoke(DynamodbEvents.event(batch)).get(60, TimeUnit.SECONDS);
            assertThat(result).as(String.valueOf(result)).isInstanceOf(InvocationResult.Success.class);
            assertThat(new String(((InvocationResult.Success) result).payload(), StandardCharsets.UTF_8))
                    .doesNotContain("itemIdentifier");
        }

        awaitReconciled();
        QueryResult view = new DuckDbQueryRunner(
                        new LakeMirror(stack.s3Client(), LocalStack.LAKE_BUCKET, dataDirectory.resolve("test-mirror")))
                .run("views/ticket_events_deduplicated.sql");
        List<String> viewIds =
                view.rows().stream().map(row -> (String) row.get("event_id")).toList();
        assertThat(viewIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    @Order(4)
    void compactionLeavesOneObjectPerDayAndTheLakeStillEqualsTheTable() throws Exception {
        int before = lakeObjects();

        JsonNode compaction =
                invokeMaintenance("{\"job\":\"compaction\",\"from\":\"" + today + "\",\"to\":\"" + today + "\"}");
        JsonNode reconciliation = awaitReconciled();

        System.out.println("fault injection: lake objects of " + today + " before compaction " + before + ", after "
                + lakeObjects());
        assertThat(before).isGreaterThan(10);
        assertThat(compaction.path("objectsAfter").asLong()).isEqualTo(1);
        assertThat(lakeObjects()).isEqualTo(1);
        assertThat(reconciliation.path("lakeEvents").asLong()).isEqualTo(written.size());
    }

    @Test
    @Order(5)
    void aRecordTheLakeWriterCannotConvertGoesToTheDeadLetterFolderAndTheOthersLand() throws Exception {
        Map<String, AttributeValue> unreadable = eventItem("broken-ticket", 1, Instant.now());
        unreadable.put("occurredAt", AttributeValue.fromS("not an instant"));
        writeEvents(3);
        stack.dynamoDb()
                .putItem(request -> request.tableName(LocalStack.TABLE_NAME).item(unreadable));
        writeEvents(3);

        Path deadLetters = dataDirectory.resolve("dead-letter");
        String letter = waitFor("a dead letter naming the unreadable record", () -> {
            if (!Files.isDirectory(deadLetters)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(deadLetters)) {
                for (Path file : files.toList()) {
                    String text = Files.readString(file);
                    if (text.contains("broken-ticket")) {
                        return Optional.of(text);
                    }
                }
            }
            return Optional.empty();
        });
        awaitReconciled();
        assertThat(letter).contains("not an instant");
    }

    private void writeEvents(int count) {
        Instant now = Instant.now();
        for (int index = 0; index < count; index++) {
            String ticket = "fault-" + UUID.randomUUID();
            Map<String, AttributeValue> item = eventItem(ticket, 1, now.plusMillis(index));
            stack.dynamoDb()
                    .putItem(request -> request.tableName(LocalStack.TABLE_NAME).item(item));
            written.add(item.get("eventId").s());
        }
    }

    /** A TicketEvent item as the store writes it (docs/contracts.md), its personal attributes included. */
    private static Map<String, AttributeValue> eventItem(String ticketId, int sequence, Instant occurredAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("TICKET#" + ticketId));
        item.put("sk", AttributeValue.fromS("EVENT#" + String.format("%06d", sequence)));
        item.put("entity", AttributeValue.fromS("TicketEvent"));
        item.put("eventId", AttributeValue.fromS(UUID.randomUUID().toString()));
        item.put("ticketId", AttributeValue.fromS(ticketId));
        item.put("sequence", AttributeValue.fromN(String.valueOf(sequence)));
        item.put("eventType", AttributeValue.fromS("REPORTED"));
        item.put("toStatus", AttributeValue.fromS("REPORTED"));
        item.put("occurredAt", AttributeValue.fromS(MILLISECONDS.format(occurredAt)));
        item.put("actorId", AttributeValue.fromS("resident-1"));
        item.put("actorRole", AttributeValue.fromS("RESIDENT"));
        item.put("gridId", AttributeValue.fromS("grid-chaoyang-3"));
        item.put("communityId", AttributeValue.fromS("community-chaoyang"));
        item.put("townId", AttributeValue.fromS("town-shiqiao"));
        item.put("category", AttributeValue.fromS("streetlight"));
        item.put("priority", AttributeValue.fromS("NORMAL"));
        return item;
    }

    /** The table's stream from its start, TicketEvent insertions only, as the poller builds them. */
    private List<StreamRecordJson> ticketEventRecords() {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(stack.dynamoDbEndpoint())
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(() -> AwsBasicCredentials.create("local", "local"))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String streamArn = stack.dynamoDb()
                    .describeTable(request -> request.tableName(LocalStack.TABLE_NAME))
                    .table()
                    .latestStreamArn();
            List<StreamRecordJson> records = new ArrayList<>();
            for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn))
                    .streamDescription()
                    .shards()) {
                String iterator = streams.getShardIterator(request -> request.streamArn(streamArn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    var page = streams.getRecords(
                            request -> request.shardIterator(current).limit(1000));
                    for (Record record : page.records()) {
                        Map<String, AttributeValue> image = record.dynamodb().newImage();
                        if (image != null
                                && image.containsKey("eventId")
                                && written.contains(image.get("eventId").s())) {
                            records.add(DynamodbEvents.record(shard.shardId(), record, streamArn, LocalStack.REGION));
                        }
                    }
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
            return records;
        }
    }

    private int lakeObjects() {
        return stack.s3Client()
                .listObjectsV2(
                        request -> request.bucket(LocalStack.LAKE_BUCKET).prefix("ticket_events/dt=" + today + "/"))
                .contents()
                .size();
    }

    /** Reconciliation by the packaged maintenance function until the lake holds every event written so far. */
    private JsonNode awaitReconciled() throws Exception {
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        AtomicInteger attempts = new AtomicInteger();
        JsonNode report = waitFor("the lake to equal the table", () -> {
            attempts.incrementAndGet();
            JsonNode answer = invokeMaintenance(
                    "{\"job\":\"reconciliation\",\"from\":\"" + yesterday + "\",\"to\":\"" + tomorrow + "\"}");
            return answer.path("consistent").asBoolean()
                            && answer.path("tableEvents").asLong() == written.size()
                    ? Optional.of(answer)
                    : Optional.empty();
        });
        assertThat(report.path("missingFromLake")).isEmpty();
        assertThat(report.path("extraInLake")).isEmpty();
        assertThat(report.path("lakeEvents").asLong()).isEqualTo(written.size());
        return report;
    }

    private JsonNode invokeMaintenance(String event) throws Exception {
        InvocationResult result = stack.function(MAINTENANCE)
                .invoke(event.getBytes(StandardCharsets.UTF_8))
                .get(60, TimeUnit.SECONDS);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(InvocationResult.Success.class);
        return JSON.readTree(((InvocationResult.Success) result).payload());
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> probe() throws Exception;
    }

    private static <T> T waitFor(String what, Probe<T> probe) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Optional<T> found = probe.probe();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("gave up waiting " + PATIENCE + " for " + what);
    }
}
