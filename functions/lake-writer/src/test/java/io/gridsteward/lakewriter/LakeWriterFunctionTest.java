package io.gridsteward.lakewriter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridsteward.analytics.lake.LakeSchema;
import io.gridsteward.analytics.lake.LakeType;
import io.gridsteward.analytics.lake.TicketEventRow;
import io.gridsteward.analytics.testing.ParquetFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The packaged handler, fed DynamoDB stream batches as Lambda delivers them, against a real S3 server. */
@QuarkusTest
@QuarkusTestResource(S3ProxyTestResource.class)
class LakeWriterFunctionTest {

    private static final String REPORTED_KEY =
            "ticket_events/dt=2026-11-24/2026-11-25T08-00-00.000-100000000000000000002-100000000000000000002.parquet";
    private static final String DISPATCHED_KEY =
            "ticket_events/dt=2026-11-25/2026-11-25T08-00-00.000-100000000000000000005-100000000000000000009.parquet";

    @TempDir
    Path temporary;

    private S3Client s3;

    @BeforeEach
    void emptyTheBucket() {
        s3 = S3ProxyTestResource.server.client();
        for (S3Object object : objects()) {
            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket(S3ProxyTestResource.BUCKET)
                    .key(object.key())
                    .build());
        }
    }

    @Test
    void ticketEventInsertsBecomeOneObjectPerPartitionAndEverythingElseIsIgnored() {
        assertThat(invoke("ticket-events-batch.json")).isEmpty();

        assertThat(keys()).containsExactly(REPORTED_KEY, DISPATCHED_KEY);
        assertThat(read(REPORTED_KEY))
                .containsExactly(new TicketEventRow(
                        "9b2f6a3e-0000-4000-8000-000000000001",
                        "t-1",
                        1,
                        "REPORTED",
                        null,
                        "REPORTED",
                        Instant.parse("2026-11-24T23:58:30.250Z"),
                        "RESIDENT",
                        null,
                        "grid-7",
                        "community-3",
                        "town-1",
                        "ROAD_DAMAGE",
                        null,
                        "NORMAL",
                        Instant.parse("2026-11-25T02:00:00.000Z"),
                        Instant.parse("2026-11-27T00:00:00.000Z"),
                        null,
                        null));
        assertThat(read(DISPATCHED_KEY))
                .containsExactly(
                        new TicketEventRow(
                                "9b2f6a3e-0000-4000-8000-000000000002",
                                "t-1",
                                2,
                                "DISPATCHED",
                                "REPORTED",
                                "DISPATCHED",
                                Instant.parse("2026-11-25T00:03:10.500Z"),
                                "TOWN_DISPATCHER",
                                "town-1",
                                "grid-7",
                                "community-3",
                                "town-1",
                                "ROAD_DAMAGE",
                                "unit-roads",
                                "NORMAL",
                                Instant.parse("2026-11-25T02:00:00.000Z"),
                                Instant.parse("2026-11-27T00:00:00.000Z"),
                                null,
                                "DEPARTMENT"),
                        new TicketEventRow(
                                "9b2f6a3e-0000-4000-8000-000000000003",
                                "t-2",
                                1,
                                "REPORTED",
                                null,
                                "REPORTED",
                                Instant.parse("2026-11-25T07:15:00.000Z"),
                                "GRID_WORKER",
                                "grid-7",
                                "grid-7",
                                "community-3",
                                "town-1",
                                "ROAD_DAMAGE",
                                null,
                                "NORMAL",
                                Instant.parse("2026-11-25T02:00:00.000Z"),
                                Instant.parse("2026-11-27T00:00:00.000Z"),
                                null,
                                null),
                        new TicketEventRow(
                                "9b2f6a3e-0000-4000-8000-000000000009",
                                "t-1",
                                4,
                                "RESOLVED",
                                "ACCEPTED",
                                "RESOLVED",
                                Instant.parse("2026-11-25T07:50:00.000Z"),
                                "DEPARTMENT_OFFICER",
                                "unit-roads",
                                "grid-7",
                                "community-3",
                                "town-1",
                                "ROAD_DAMAGE",
                                "unit-roads",
                                "NORMAL",
                                Instant.parse("2026-11-25T02:00:00.000Z"),
                                Instant.parse("2026-11-27T00:00:00.000Z"),
                                null,
                                "DEPARTMENT"));
    }

    @Test
    void aRetriedBatchOverwritesItsObjects() {
        invoke("ticket-events-batch.json");
        Map<String, String> firstEtags = etags();

        assertThat(invoke("ticket-events-batch.json")).isEmpty();

        assertThat(etags().keySet()).containsExactlyElementsOf(firstEtags.keySet());
        assertThat(read(DISPATCHED_KEY)).hasSize(3);
    }

    @Test
    void anUnreadableEventIsReportedAndTheEventsAroundItAreWritten() {
        List<String> failures = invoke("unreadable-event-batch.json");

        String key =
                "ticket_events/dt=2026-11-25/2026-11-25T08-00-00.000-200000000000000000011-200000000000000000013.parquet";
        assertThat(failures).containsExactly("200000000000000000012");
        assertThat(keys()).containsExactly(key);
        assertThat(read(key)).hasSize(2);
    }

    @Test
    void noPersonalDataReachesTheLake() throws IOException {
        invoke("ticket-events-batch.json");
        String fixture = fixture("ticket-events-batch.json");
        List<String> personal = List.of(
                "user-secret-actor-99",
                "user-resident-42",
                "Zhang Wei",
                "13800138000",
                "Li Na",
                "30.274085",
                "120.155070",
                "Pothole",
                "Filled the pothole",
                "photos/t-1/after-1.jpg");
        assertThat(fixture).contains(personal);

        for (String key : keys()) {
            Path file = download(key);
            Map<String, LakeType> expectedColumns = new LinkedHashMap<>();
            LakeSchema.TICKET_EVENTS.columns().forEach(column -> expectedColumns.put(column.name(), column.type()));
            assertThat(ParquetFiles.describe(file)).isEqualTo(expectedColumns);
            String contents =
                    new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) + ParquetFiles.read(file);
            assertThat(personal).noneMatch(contents::contains);
        }
    }

    private List<String> invoke(String fixture) {
        return given().contentType("application/json")
                .accept("application/json")
                .body(fixture(fixture))
                .when()
                .post()
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("batchItemFailures.itemIdentifier", String.class);
    }

    private static String fixture(String name) {
        try (InputStream input = LakeWriterFunctionTest.class.getResourceAsStream("/events/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException exception) {
            throw new IllegalStateException(exception);
        }
    }

    private List<S3Object> objects() {
        return s3
                .listObjectsV2Paginator(ListObjectsV2Request.builder()
                        .bucket(S3ProxyTestResource.BUCKET)
                        .build())
                .contents()
                .stream()
                .toList();
    }

    private List<String> keys() {
        return objects().stream().map(S3Object::key).sorted().toList();
    }

    private Map<String, String> etags() {
        Map<String, String> etags = new LinkedHashMap<>();
        objects().forEach(object -> etags.put(object.key(), object.eTag()));
        return etags;
    }

    private Path download(String key) {
        Path file = temporary.resolve(key.replace('/', '_'));
        s3.getObject(
                GetObjectRequest.builder()
                        .bucket(S3ProxyTestResource.BUCKET)
                        .key(key)
                        .build(),
                file);
        return file;
    }

    private List<TicketEventRow> read(String key) {
        return ParquetFiles.read(download(key));
    }
}
