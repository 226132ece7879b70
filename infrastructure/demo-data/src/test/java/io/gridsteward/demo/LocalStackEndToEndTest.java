package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.domain.core.Caller;
import io.gridsteward.domain.core.Location;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.core.Role;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.domain.ticket.Category;
import io.gridsteward.domain.ticket.Description;
import io.gridsteward.domain.ticket.Priority;
import io.gridsteward.domain.ticket.SlaPolicy;
import io.gridsteward.domain.ticket.Ticket;
import io.gridsteward.domain.ticket.TicketChange;
import io.gridsteward.domain.ticket.TicketId;
import io.gridsteward.domain.ticket.TicketReport;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import io.gridsteward.local.lambda.InvocationResult;
import io.gridsteward.local.schedule.LocalScheduler;
import io.gridsteward.local.template.SamTemplate;
import io.gridsteward.store.core.PageCursor;
import io.gridsteward.store.ticket.TicketStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The system end to end on one embedded stack, started once for the class (a start costs half a minute or more on CI):
 * every function as its packaged zip in its own JVM, the HTTP front playing API Gateway with real tokens. A ticket's
 * whole lifecycle over HTTP by the roles that take each step, with the refusals around it; the lists paged one item
 * at a time; the packaged SLA sweeper acting on late tickets; and the events reaching the lake (API → table → stream
 * → lake-writer → Parquet in S3 → SQL → dashboard).
 *
 * <p>Each test works in grids of its own of the demo county (an ephemeral stack seeds its organisations, no tickets),
 * and the lists test in a town of its own, so no test sees another's tickets in what it checks; no test reads what
 * another wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of("../..");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String COUNTY = "county-qingshan";
    private static final String CATEGORY_WITHOUT_ROUTING = "road-damage";
    private static final List<String> STEPS = List.of(
            "dispatch",
            "accept",
            "return",
            "escalate",
            "resolve",
            "evaluate",
            "reopen",
            "close",
            "cancel",
            "supervise");
    /** Events that leave the status as it is. */
    private static final Set<String> STATUS_KEEPING_EVENTS = Set.of("SUPERVISED", "FLAGGED_OVERDUE");

    @TempDir
    static Path dataDirectory;

    private static LocalStack stack;
    private static DemoCounty county;
    private static S3Client s3;
    private static ApiUser countyLeader;

    @BeforeAll
    static void startTheStack() throws Exception {
        county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, PROJECT);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);
        System.out.println("end-to-end: the stack started in " + stack.startUp().toMillis() + " ms");
        s3 = stack.s3Client();
        countyLeader = ApiUser.of(stack, "e2e-leader", "COUNTY_LEADER", COUNTY);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.functionStatistics()
                    .forEach((name, statistics) ->
                            System.out.println("function " + name + ": " + statistics.describe()));
            stack.close();
        }
    }

    /** The walking skeleton: the dashboard's median time-to-dispatch for a grid is the one computed from the ticket's trace. */
    @Test
    @Order(1)
    void aDispatchedTicketsTimeToDispatchIsTheDashboardsMedianForItsGrid() throws Exception {
        String grid = "grid-chaoyang-3";
        ApiUser resident = ApiUser.of(stack, "e2e-resident", "RESIDENT", null);
        ApiUser dispatcher = ApiUser.of(stack, "e2e-dispatcher", "TOWN_DISPATCHER", "town-shiqiao");

        String ticketId = report(resident, grid).path("id").asText();
        dispatcher
                .step(ticketId, "dispatch", body("assigneeOrgId", grid, "expectedVersion", 1))
                .ok();

        JsonNode ticket = countyLeader.get("/v1/tickets/" + ticketId).ok();
        Instant reportedAt = Instant.parse(ticket.path("reportedAt").asText());
        Instant dispatchedAt = Instant.parse(
                eventOfType(ticket, "DISPATCHED").path("occurredAt").asText());
        double expectedMedianSeconds =
                Duration.between(reportedAt, dispatchedAt).toMillis() / 1000.0;

        List<String> objects = waitFor("the ticket's events as Parquet objects in the lake", () -> {
            List<String> keys = s3
                    .listObjectsV2(
                            request -> request.bucket(LocalStack.LAKE_BUCKET).prefix("ticket_events/"))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .toList();
            return !keys.isEmpty() ? Optional.of(keys) : Optional.empty();
        });
        assertThat(objects)
                .allSatisfy(key -> assertThat(key).matches("ticket_events/dt=\\d{4}-\\d{2}-\\d{2}/.+\\.parquet"));

        String today =
                LocalDate.ofInstant(dispatchedAt, ZoneId.of("Asia/Shanghai")).toString();
        String query = "/v1/dashboards/metrics?metric=time_to_dispatch&dimension=grid&period=day&from=" + today + "&to="
                + today;
        JsonNode gridRow = waitFor("the grid's row on the dashboard", () -> {
            ApiAnswer dashboard = countyLeader.get(query);
            if (dashboard.status() != 200) {
                return Optional.empty();
            }
            List<JsonNode> rows = new ArrayList<>();
            dashboard.json().path("rows").forEach(rows::add);
            return rows.stream()
                    .filter(row -> grid.equals(row.path("dimensionValue").asText()))
                    .findFirst();
        });
        assertThat(gridRow.path("tickets").asLong()).isEqualTo(1);
        assertThat(gridRow.path("medianSeconds").asDouble()).isEqualTo(expectedMedianSeconds);
    }

    /**
     * 清溪镇, 河滨社区第二网格: reported by a resident, dispatched, accepted, returned (退单), dispatched again, escalated to
     * the community, accepted there and supervised (督办), resolved with a photo uploaded straight to S3, rated,
     * reopened, handled again, rated again and closed. Around the steps: an illegal step and a stale version (409 with
     * where the ticket stands), someone outside the ticket's reach (404), someone who sees it but may not take the
     * step (403), and refused values naming their field (400, 422).
     */
    @Test
    @Order(2)
    void aTicketTakesEveryStepOfItsLifecycleOverHttpByTheRolesThatMayTakeThem() throws Exception {
        String grid = "grid-hebin-2";
        String community = "community-hebin";
        ApiUser resident = ApiUser.of(stack, "e2e-lifecycle-resident", "RESIDENT", null);
        ApiUser dispatcher = ApiUser.of(stack, "e2e-qingxi-dispatcher", "TOWN_DISPATCHER", "town-qingxi");
        ApiUser supervisor = ApiUser.of(stack, "e2e-qingxi-supervisor", "TOWN_SUPERVISOR", "town-qingxi");
        ApiUser gridWorker = ApiUser.of(stack, "e2e-hebin-2-worker", "GRID_WORKER", grid);
        ApiUser secretary = ApiUser.of(stack, "e2e-hebin-secretary", "COMMUNITY_SECRETARY", community);
        ApiUser neighbouringGridWorker = ApiUser.of(stack, "e2e-hebin-3-worker", "GRID_WORKER", "grid-hebin-3");
        ApiUser otherTownsDispatcher = ApiUser.of(stack, "e2e-taoyuan-dispatcher", "TOWN_DISPATCHER", "town-taoyuan");

        resident.post("/v1/tickets", reportBody(grid, 200.0)).problemNaming(422, "location.latitude");
        JsonNode reported = report(resident, grid);
        String id = reported.path("id").asText();
        assertThat(reported.has("assigneeOrgKind"))
                .as("a road damage report waits in the town's queue")
                .isFalse();
        neighbouringGridWorker.get("/v1/tickets/" + id).problem(404);
        otherTownsDispatcher.step(id, "dispatch", body("assigneeOrgId", grid)).problem(404);
        resident.step(id, "dispatch", body("assigneeOrgId", grid)).problem(403);

        assertAssignee(
                stepTaken(
                        dispatcher.step(id, "dispatch", body("assigneeOrgId", grid, "expectedVersion", 1)),
                        "DISPATCHED",
                        2),
                grid,
                "GRID");
        gridWorker.step(id, "accept", body("expectedVersion", 1)).conflictWithCurrentState("DISPATCHED", 2);
        assertAssignee(
                stepTaken(gridWorker.step(id, "accept", body("expectedVersion", 2)), "ACCEPTED", 3), grid, "GRID");
        gridWorker.step(id, "accept", body()).conflictWithCurrentState("ACCEPTED", 3);
        gridWorker.step(id, "return", body("expectedVersion", 3)).problemNaming(400, "reason");
        assertNoAssignee(stepTaken(
                gridWorker.step(id, "return", body("reason", "路面塌陷需要专业施工队", "expectedVersion", 3)), "RETURNED", 4));

        assertAssignee(
                stepTaken(
                        dispatcher.step(id, "dispatch", body("assigneeOrgId", grid, "expectedVersion", 4)),
                        "DISPATCHED",
                        5),
                grid,
                "GRID");
        assertAssignee(
                stepTaken(
                        gridWorker.step(id, "escalate", body("reason", "网格无力处置，请社区协调", "expectedVersion", 5)),
                        "ESCALATED",
                        6),
                community,
                "COMMUNITY");
        assertAssignee(
                stepTaken(secretary.step(id, "accept", body("expectedVersion", 6)), "ACCEPTED", 7),
                community,
                "COMMUNITY");
        JsonNode supervised = stepTaken(
                supervisor.step(id, "supervise", body("note", "学校门口，请尽快处理", "expectedVersion", 7)), "SUPERVISED", 8);
        assertThat(supervised.path("status").asText()).isEqualTo("ACCEPTED");
        supervisor.step(id, "close", body()).problem(403);

        String photoKey = uploadAPhoto(secretary, id);
        String neverUploaded = secretary
                .post("/v1/tickets/" + id + "/attachments", body("contentType", "image/jpeg"))
                .created()
                .path("objectKey")
                .asText();
        secretary
                .step(
                        id,
                        "resolve",
                        body("note", "已修补路面", "photoKeys", List.of(photoKey, neverUploaded), "expectedVersion", 8))
                .problemNaming(422, "photoKeys[1]");
        JsonNode resolved = stepTaken(
                secretary.step(
                        id, "resolve", body("note", "已修补路面", "photoKeys", List.of(photoKey), "expectedVersion", 8)),
                "RESOLVED",
                9);
        assertThat(resolved.path("resolution").path("photoKeys"))
                .extracting(key -> key.asText())
                .containsExactly(photoKey);
        resident.step(id, "evaluate", body("rating", 6)).problemNaming(422, "rating");
        JsonNode evaluated = stepTaken(
                resident.step(id, "evaluate", body("rating", 2, "comment", "修得不平整", "expectedVersion", 9)),
                "EVALUATED",
                10);
        assertThat(evaluated.path("evaluation").path("rating").asInt()).isEqualTo(2);
        JsonNode reopened =
                stepTaken(resident.step(id, "reopen", body("reason", "又塌了", "expectedVersion", 10)), "REOPENED", 11);
        assertAssignee(reopened, community, "COMMUNITY");
        assertThat(reopened.has("resolution")).isFalse();

        assertAssignee(
                stepTaken(secretary.step(id, "accept", body("expectedVersion", 11)), "ACCEPTED", 12),
                community,
                "COMMUNITY");
        stepTaken(secretary.step(id, "resolve", body("note", "重新铺设沥青", "expectedVersion", 12)), "RESOLVED", 13);
        stepTaken(resident.step(id, "evaluate", body("rating", 5, "expectedVersion", 13)), "EVALUATED", 14);
        JsonNode closed =
                stepTaken(dispatcher.step(id, "close", body("note", "办结", "expectedVersion", 14)), "CLOSED", 15);
        resident.step(id, "reopen", body("reason", "还想再开")).conflictWithCurrentState("CLOSED", 15);

        JsonNode ticket = resident.get("/v1/tickets/" + id).ok();
        JsonNode events = ticket.path("events");
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "REPORTED",
                        "DISPATCHED",
                        "ACCEPTED",
                        "RETURNED",
                        "DISPATCHED",
                        "ESCALATED",
                        "ACCEPTED",
                        "SUPERVISED",
                        "RESOLVED",
                        "EVALUATED",
                        "REOPENED",
                        "ACCEPTED",
                        "RESOLVED",
                        "EVALUATED",
                        "CLOSED");
        assertThat(events)
                .extracting(event -> event.path("actorRole").asText())
                .containsExactly(
                        "RESIDENT",
                        "TOWN_DISPATCHER",
                        "GRID_WORKER",
                        "GRID_WORKER",
                        "TOWN_DISPATCHER",
                        "GRID_WORKER",
                        "COMMUNITY_SECRETARY",
                        "TOWN_SUPERVISOR",
                        "COMMUNITY_SECRETARY",
                        "RESIDENT",
                        "RESIDENT",
                        "COMMUNITY_SECRETARY",
                        "COMMUNITY_SECRETARY",
                        "RESIDENT",
                        "TOWN_DISPATCHER");
        assertTraceIsAChain(events);
        assertThat(eventOfType(ticket, "RESOLVED").path("photoKeys"))
                .extracting(key -> key.asText())
                .containsExactly(photoKey);
        assertThat(ticket.path("version").asLong())
                .isEqualTo(closed.path("version").asLong());
        assertThat(ticket.path("overdue").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void aTicketWaitingInTheQueueIsCancelledByItsTownsDispatcherAndTakesNoFurtherStep() {
        String grid = "grid-hebin-5";
        ApiUser resident = ApiUser.of(stack, "e2e-cancelled-resident", "RESIDENT", null);
        ApiUser dispatcher = ApiUser.of(stack, "e2e-qingxi-dispatcher", "TOWN_DISPATCHER", "town-qingxi");
        ApiUser otherTownsDispatcher = ApiUser.of(stack, "e2e-shiqiao-dispatcher", "TOWN_DISPATCHER", "town-shiqiao");
        String id = report(resident, grid).path("id").asText();

        dispatcher.step(id, "cancel", body("expectedVersion", 1)).problemNaming(400, "reason");
        otherTownsDispatcher.step(id, "cancel", body("reason", "重复上报")).problem(404);
        JsonNode cancelled =
                stepTaken(dispatcher.step(id, "cancel", body("reason", "重复上报", "expectedVersion", 1)), "CANCELLED", 2);
        dispatcher.step(id, "dispatch", body("assigneeOrgId", grid)).conflictWithCurrentState("CANCELLED", 2);

        assertNoAssignee(cancelled);
        assertThat(resident.get("/v1/tickets/" + id).ok().path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "CANCELLED");
    }

    @Test
    @Order(4)
    void aStepSentTwiceWithOneIdempotencyKeyAnswers200TwiceAndWritesOneEvent() {
        String grid = "grid-hebin-4";
        ApiUser resident = ApiUser.of(stack, "e2e-idempotency-resident", "RESIDENT", null);
        ApiUser dispatcher = ApiUser.of(stack, "e2e-qingxi-dispatcher", "TOWN_DISPATCHER", "town-qingxi");
        String id = report(resident, grid).path("id").asText();
        String dispatch = body("assigneeOrgId", grid, "expectedVersion", 1);
        String key = "e2e-dispatch-" + id;

        ApiAnswer first = dispatcher.step(id, "dispatch", dispatch, key);
        ApiAnswer retry = dispatcher.step(id, "dispatch", dispatch, key);

        stepTaken(first, "DISPATCHED", 2);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.ok()).isEqualTo(first.ok());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(resident.get("/v1/tickets/" + id).ok().path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED");
    }

    /**
     * 桃源镇, 桃花社区第一网格: four reports, two of them dispatched to the grid. Each list, read one item at a time through
     * {@code nextCursor} until it has none, holds exactly its tickets, in its order, none twice.
     */
    @Test
    @Order(5)
    void theListsArePagedOneTicketAtATimeThroughTheirCursorsWithoutRepeats() {
        String grid = "grid-taohua-1";
        ApiUser resident = ApiUser.of(stack, "e2e-lists-resident", "RESIDENT", null);
        ApiUser dispatcher = ApiUser.of(stack, "e2e-taoyuan-dispatcher", "TOWN_DISPATCHER", "town-taoyuan");
        ApiUser gridWorker = ApiUser.of(stack, "e2e-taohua-1-worker", "GRID_WORKER", grid);
        List<String> reported = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            reported.add(report(resident, grid).path("id").asText());
        }
        List<String> dispatched = List.of(reported.get(0), reported.get(2));
        List<String> waiting = List.of(reported.get(1), reported.get(3));
        for (String id : dispatched) {
            dispatcher
                    .step(id, "dispatch", body("assigneeOrgId", grid, "expectedVersion", 1))
                    .ok();
        }

        assertThat(everyPage(dispatcher, "/v1/towns/town-taoyuan/queue"))
                .as("the town's queue, most urgent acceptance first")
                .containsExactlyElementsOf(waiting);
        assertThat(everyPage(gridWorker, "/v1/orgs/" + grid + "/tickets"))
                .as("the grid's open tickets, earliest due first")
                .containsExactlyElementsOf(dispatched);
        assertThat(everyPage(gridWorker, "/v1/grids/" + grid + "/tickets?status=DISPATCHED"))
                .as("the grid's dispatched tickets, newest first")
                .containsExactlyElementsOf(dispatched.reversed());
        assertThat(everyPage(dispatcher, "/v1/grids/" + grid + "/tickets?status=REPORTED"))
                .as("the grid's reported tickets, newest first")
                .containsExactlyElementsOf(waiting.reversed());
        assertThat(everyPage(resident, "/v1/me/tickets"))
                .as("the resident's own reports, newest first")
                .containsExactlyElementsOf(reported.reversed());
        gridWorker.get("/v1/towns/town-taoyuan/queue").problem(403);
        resident.get("/v1/me/tickets?limit=0").problemNaming(400, "limit");
    }

    @Test
    @Order(6)
    void theOpenApiDocumentListsEveryStepPath() {
        JsonNode paths = ApiUser.of(stack, "e2e-openapi-reader", "RESIDENT", null)
                .getAccepting("/v1/openapi", "application/json")
                .ok()
                .path("paths");

        for (String step : STEPS) {
            assertThat(paths.has("/v1/tickets/{id}/" + step))
                    .as("the path of " + step)
                    .isTrue();
        }
        assertThat(paths.has("/v1/tickets/{id}/attachments")).isTrue();
    }

    /**
     * Two tickets of 石桥镇 written to the table as if from hours ago: one dispatched to a grid that never accepted it, one
     * left in the town's queue. The packaged sweeper is invoked twice at once, as overlapping schedules would (the stack
     * runs one instance of each function, so here the second sweep runs after the first; sweeps racing on two threads
     * are the jobs module's SlaSweepTest): the grid's ticket is escalated to its community once, the queued one flagged
     * against the town once, both marked overdue with the due time they missed.
     */
    @Test
    @Order(7)
    void twoSweepsAtOnceEscalateTheGridsLateTicketOnceAndFlagTheQueuesLateTicketOnce() throws Exception {
        Instant now = Instant.now();
        Ticket lateAtGrid = writePastTicket(
                "grid-nanyuan-2", now.minus(Duration.ofHours(10)), Optional.of(now.minus(Duration.ofHours(9))));
        Ticket lateInQueue = writePastTicket("grid-nanyuan-3", now.minus(Duration.ofHours(10)), Optional.empty());
        assertThat(countyLeader
                        .get("/v1/tickets/" + lateAtGrid.id().value())
                        .ok()
                        .path("overdue")
                        .asBoolean())
                .isFalse();

        byte[] scheduledEvent = scheduledEventOf("jobs");
        CompletableFuture<InvocationResult> firstSweep = stack.function("jobs").invoke(scheduledEvent);
        CompletableFuture<InvocationResult> secondSweep = stack.function("jobs").invoke(scheduledEvent);
        List<JsonNode> sweeps = List.of(sweepResult(firstSweep), sweepResult(secondSweep));

        // The stack's own schedule (every five minutes) may have swept first; then these two found nothing left to do.
        assertThat(sweeps.stream()
                        .mapToLong(sweep -> sweep.path("escalated").asLong())
                        .sum())
                .as("escalations by %s", sweeps)
                .isLessThanOrEqualTo(1);
        assertThat(sweeps.stream()
                        .mapToLong(sweep -> sweep.path("flagged").asLong())
                        .sum())
                .as("flags by %s", sweeps)
                .isLessThanOrEqualTo(1);

        JsonNode escalated =
                countyLeader.get("/v1/tickets/" + lateAtGrid.id().value()).ok();
        assertThat(escalated.path("status").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.path("version").asLong()).isEqualTo(3);
        assertAssignee(escalated, "community-nanyuan", "COMMUNITY");
        assertSweptOnce(escalated, "ESCALATED", lateAtGrid.deadlines().acceptBy());

        JsonNode flagged =
                countyLeader.get("/v1/tickets/" + lateInQueue.id().value()).ok();
        assertThat(flagged.path("status").asText()).isEqualTo("REPORTED");
        assertThat(flagged.path("version").asLong()).isEqualTo(2);
        assertNoAssignee(flagged);
        assertSweptOnce(flagged, "FLAGGED_OVERDUE", lateInQueue.deadlines().acceptBy());
    }

    /**
     * A ticket's events in the lake, read with DuckDB through the deduplicated view as the dashboards read them: a
     * ticket dispatched to a grid, returned, dispatched to a department and accepted there has each event of its trace
     * once, in sequence, with its assignee's kind wherever it has an assignee.
     */
    @Test
    @Order(8)
    void aTicketsEventsReachTheLakeOnceEachInSequenceWithTheirAssigneesKinds() throws Exception {
        String grid = "grid-liuyin-1";
        ApiUser resident = ApiUser.of(stack, "e2e-lake-resident", "RESIDENT", null);
        ApiUser dispatcher = ApiUser.of(stack, "e2e-qingxi-lake-dispatcher", "TOWN_DISPATCHER", "town-qingxi");
        ApiUser gridWorker = ApiUser.of(stack, "e2e-liuyin-1-worker", "GRID_WORKER", grid);
        ApiUser officer = ApiUser.of(stack, "e2e-water-officer", "DEPARTMENT_OFFICER", "dept-water");
        String ticketId = report(resident, grid).path("id").asText();
        stepTaken(
                dispatcher.step(ticketId, "dispatch", body("assigneeOrgId", grid, "expectedVersion", 1)),
                "DISPATCHED",
                2);
        stepTaken(
                gridWorker.step(ticketId, "return", body("reason", "水管破裂，需水务局处理", "expectedVersion", 2)),
                "RETURNED",
                3);
        stepTaken(
                dispatcher.step(ticketId, "dispatch", body("assigneeOrgId", "dept-water", "expectedVersion", 3)),
                "DISPATCHED",
                4);
        stepTaken(officer.step(ticketId, "accept", body("expectedVersion", 4)), "ACCEPTED", 5);
        JsonNode trace = countyLeader.get("/v1/tickets/" + ticketId).ok().path("events");
        DuckDbQueryRunner lake = new DuckDbQueryRunner(
                new LakeMirror(s3, LocalStack.LAKE_BUCKET, dataDirectory.resolve("test-lake-mirror")));

        List<Map<String, Object>> rows = waitFor("the ticket's " + trace.size() + " events in the lake", () -> {
            List<Map<String, Object>> ticketRows = lake.run("views/ticket_events_deduplicated.sql").rows().stream()
                    .filter(row -> ticketId.equals(row.get("ticket_id")))
                    .sorted(Comparator.comparingLong(row -> (Long) row.get("sequence")))
                    .toList();
            return ticketRows.size() >= trace.size() ? Optional.of(ticketRows) : Optional.empty();
        });

        assertThat(rows).extracting(row -> row.get("event_id")).containsExactlyElementsOf(textsOf(trace, "eventId"));
        assertThat(rows).extracting(row -> row.get("event_type")).containsExactlyElementsOf(textsOf(trace, "type"));
        assertThat(rows)
                .extracting(row -> row.get("assignee_org_id"))
                .containsExactlyElementsOf(textsOf(trace, "assigneeOrgId"));
        assertThat(rows)
                .extracting(row -> row.get("assignee_org_kind"))
                .containsExactlyElementsOf(textsOf(trace, "assigneeOrgKind"));
        assertThat(rows)
                .filteredOn(row -> row.get("assignee_org_id") != null)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("assignee_org_kind"))
                        .as("kind of %s", row)
                        .isNotNull());
    }

    // --- reports and steps ---

    /** A road damage report in {@code grid} (no routing rule: it waits in the town's queue), answered 201. */
    private static JsonNode report(ApiUser reporter, String grid) {
        JsonNode ticket =
                reporter.post("/v1/tickets", reportBody(grid, latitudeOf(grid))).created();
        assertThat(ticket.path("status").asText()).isEqualTo("REPORTED");
        assertThat(ticket.path("version").asLong()).isEqualTo(1);
        assertThat(ticket.path("gridId").asText()).isEqualTo(grid);
        return ticket;
    }

    private static String reportBody(String grid, double latitude) {
        return body(
                "category",
                CATEGORY_WITHOUT_ROUTING,
                "description",
                "路面塌陷，车辆难以通行",
                "gridId",
                grid,
                "location",
                Map.of("latitude", latitude, "longitude", longitudeOf(grid)));
    }

    /**
     * The ticket answered by a step that was taken: 200, at {@code version}, its trace ending with the step's event,
     * in the status the event led to.
     */
    private static JsonNode stepTaken(ApiAnswer answer, String eventType, long version) {
        JsonNode ticket = answer.ok();
        JsonNode events = ticket.path("events");
        JsonNode last = events.path(events.size() - 1);
        assertThat(ticket.path("version").asLong())
                .as("version after %s", eventType)
                .isEqualTo(version);
        assertThat(events).as("the trace after %s", eventType).hasSize((int) version);
        assertThat(last.path("type").asText()).isEqualTo(eventType);
        assertThat(last.path("sequence").asLong()).isEqualTo(version);
        assertThat(ticket.path("status").asText())
                .as("status after %s", eventType)
                .isEqualTo(
                        STATUS_KEEPING_EVENTS.contains(eventType)
                                ? last.path("fromStatus").asText()
                                : eventType);
        return ticket;
    }

    private static void assertAssignee(JsonNode ticket, String organisationId, String kind) {
        assertThat(ticket.path("assigneeOrgId").asText())
                .as("assignee of %s", ticket.path("id"))
                .isEqualTo(organisationId);
        assertThat(ticket.path("assigneeOrgKind").asText())
                .as("assignee's kind of %s", ticket.path("id"))
                .isEqualTo(kind);
    }

    private static void assertNoAssignee(JsonNode ticket) {
        assertThat(ticket.has("assigneeOrgId")).as("an assignee on %s", ticket).isFalse();
        assertThat(ticket.has("assigneeOrgKind"))
                .as("an assignee's kind on %s", ticket)
                .isFalse();
    }

    /** Sequences 1, 2, 3…, each event starting from the status the one before led to. */
    private static void assertTraceIsAChain(JsonNode events) {
        for (int index = 0; index < events.size(); index++) {
            JsonNode event = events.get(index);
            assertThat(event.path("sequence").asLong()).isEqualTo(index + 1);
            if (index > 0) {
                assertThat(event.path("fromStatus").asText())
                        .as("fromStatus of %s", event)
                        .isEqualTo(events.get(index - 1).path("toStatus").asText());
            }
        }
    }

    /** Gets a presigned URL from the API, PUTs a small JPEG to it with a plain HTTP client, and finds the object in S3. */
    private static String uploadAPhoto(ApiUser handler, String ticketId) throws Exception {
        handler.post("/v1/tickets/" + ticketId + "/attachments", body("contentType", "text/html"))
                .problemNaming(422, "contentType");
        JsonNode upload = handler.post("/v1/tickets/" + ticketId + "/attachments", body("contentType", "image/jpeg"))
                .created();
        String key = upload.path("objectKey").asText();
        assertThat(key).startsWith("attachments/" + ticketId + "/").endsWith(".jpg");

        byte[] photo = smallJpeg();
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(upload.path("uploadUrl").asText()))
                                .header("Content-Type", "image/jpeg")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode())
                .as("PUT to the presigned URL: %s", put.body())
                .isEqualTo(200);

        ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(
                request -> request.bucket(LocalStack.ATTACHMENTS_BUCKET).key(key));
        assertThat(stored.asByteArray()).isEqualTo(photo);
        assertThat(stored.response().contentType()).isEqualTo("image/jpeg");
        return key;
    }

    private static byte[] smallJpeg() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? Color.DARK_GRAY.getRGB() : Color.LIGHT_GRAY.getRGB());
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpg", jpeg)).as("a JPEG writer").isTrue();
        return jpeg.toByteArray();
    }

    // --- lists ---

    /** Every ticket id of a list, read with {@code limit=1} from page to page until there is no {@code nextCursor}. */
    private static List<String> everyPage(ApiUser reader, String path) {
        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            JsonNode page = reader.page(path, 1, cursor).ok();
            assertThat(page.path("items").size())
                    .as("items on a page of %s", path)
                    .isLessThanOrEqualTo(1);
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.hasNonNull("nextCursor")
                    ? Optional.of(page.path("nextCursor").asText())
                    : Optional.empty();
            pages++;
            assertThat(pages).as("pages of %s so far, for %s", path, ids).isLessThanOrEqualTo(20);
        } while (cursor.isPresent());
        assertThat(ids).as("%s read one by one", path).doesNotHaveDuplicates();
        return ids;
    }

    // --- the SLA sweeper ---

    /**
     * A ticket written through the domain and the store as the demo month writes its past tickets: reported at
     * {@code reportedAt} by a resident, and dispatched by the town's dispatcher to its own grid at {@code dispatchedAt}.
     */
    private static Ticket writePastTicket(String grid, Instant reportedAt, Optional<Instant> dispatchedAt) {
        TicketStore store = new TicketStore(
                stack.dynamoDb(), LocalStack.TABLE_NAME, Clock.systemUTC(), new PageCursor(PageCursor.LOCAL_KEY));
        Organisation gridOrganisation = organisation(grid);
        TicketReport report = new TicketReport(
                new Category(CATEGORY_WITHOUT_ROUTING),
                new Description("路灯杆倾斜"),
                new Location(latitudeOf(grid), longitudeOf(grid)),
                Optional.empty(),
                Priority.NORMAL,
                Optional.empty());
        TicketChange reported = Ticket.report(
                new TicketId(UUID.randomUUID().toString()),
                report,
                gridOrganisation,
                Caller.resident("e2e-sweep-resident"),
                reportedAt,
                SlaPolicy.bundled());
        store.create(reported, Optional.empty());
        if (dispatchedAt.isEmpty()) {
            return reported.ticket();
        }
        OrganisationId town = gridOrganisation.placement().orElseThrow().town();
        TicketChange dispatched = reported.ticket()
                .dispatch(
                        gridOrganisation,
                        Caller.staff("e2e-dispatcher-" + town.value(), Role.TOWN_DISPATCHER, town),
                        dispatchedAt.get());
        store.transition(dispatched, reported.ticket().version());
        return dispatched.ticket();
    }

    /** The event the stack's scheduler sends {@code function} for its template schedule. */
    private static byte[] scheduledEventOf(String function) throws IOException {
        SamTemplate.ScheduleEvent schedule = SamTemplate.load(PROJECT.resolve("template.yaml")).functions().stream()
                .filter(specification -> specification.name().equals(function))
                .flatMap(specification -> specification.schedules().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml schedules no " + function));
        return LocalScheduler.event(schedule, Instant.now());
    }

    private static JsonNode sweepResult(CompletableFuture<InvocationResult> sweep) throws Exception {
        InvocationResult result = sweep.get(2, TimeUnit.MINUTES);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(InvocationResult.Success.class);
        return JSON.readTree(((InvocationResult.Success) result).payload());
    }

    /** One event by SYSTEM, of {@code eventType}, for the due time missed; the ticket marked overdue since then. */
    private static void assertSweptOnce(JsonNode ticket, String eventType, Instant missedDueAt) {
        List<JsonNode> systemEvents = new ArrayList<>();
        ticket.path("events").forEach(event -> {
            if (event.path("actorRole").asText().equals("SYSTEM")) {
                systemEvents.add(event);
            }
        });
        assertThat(systemEvents)
                .as("the sweeper's events on %s", ticket)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.path("type").asText()).isEqualTo(eventType);
                    assertThat(event.path("reason").asText()).startsWith("overdue:");
                });
        assertThat(ticket.path("overdue").asBoolean()).isTrue();
        assertThat(ticket.hasNonNull("missedDueAt"))
                .as("missedDueAt on %s", ticket)
                .isTrue();
        assertThat(Instant.parse(ticket.path("missedDueAt").asText())).isEqualTo(missedDueAt);
        assertTraceIsAChain(ticket.path("events"));
    }

    // --- the demo county ---

    private static Organisation organisation(String id) {
        return county.organisations().stream()
                .filter(organisation -> organisation.id().value().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the demo county"));
    }

    private static DemoCounty.Grid demoGrid(String id) {
        return county.towns().stream()
                .flatMap(town -> town.communities().stream())
                .flatMap(community -> community.grids().stream())
                .filter(grid -> grid.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not a grid of the demo county"));
    }

    private static double latitudeOf(String grid) {
        return demoGrid(grid).latitude();
    }

    private static double longitudeOf(String grid) {
        return demoGrid(grid).longitude();
    }

    // --- JSON ---

    /** A JSON object of the given names and values, e.g. {@code body("reason", "wrong grid", "expectedVersion", 3)}. */
    private static String body(Object... namesAndValues) {
        ObjectNode body = JSON.createObjectNode();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            body.set((String) namesAndValues[index], JSON.valueToTree(namesAndValues[index + 1]));
        }
        return body.toString();
    }

    private static JsonNode eventOfType(JsonNode ticket, String type) {
        for (JsonNode event : ticket.path("events")) {
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event in the trace of " + ticket);
    }

    /** The text of {@code field} in each element, null where an element has none. */
    private static List<String> textsOf(JsonNode elements, String field) {
        List<String> texts = new ArrayList<>();
        elements.forEach(element ->
                texts.add(element.hasNonNull(field) ? element.path(field).asText() : null));
        return texts;
    }

    /** Every object in the answer that names a grid: the dashboard's rows, wherever it nests them. */
    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> probe() throws Exception;
    }

    /** Bounded polling: the lake is eventually consistent with the table by design (stream, batching window). */
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
