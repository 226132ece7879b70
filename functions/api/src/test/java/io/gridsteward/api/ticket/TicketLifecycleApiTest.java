package io.gridsteward.api.ticket;

import static io.gridsteward.api.core.Requests.COUNTY_LEADER;
import static io.gridsteward.api.core.Requests.EAST_DISPATCHER;
import static io.gridsteward.api.core.Requests.EAST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.OTHER_RESIDENT;
import static io.gridsteward.api.core.Requests.RESIDENT;
import static io.gridsteward.api.core.Requests.RIVER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.WATER_OFFICER;
import static io.gridsteward.api.core.Requests.accepted;
import static io.gridsteward.api.core.Requests.assertProblem;
import static io.gridsteward.api.core.Requests.dispatched;
import static io.gridsteward.api.core.Requests.get;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.core.Requests.post;
import static io.gridsteward.api.core.Requests.reported;
import static io.gridsteward.api.core.Requests.resolved;
import static io.gridsteward.api.core.Requests.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The lifecycle after dispatch, the lists and the organisations, through HTTP against the emulated table. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class TicketLifecycleApiTest {

    @Test
    void aTicketGoesFromReportToCloseWithTheTraceOfEveryStep() {
        String id = resolved();

        JsonNode evaluated =
                ok(step(RESIDENT, id, "evaluate", "{\"rating\":4,\"comment\":\"quick work\",\"expectedVersion\":4}"));
        JsonNode closed = ok(step(EAST_DISPATCHER, id, "close", "{}"));

        assertThat(evaluated.path("evaluation").path("rating").asInt()).isEqualTo(4);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("resolution").path("photoKeys").get(0).asText())
                .isEqualTo("attachments/" + id + "/after.jpg");
        JsonNode events = ok(get(RESIDENT, "/v1/tickets/" + id)).path("events");
        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED", "ACCEPTED", "RESOLVED", "EVALUATED", "CLOSED");
        assertThat(events.get(4).path("rating").asInt()).isEqualTo(4);
        assertThat(events.get(3).path("photoKeys")).hasSize(1);
        for (int index = 1; index < events.size(); index++) {
            assertThat(events.get(index).path("fromStatus").asText())
                    .isEqualTo(events.get(index - 1).path("toStatus").asText());
            assertThat(events.get(index).path("sequence").asLong()).isEqualTo(index + 1);
        }
        assertThat(events.get(events.size() - 1).path("toStatus").asText())
                .isEqualTo(closed.path("status").asText());
        assertThat(closed.path("version").asLong()).isEqualTo(events.size());
    }

    @Test
    void fiftyConcurrentDispatchesOfOneTicketHaveOneWinnerAndTheTraceAgrees() throws Exception {
        String id = reported();
        List<Callable<ApiGateway.Reply>> dispatches = new ArrayList<>();
        for (int index = 0; index < 50; index++) {
            String assignee = index % 2 == 0 ? "grid-river-1" : "dept-water";
            dispatches.add(() -> step(
                    EAST_DISPATCHER, id, "dispatch", "{\"assigneeOrgId\":\"" + assignee + "\",\"expectedVersion\":1}"));
        }

        List<ApiGateway.Reply> replies = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(dispatches.size())) {
            List<Future<ApiGateway.Reply>> futures = new ArrayList<>();
            for (Callable<ApiGateway.Reply> dispatch : dispatches) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return dispatch.call();
                }));
            }
            start.countDown();
            for (Future<ApiGateway.Reply> future : futures) {
                replies.add(future.get());
            }
        }

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).hasSize(49);
        JsonNode stored = ok(get(EAST_DISPATCHER, "/v1/tickets/" + id));
        assertThat(stored.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED");
        assertThat(stored.path("events").get(1).path("assigneeOrgId").asText())
                .isEqualTo(stored.path("assigneeOrgId").asText());
        assertThat(stored.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aTokenClaimingTheSystemRoleIsUnauthorized() {
        assertProblem(get(Map.of("sub", "system", "custom:role", "SYSTEM"), "/v1/me/tickets"), 401, null);
    }

    @Test
    void aPhotoIsUploadedThroughAPresignedUrlAndCitedByItsKey() {
        String id = accepted();

        ApiGateway.Reply upload =
                post(RIVER_GRID_WORKER, "/v1/tickets/" + id + "/attachments", "{\"contentType\":\"image/jpeg\"}");
        String key = upload.body().path("objectKey").asText();

        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        assertThat(key).startsWith("attachments/" + id + "/").endsWith(".jpg");
        assertThat(upload.body().path("uploadUrl").asText())
                .contains(key)
                .contains("X-Amz-Signature=")
                .contains("grid-steward-attachments");
        assertProblem(
                post(RIVER_GRID_WORKER, "/v1/tickets/" + id + "/attachments", "{\"contentType\":\"text/html\"}"),
                422,
                "contentType");
        assertProblem(
                step(
                        RIVER_GRID_WORKER,
                        id,
                        "resolve",
                        "{\"note\":\"done\",\"photoKeys\":[\"attachments/another-ticket/x.jpg\"]}"),
                422,
                "photoKeys[0]");
        assertProblem(
                step(RIVER_GRID_WORKER, id, "resolve", "{\"note\":\"done\",\"photoKeys\":[\"" + key + "\"]}"),
                422,
                "photoKeys[0]");
        String madeUp = "attachments/" + id + "/00000000-0000-0000-0000-000000000000.jpg";
        UploadedAttachments.upload(key);
        assertProblem(
                step(
                        RIVER_GRID_WORKER,
                        id,
                        "resolve",
                        "{\"note\":\"done\",\"photoKeys\":[\"" + key + "\",\"" + madeUp + "\"]}"),
                422,
                "photoKeys[1]");
        assertThat(ok(get(RIVER_GRID_WORKER, "/v1/tickets/" + id))
                        .path("status")
                        .asText())
                .isEqualTo("ACCEPTED");
        JsonNode resolved =
                ok(step(RIVER_GRID_WORKER, id, "resolve", "{\"note\":\"done\",\"photoKeys\":[\"" + key + "\"]}"));
        assertThat(resolved.path("resolution").path("photoKeys").get(0).asText())
                .isEqualTo(key);
    }

    @Test
    void anIllegalStepIsAConflictWithTheCurrentState() {
        String id = accepted();

        ApiGateway.Reply again = step(RIVER_GRID_WORKER, id, "accept", "{}");
        ApiGateway.Reply evaluateTooEarly = step(RESIDENT, id, "evaluate", "{\"rating\":5}");

        assertProblem(again, 409, null);
        assertThat(again.body().path("currentStatus").asText()).isEqualTo("ACCEPTED");
        assertThat(again.body().path("currentVersion").asLong()).isEqualTo(3);
        assertProblem(evaluateTooEarly, 409, null);
        assertProblem(step(RIVER_GRID_WORKER, id, "resolve", "{\"note\":\"x\",\"expectedVersion\":2}"), 409, null);
    }

    @Test
    void aReturnGoesBackToTheQueueWithoutAnAssignee() {
        String id = dispatched();

        assertProblem(step(RIVER_GRID_WORKER, id, "return", "{}"), 400, "reason");
        JsonNode returned =
                ok(step(RIVER_GRID_WORKER, id, "return", "{\"reason\":\"this is the water bureau's pipe\"}"));

        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.has("assigneeOrgId")).isFalse();
        assertThat(queueIds()).contains(id);
        assertThat(ok(step(EAST_DISPATCHER, id, "dispatch", "{\"assigneeOrgId\":\"dept-water\"}"))
                        .path("assigneeOrgId")
                        .asText())
                .isEqualTo("dept-water");
    }

    @Test
    void escalationClimbsTheTreeAndFromTheTownNeedsADepartment() {
        String id = dispatched();

        JsonNode atCommunity = ok(step(RIVER_GRID_WORKER, id, "escalate", "{\"reason\":\"needs a digger\"}"));
        JsonNode atTown = ok(step(RIVER_SECRETARY, id, "escalate", "{\"reason\":\"beyond the community\"}"));
        ApiGateway.Reply noTarget = step(EAST_DISPATCHER, id, "escalate", "{\"reason\":\"county matter\"}");
        JsonNode atDepartment = ok(
                step(EAST_DISPATCHER, id, "escalate", "{\"reason\":\"county matter\",\"targetOrgId\":\"dept-water\"}"));

        assertThat(atCommunity.path("assigneeOrgId").asText()).isEqualTo("community-river");
        assertThat(atTown.path("assigneeOrgId").asText()).isEqualTo("town-east");
        assertProblem(noTarget, 422, "targetOrgId");
        assertThat(atDepartment.path("assigneeOrgId").asText()).isEqualTo("dept-water");
        assertThat(ok(step(WATER_OFFICER, id, "accept", "{}")).path("status").asText())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void onlyTheReporterEvaluatesAndReopens() {
        String id = resolved();

        assertProblem(step(OTHER_RESIDENT, id, "evaluate", "{\"rating\":1}"), 404, null);
        assertProblem(step(RIVER_GRID_WORKER, id, "evaluate", "{\"rating\":5}"), 403, null);
        assertProblem(step(RESIDENT, id, "evaluate", "{\"rating\":6}"), 422, "rating");
        JsonNode reopened = ok(step(RESIDENT, id, "reopen", "{\"reason\":\"the hole is back\"}"));

        assertThat(reopened.path("status").asText()).isEqualTo("REOPENED");
        assertThat(reopened.has("resolution")).isFalse();
        assertThat(ok(step(RIVER_GRID_WORKER, id, "accept", "{}"))
                        .path("status")
                        .asText())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void supervisionAddsANoteWithoutChangingTheStatus() {
        String id = dispatched();

        JsonNode supervised = ok(step(EAST_SUPERVISOR, id, "supervise", "{\"note\":\"school run tomorrow, hurry\"}"));

        assertThat(supervised.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(supervised.path("version").asLong()).isEqualTo(3);
        assertThat(supervised.path("events").get(2).path("type").asText()).isEqualTo("SUPERVISED");
    }

    @Test
    void theReportersPhoneIsShownToTheHandlingChainOnly() {
        String id = dispatched();

        assertThat(ok(get(RESIDENT, "/v1/tickets/" + id)).path("reporterPhone").asText())
                .isEqualTo("+86 138 0013 8000");
        assertThat(ok(get(EAST_DISPATCHER, "/v1/tickets/" + id))
                        .path("reporterPhone")
                        .asText())
                .isEqualTo("+86 138 0013 8000");
        assertThat(ok(get(RIVER_GRID_WORKER, "/v1/tickets/" + id))
                        .path("reporterPhone")
                        .asText())
                .isEqualTo("+86 138 0013 8000");
        assertThat(ok(get(EAST_SUPERVISOR, "/v1/tickets/" + id)).has("reporterPhone"))
                .isFalse();
        assertThat(ok(get(COUNTY_LEADER, "/v1/tickets/" + id)).has("reporterPhone"))
                .isFalse();
        assertThat(ok(get(RIVER_SECRETARY, "/v1/tickets/" + id)).has("reporterPhone"))
                .isFalse();
        assertThat(ok(get(EAST_DISPATCHER, "/v1/towns/town-east/queue?limit=100"))
                        .toString())
                .doesNotContain("0013");
    }

    @Test
    void listsArePagedWithACursorThatCannotBeBent() {
        Map<String, String> pager = Map.of("sub", "user-pager", "custom:role", "RESIDENT");
        for (int index = 0; index < 5; index++) {
            post(pager, "/v1/tickets", Requests.POTHOLE);
        }

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(get(pager, "/v1/me/tickets?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isMissingNode()
                    ? null
                    : page.path("nextCursor").asText();
        } while (cursor != null);
        String firstCursor =
                ok(get(pager, "/v1/me/tickets?limit=1")).path("nextCursor").asText();
        String keys = firstCursor.substring(0, firstCursor.indexOf('.'));
        String signature = firstCursor.substring(firstCursor.indexOf('.'));
        String bent = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(keys))
                                .replace("user-pager", "user-resident")
                                .getBytes())
                + signature;

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertProblem(get(pager, "/v1/me/tickets?cursor=" + bent), 400, "cursor");
        assertProblem(get(RESIDENT, "/v1/me/tickets?cursor=" + firstCursor), 400, "cursor");
        assertProblem(get(pager, "/v1/me/tickets?cursor=%25%25"), 400, "cursor");
        assertProblem(get(pager, "/v1/me/tickets?cursor=" + firstCursor + "AAAA"), 400, "cursor");
        assertProblem(
                get(pager, "/v1/me/tickets?cursor=" + firstCursor.substring(0, firstCursor.length() - 2)),
                400,
                "cursor");
        assertProblem(get(pager, "/v1/me/tickets?cursor=" + keys), 400, "cursor");
        assertThat(firstCursor).doesNotContain("REPORTER").contains(".");
        assertProblem(get(pager, "/v1/me/tickets?limit=0&status=LOST"), 400, "status");
    }

    @Test
    void aListFromLaterThanItsToIsRefusedNamingFrom() {
        reported();

        assertProblem(get(RESIDENT, "/v1/me/tickets?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"), 400, "from");
        assertProblem(
                get(EAST_DISPATCHER, "/v1/towns/town-east/queue?from=2030-01-01T00:00:01Z&to=2030-01-01T00:00:00Z"),
                400,
                "from");
        assertThat(ok(get(RESIDENT, "/v1/me/tickets?from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z"))
                        .path("items")
                        .isArray())
                .isTrue();
    }

    @Test
    void anUnusableQueryParameterIsCalledAParameterNotTheBody() {
        ApiGateway.Reply reply = get(RESIDENT, "/v1/me/tickets?limit=many");

        assertProblem(reply, 400, "limit");
        assertThat(reply.body().path("detail").asText()).isEqualTo("a query parameter is not what this endpoint reads");
    }

    @Test
    void theListsFilterByStatusAndServeTheirJurisdictionsOnly() {
        String waiting = reported();
        String withGrid = dispatched();

        List<String> dispatchedInGrid =
                allIds(RIVER_GRID_WORKER, "/v1/grids/grid-river-1/tickets?status=DISPATCHED&limit=100");
        List<String> openAtGrid = allIds(RIVER_GRID_WORKER, "/v1/orgs/grid-river-1/tickets?limit=100");

        assertThat(queueIds()).contains(waiting).doesNotContain(withGrid);
        assertThat(dispatchedInGrid).contains(withGrid).doesNotContain(waiting);
        assertThat(openAtGrid).contains(withGrid).doesNotContain(waiting);
        assertProblem(get(Requests.WEST_DISPATCHER, "/v1/towns/town-east/queue"), 403, null);
        assertProblem(get(Requests.HILL_SECRETARY, "/v1/grids/grid-river-1/tickets"), 403, null);
        assertProblem(get(WATER_OFFICER, "/v1/orgs/grid-river-1/tickets"), 403, null);
        assertProblem(get(RESIDENT, "/v1/towns/town-east/queue"), 403, null);
    }

    @Test
    void organisationsAndTheirChildrenComeFromTheTable() {
        JsonNode grid = ok(get(RESIDENT, "/v1/orgs/grid-river-1"));
        JsonNode children = ok(get(RESIDENT, "/v1/orgs/community-river/children"));

        assertThat(grid.path("kind").asText()).isEqualTo("GRID");
        assertThat(grid.path("townId").asText()).isEqualTo("town-east");
        assertThat(children)
                .extracting(child -> child.path("id").asText())
                .containsExactly("grid-river-1", "grid-river-2");
        assertProblem(get(RESIDENT, "/v1/orgs/nowhere"), 404, null);
    }

    @Test
    void aCallersOrganisationTreeIsTheirOrganisationAndEverythingBelowItInOneAnswer() {
        JsonNode town = ok(get(EAST_DISPATCHER, "/v1/me/organisations"));
        JsonNode county = ok(get(Requests.COUNTY_LEADER, "/v1/me/organisations"));

        assertThat(town.path("rootId").asText()).isEqualTo("town-east");
        assertThat(town.path("organisations"))
                .extracting(organisation -> organisation.path("id").asText())
                .containsExactly(
                        "town-east",
                        "community-lake",
                        "community-river",
                        "grid-lake-1",
                        "grid-river-1",
                        "grid-river-2");
        assertThat(town.path("organisations").get(4).path("latitude").asDouble())
                .isEqualTo(30.251);
        assertThat(town.path("organisations").get(4).path("longitude").asDouble())
                .isEqualTo(120.161);
        assertThat(town.path("organisations").get(5).has("latitude"))
                .as("a grid without a known centre")
                .isFalse();
        assertThat(county.path("organisations"))
                .extracting(organisation -> organisation.path("id").asText())
                .containsExactly(
                        "county",
                        "dept-water",
                        "town-east",
                        "town-west",
                        "unit-hospital",
                        "unit-school",
                        "community-lake",
                        "community-river",
                        "community-hill",
                        "grid-lake-1",
                        "grid-river-1",
                        "grid-river-2",
                        "grid-hill-1");
        assertProblem(get(RESIDENT, "/v1/me/organisations"), 403, null);
    }

    @Test
    void theOpenApiDocumentListsEveryStep() {
        JsonNode paths = ok(ApiGateway.send(ApiGateway.event(
                        "GET",
                        "/v1/openapi",
                        Optional.empty(),
                        Optional.empty(),
                        Map.of("accept", "application/json"))))
                .path("paths");

        for (String step : List.of(
                "dispatch",
                "accept",
                "return",
                "escalate",
                "resolve",
                "evaluate",
                "reopen",
                "close",
                "cancel",
                "supervise")) {
            assertThat(paths.has("/v1/tickets/{id}/" + step)).as(step).isTrue();
            assertThat(paths.path("/v1/tickets/{id}/" + step)
                            .path("post")
                            .path("responses")
                            .has("409"))
                    .as(step + " documents 409")
                    .isTrue();
        }
        assertThat(paths.has("/v1/towns/{townId}/queue")).isTrue();
        assertThat(paths.has("/v1/orgs/{id}/children")).isTrue();
    }

    private static List<String> queueIds() {
        return allIds(EAST_DISPATCHER, "/v1/towns/town-east/queue?limit=100");
    }

    /** Every page of a list: the module's test classes share one table, so a grid's list may run past one page. */
    private static List<String> allIds(Map<String, String> caller, String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(get(caller, cursor == null ? path : path + "&cursor=" + cursor));
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isMissingNode()
                            || page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }
}
