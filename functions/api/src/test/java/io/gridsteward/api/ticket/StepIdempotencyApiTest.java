package io.gridsteward.api.ticket;

import static io.gridsteward.api.core.Requests.EAST_DISPATCHER;
import static io.gridsteward.api.core.Requests.EAST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.RESIDENT;
import static io.gridsteward.api.core.Requests.RIVER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.WEST_DISPATCHER;
import static io.gridsteward.api.core.Requests.assertProblem;
import static io.gridsteward.api.core.Requests.dispatched;
import static io.gridsteward.api.core.Requests.get;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.core.Requests.reported;
import static io.gridsteward.api.core.Requests.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Idempotency-Key of the step endpoints, through HTTP against the emulated table. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class StepIdempotencyApiTest {

    private static final String DISPATCH_TO_GRID = "{\"assigneeOrgId\":\"grid-river-1\"}";

    @Inject
    DynamoDbClient dynamoDb;

    /** One row per step endpoint: the ticket it needs, who may take it, a body, and the event it writes. */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of(
                        "dispatch",
                        (Supplier<String>) Requests::reported,
                        EAST_DISPATCHER,
                        DISPATCH_TO_GRID,
                        "DISPATCHED"),
                Arguments.of("accept", (Supplier<String>) Requests::dispatched, RIVER_GRID_WORKER, "{}", "ACCEPTED"),
                Arguments.of(
                        "return",
                        (Supplier<String>) Requests::dispatched,
                        RIVER_GRID_WORKER,
                        "{\"reason\":\"wrong grid\"}",
                        "RETURNED"),
                Arguments.of(
                        "escalate",
                        (Supplier<String>) Requests::dispatched,
                        RIVER_GRID_WORKER,
                        "{\"reason\":\"too big for us\"}",
                        "ESCALATED"),
                Arguments.of(
                        "resolve",
                        (Supplier<String>) Requests::accepted,
                        RIVER_GRID_WORKER,
                        "{\"note\":\"filled\"}",
                        "RESOLVED"),
                Arguments.of(
                        "evaluate", (Supplier<String>) Requests::resolved, RESIDENT, "{\"rating\":5}", "EVALUATED"),
                Arguments.of(
                        "reopen",
                        (Supplier<String>) Requests::resolved,
                        RESIDENT,
                        "{\"reason\":\"still there\"}",
                        "REOPENED"),
                Arguments.of("close", (Supplier<String>) Requests::resolved, EAST_DISPATCHER, "{}", "CLOSED"),
                Arguments.of(
                        "cancel",
                        (Supplier<String>) Requests::dispatched,
                        EAST_DISPATCHER,
                        "{\"reason\":\"duplicate\"}",
                        "CANCELLED"),
                Arguments.of(
                        "supervise",
                        (Supplier<String>) Requests::dispatched,
                        EAST_SUPERVISOR,
                        "{\"note\":\"hurry\"}",
                        "SUPERVISED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void aRetriedStepWritesNothingAndAnswersLikeTheFirst(
            String step, Supplier<String> ticket, Map<String, String> caller, String body, String eventType) {
        String id = ticket.get();
        String key = "retry-" + step + "-" + id;

        ApiGateway.Reply first = step(caller, id, step, body, key);
        int itemsAfterFirst = ticketItems(id).size();
        ApiGateway.Reply retry = step(caller, id, step, body, key);

        assertThat(ok(first)
                        .path("events")
                        .get(ok(first).path("events").size() - 1)
                        .path("type")
                        .asText())
                .isEqualTo(eventType);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(ticketItems(id)).hasSize(itemsAfterFirst);
        assertThat(keyItems(caller, key)).singleElement().satisfies(item -> {
            assertThat(item.get("ticketId").s()).isEqualTo(id);
            assertThat(item.get("step").s()).isEqualTo(eventType);
            assertThat(item.get("sequence").n())
                    .isEqualTo(first.body().path("version").asText());
        });
    }

    @Test
    void aRetryAfterTheTicketMovedOnAnswersTheTicketAsItIsNow() {
        String id = dispatched();
        JsonNode accepted = ok(step(RIVER_GRID_WORKER, id, "accept", "{\"expectedVersion\":2}", "accept-then-resolve"));
        ok(step(RIVER_GRID_WORKER, id, "resolve", "{\"note\":\"filled\"}"));

        ApiGateway.Reply retry =
                step(RIVER_GRID_WORKER, id, "accept", "{\"expectedVersion\":2}", "accept-then-resolve");

        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(retry.body().path("version").asLong())
                .isEqualTo(accepted.path("version").asLong() + 1);
        assertThat(retry.body().path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED", "ACCEPTED", "RESOLVED");
        assertThat(retry.body()).isEqualTo(ok(get(RIVER_GRID_WORKER, "/v1/tickets/" + id)));
    }

    @Test
    void theSameJsonWithOtherSpacingAndKeyOrderIsTheSameRequest() {
        String id = reported();
        JsonNode first = ok(step(
                EAST_DISPATCHER,
                id,
                "dispatch",
                "{\"assigneeOrgId\":\"grid-river-1\",\"expectedVersion\":1}",
                "spaced"));

        ApiGateway.Reply retry = step(
                EAST_DISPATCHER,
                id,
                "dispatch",
                "{ \"expectedVersion\" : 1,\n  \"assigneeOrgId\" : \"grid-river-1\" }\n",
                "spaced");

        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first);
        assertThat(ticketItems(id)).hasSize(3);
    }

    @Test
    void theSameKeyForAnotherBodyTicketStepOrReportIsRefusedNamingTheHeaderAndWritesNothing() {
        String mine = reported();
        String another = reported();
        ok(step(EAST_DISPATCHER, mine, "dispatch", DISPATCH_TO_GRID, "used-once"));

        assertProblem(
                step(EAST_DISPATCHER, mine, "dispatch", "{\"assigneeOrgId\":\"dept-water\"}", "used-once"),
                422,
                "Idempotency-Key");
        assertProblem(
                step(EAST_DISPATCHER, another, "dispatch", DISPATCH_TO_GRID, "used-once"), 422, "Idempotency-Key");
        assertProblem(
                step(EAST_DISPATCHER, mine, "cancel", "{\"reason\":\"duplicate\"}", "used-once"),
                422,
                "Idempotency-Key");
        ApiGateway.Reply report = ApiGateway.send(ApiGateway.event(
                "POST",
                "/v1/tickets",
                Optional.of(EAST_DISPATCHER),
                Optional.of(Requests.POTHOLE),
                Map.of("content-type", "application/json", "Idempotency-Key", "used-once")));
        assertProblem(report, 422, "Idempotency-Key");

        assertThat(ok(get(EAST_DISPATCHER, "/v1/tickets/" + mine))
                        .path("version")
                        .asLong())
                .isEqualTo(2);
        assertThat(ok(get(EAST_DISPATCHER, "/v1/tickets/" + another))
                        .path("version")
                        .asLong())
                .isEqualTo(1);
        assertThat(ticketItems(mine)).hasSize(3);
        assertThat(ticketItems(another)).hasSize(2);
    }

    @Test
    void twentyConcurrentIdenticalStepsWithOneKeyWriteOneEventAndAnswerAlike() throws Exception {
        String id = reported();
        String body = "{\"assigneeOrgId\":\"grid-river-1\",\"expectedVersion\":1}";
        List<JsonNode> events = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            events.add(Requests.stepEvent(EAST_DISPATCHER, id, "dispatch", body, "racing-dispatch"));
        }

        List<ApiGateway.Reply> replies = Requests.race(events);

        assertThat(replies)
                .allSatisfy(reply ->
                        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200));
        assertThat(replies)
                .extracting(ApiGateway.Reply::body)
                .containsOnly(replies.getFirst().body());
        assertThat(replies)
                .filteredOn(reply -> reply.header("Idempotent-Replayed").equals("false"))
                .hasSize(1);
        JsonNode stored = ok(get(EAST_DISPATCHER, "/v1/tickets/" + id));
        assertThat(stored).isEqualTo(replies.getFirst().body());
        assertThat(stored.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED");
        assertThat(ticketItems(id)).hasSize(3);
        assertThat(keyItems(EAST_DISPATCHER, "racing-dispatch")).hasSize(1);
    }

    @Test
    void anUnusableKeyIsA400NamingTheHeaderAndChangesNothing() {
        String id = dispatched();

        assertProblem(step(RIVER_GRID_WORKER, id, "accept", "{}", "x".repeat(256)), 400, "Idempotency-Key");
        assertProblem(step(RIVER_GRID_WORKER, id, "accept", "{}", "has space"), 400, "Idempotency-Key");
        assertProblem(step(RIVER_GRID_WORKER, id, "accept", "{}", ""), 400, "Idempotency-Key");
        assertThat(ok(get(RIVER_GRID_WORKER, "/v1/tickets/" + id))
                        .path("status")
                        .asText())
                .isEqualTo("DISPATCHED");
        assertThat(ticketItems(id)).hasSize(3);
    }

    @Test
    void aKeyHoldingACommaIsKeptWhole() {
        String first = reported();
        String second = reported();

        ApiGateway.Reply one = step(EAST_DISPATCHER, first, "dispatch", DISPATCH_TO_GRID, "batch-1,a");
        ApiGateway.Reply other = step(EAST_DISPATCHER, second, "dispatch", DISPATCH_TO_GRID, "batch-1,b");

        assertThat(ok(one).path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(ok(other).path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(other.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(keyItems(EAST_DISPATCHER, "batch-1,a"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("ticketId").s()).isEqualTo(first));
        assertThat(keyItems(EAST_DISPATCHER, "batch-1,b"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("ticketId").s()).isEqualTo(second));
    }

    @Test
    void aRefusedOrFailedStepWritesNoKeySoTheRightRequestWithItGoesThrough() {
        String id = reported();

        assertProblem(step(RIVER_GRID_WORKER, id, "dispatch", DISPATCH_TO_GRID, "refused"), 403, null);
        assertProblem(step(WEST_DISPATCHER, id, "dispatch", DISPATCH_TO_GRID, "refused"), 404, null);
        assertProblem(
                step(
                        EAST_DISPATCHER,
                        id,
                        "dispatch",
                        "{\"assigneeOrgId\":\"grid-river-1\",\"expectedVersion\":7}",
                        "failed"),
                409,
                null);
        assertProblem(
                step(EAST_DISPATCHER, id, "dispatch", "{\"assigneeOrgId\":\"dept-nowhere\"}", "failed"),
                422,
                "assigneeOrgId");
        assertProblem(step(EAST_DISPATCHER, id, "dispatch", "{}", "failed"), 400, "assigneeOrgId");
        assertProblem(step(EAST_DISPATCHER, id, "accept", "{}", "failed"), 403, null);
        assertProblem(step(EAST_DISPATCHER, id, "close", "{}", "failed"), 409, null);

        assertThat(keyItems(RIVER_GRID_WORKER, "refused")).isEmpty();
        assertThat(keyItems(WEST_DISPATCHER, "refused")).isEmpty();
        assertThat(keyItems(EAST_DISPATCHER, "failed")).isEmpty();
        assertThat(ticketItems(id)).hasSize(2);
        ApiGateway.Reply dispatched = step(EAST_DISPATCHER, id, "dispatch", DISPATCH_TO_GRID, "failed");
        assertThat(ok(dispatched).path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.header("Idempotent-Replayed")).isEqualTo("false");
    }

    @Test
    void theOpenApiDocumentDescribesTheHeaderOnTheReportAndEveryStep() {
        JsonNode paths = ok(ApiGateway.send(ApiGateway.event(
                        "GET",
                        "/v1/openapi",
                        Optional.empty(),
                        Optional.empty(),
                        Map.of("accept", "application/json"))))
                .path("paths");

        for (String path : List.of(
                "",
                "/{id}/dispatch",
                "/{id}/accept",
                "/{id}/return",
                "/{id}/escalate",
                "/{id}/resolve",
                "/{id}/evaluate",
                "/{id}/reopen",
                "/{id}/close",
                "/{id}/cancel",
                "/{id}/supervise")) {
            List<JsonNode> headers = new ArrayList<>();
            paths.path("/v1/tickets" + path).path("post").path("parameters").forEach(headers::add);
            assertThat(headers)
                    .as(path)
                    .filteredOn(parameter -> parameter.path("name").asText().equals("Idempotency-Key"))
                    .singleElement()
                    .satisfies(parameter -> {
                        assertThat(parameter.path("in").asText()).isEqualTo("header");
                        assertThat(parameter.path("required").asBoolean(false)).isFalse();
                        assertThat(parameter.path("description").asText())
                                .contains("Idempotent-Replayed: true")
                                .contains("422");
                    });
        }
    }

    private List<Map<String, AttributeValue>> ticketItems(String id) {
        return Requests.partition(dynamoDb, "TICKET#" + id);
    }

    private List<Map<String, AttributeValue>> keyItems(Map<String, String> caller, String key) {
        return Requests.partition(dynamoDb, "IDEMPOTENCY#" + caller.get("sub") + "#" + key);
    }
}
