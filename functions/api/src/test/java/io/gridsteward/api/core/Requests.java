package io.gridsteward.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.api.ticket.UploadedAttachments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The callers of the test county (LocalTableResource) and the requests the lifecycle tests send as them. */
public final class Requests {

    public static final Map<String, String> RESIDENT = Map.of("sub", "user-resident", "custom:role", "RESIDENT");
    public static final Map<String, String> OTHER_RESIDENT =
            Map.of("sub", "user-other-resident", "custom:role", "RESIDENT");
    public static final Map<String, String> RIVER_GRID_WORKER =
            staff("user-river-grid-worker", "GRID_WORKER", "grid-river-1");
    public static final Map<String, String> RIVER_PARTY_LEADER =
            staff("user-river-party-leader", "GRID_PARTY_LEADER", "grid-river-1");
    public static final Map<String, String> OTHER_GRID_WORKER =
            staff("user-river-2-grid-worker", "GRID_WORKER", "grid-river-2");
    public static final Map<String, String> RIVER_SECRETARY =
            staff("user-river-secretary", "COMMUNITY_SECRETARY", "community-river");
    public static final Map<String, String> HILL_SECRETARY =
            staff("user-hill-secretary", "COMMUNITY_SECRETARY", "community-hill");
    public static final Map<String, String> EAST_DISPATCHER =
            staff("user-east-dispatcher", "TOWN_DISPATCHER", "town-east");
    public static final Map<String, String> WEST_DISPATCHER =
            staff("user-west-dispatcher", "TOWN_DISPATCHER", "town-west");
    public static final Map<String, String> EAST_SUPERVISOR =
            staff("user-east-supervisor", "TOWN_SUPERVISOR", "town-east");
    public static final Map<String, String> WEST_SUPERVISOR =
            staff("user-west-supervisor", "TOWN_SUPERVISOR", "town-west");
    public static final Map<String, String> WATER_OFFICER =
            staff("user-water-officer", "DEPARTMENT_OFFICER", "dept-water");
    public static final Map<String, String> COUNTY_LEADER = staff("user-county-leader", "COUNTY_LEADER", "county");

    /** A pothole: road-damage has no routing rule, so it waits in town-east's queue. */
    public static final String POTHOLE = """
            {"category":"road-damage","description":"A deep pothole by the bus stop","gridId":"grid-river-1",
             "location":{"latitude":30.2741,"longitude":120.1551},"reporterPhone":"+86 138 0013 8000"}""";

    private static final Map<String, String> JSON_BODY = Map.of("content-type", "application/json");

    private Requests() {}

    public static Map<String, String> staff(String userId, String role, String organisation) {
        return Map.of("sub", userId, "custom:role", role, "custom:org_id", organisation);
    }

    public static ApiGateway.Reply post(Map<String, String> claims, String path, String body) {
        return ApiGateway.send(ApiGateway.event("POST", path, Optional.of(claims), Optional.of(body), JSON_BODY));
    }

    public static ApiGateway.Reply get(Map<String, String> claims, String path) {
        return ApiGateway.send(ApiGateway.event("GET", path, Optional.of(claims), Optional.empty(), Map.of()));
    }

    public static ApiGateway.Reply step(Map<String, String> claims, String id, String step, String body) {
        return post(claims, "/v1/tickets/" + id + "/" + step, body);
    }

    /** A step sent with an {@code Idempotency-Key} header. */
    public static ApiGateway.Reply step(
            Map<String, String> claims, String id, String step, String body, String idempotencyKey) {
        return ApiGateway.send(stepEvent(claims, id, step, body, idempotencyKey));
    }

    public static ObjectNode stepEvent(
            Map<String, String> claims, String id, String step, String body, String idempotencyKey) {
        return ApiGateway.event(
                "POST",
                "/v1/tickets/" + id + "/" + step,
                Optional.of(claims),
                Optional.of(body),
                Map.of("content-type", "application/json", "Idempotency-Key", idempotencyKey));
    }

    /** Every item under one partition key, read from the table directly: what a request left behind. */
    public static List<Map<String, AttributeValue>> partition(DynamoDbClient dynamoDb, String partitionKey) {
        return dynamoDb.query(request -> request.tableName(LocalTableResource.TABLE_NAME)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))
                        .consistentRead(true))
                .items();
    }

    /** A new pothole reported by RESIDENT, REPORTED at version 1. */
    public static String reported() {
        ApiGateway.Reply reply = post(RESIDENT, "/v1/tickets", POTHOLE);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    /** A pothole dispatched by town-east's dispatcher to grid-river-1. */
    public static String dispatched() {
        String id = reported();
        ok(step(EAST_DISPATCHER, id, "dispatch", "{\"assigneeOrgId\":\"grid-river-1\"}"));
        return id;
    }

    public static String accepted() {
        String id = dispatched();
        ok(step(RIVER_GRID_WORKER, id, "accept", "{}"));
        return id;
    }

    public static String resolved() {
        String id = accepted();
        UploadedAttachments.upload("attachments/" + id + "/after.jpg");
        ok(step(
                RIVER_GRID_WORKER,
                id,
                "resolve",
                "{\"note\":\"filled\",\"photoKeys\":[\"attachments/" + id + "/after.jpg\"]}"));
        return id;
    }

    /** Sends every event at once from its own thread. */
    public static List<ApiGateway.Reply> race(List<? extends JsonNode> events) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(events.size())) {
            List<Future<ApiGateway.Reply>> futures = new ArrayList<>();
            for (JsonNode event : events) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return ApiGateway.send(event);
                }));
            }
            start.countDown();
            List<ApiGateway.Reply> replies = new ArrayList<>();
            for (Future<ApiGateway.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        }
    }

    public static JsonNode ok(ApiGateway.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    public static void assertProblem(ApiGateway.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(reply.body().path("errors"))
                    .extracting(error -> error.path("field").asText())
                    .contains(field);
        }
    }
}
