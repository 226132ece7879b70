package io.gridsteward.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.gridsteward.api.core.SequentialIdSource;
import io.gridsteward.domain.core.Location;
import io.gridsteward.http.ProblemType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@WithTestResource(LocalTableResource.class)
class TicketApiTest {

    private static final Map<String, String> RESIDENT = Map.of("sub", "user-resident", "custom:role", "RESIDENT");
    private static final Map<String, String> OTHER_RESIDENT =
            Map.of("sub", "user-other-resident", "custom:role", "RESIDENT");
    private static final Map<String, String> RIVER_GRID_WORKER =
            Map.of("sub", "user-grid-worker", "custom:role", "GRID_WORKER", "custom:org_id", "grid-river-1");
    private static final Map<String, String> EAST_DISPATCHER =
            Map.of("sub", "user-east-dispatcher", "custom:role", "TOWN_DISPATCHER", "custom:org_id", "town-east");
    private static final Map<String, String> WEST_DISPATCHER =
            Map.of("sub", "user-west-dispatcher", "custom:role", "TOWN_DISPATCHER", "custom:org_id", "town-west");
    private static final String POTHOLE = """
            {"category":"road-damage","description":"A deep pothole by the bus stop","gridId":"grid-river-1",
             "location":{"latitude":30.2741,"longitude":120.1551}}""";
    private static final Map<String, String> JSON_BODY = Map.of("content-type", "application/json");

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    SequentialIdSource ids;

    @Test
    void theFixtureEventReportsATicketThatTheRoutingRulesDispatchToItsGrid() {
        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.fixture("report-ticket-by-resident.json"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode ticket = reply.body();
        assertThat(ticket.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(ticket.path("assigneeOrgId").asText()).isEqualTo("grid-river-1");
        assertThat(ticket.path("category").asText()).isEqualTo("streetlight");
        assertThat(ticket.path("gridId").asText()).isEqualTo("grid-river-1");
        assertThat(ticket.path("communityId").asText()).isEqualTo("community-river");
        assertThat(ticket.path("townId").asText()).isEqualTo("town-east");
        assertThat(ticket.path("channel").asText()).isEqualTo("RESIDENT_APP");
        assertThat(ticket.path("version").asLong()).isEqualTo(2);
        assertThat(ticket.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED");
        assertThat(ticket.path("events").get(1).path("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(ticket.path("priority").asText()).isEqualTo("NORMAL");
        assertThat(ticket.path("acceptDueAt").asText())
                .isEqualTo(ticket.path("events").get(0).path("acceptDueAt").asText());
        assertThat(reply.header("Location"))
                .isEqualTo("https://api.grid-steward.local/v1/tickets/"
                        + ticket.path("id").asText());
        assertThat(partition("TICKET#" + ticket.path("id").asText())).hasSize(3);
    }

    @Test
    void theReporterReadsTheTicketWithItsTrace() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        ApiGateway.Reply reply = get(RESIDENT, id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("id").asText()).isEqualTo(id);
        assertThat(reply.body().path("events").get(0).path("toStatus").asText()).isEqualTo("REPORTED");
        assertThat(reply.body().has("reporterId")).isFalse();
    }

    @Test
    void aRetriedIdempotencyKeyCreatesOneTicket() {
        ApiGateway.Reply first = report(RESIDENT, POTHOLE, Optional.of("retry-1"));
        String unusedId = ids.peekNext();
        ApiGateway.Reply retry = report(RESIDENT, POTHOLE, Optional.of("retry-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().path("id").asText())
                .isEqualTo(first.body().path("id").asText());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(partition("TICKET#" + first.body().path("id").asText())).hasSize(2);
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
        assertThat(partition("IDEMPOTENCY#user-resident#retry-1")).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() {
        report(RESIDENT, POTHOLE, Optional.of("retry-2"));
        String unusedId = ids.peekNext();

        ApiGateway.Reply reply = report(RESIDENT, POTHOLE.replace("pothole", "sinkhole"), Optional.of("retry-2"));

        assertProblem(reply, ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key");
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
    }

    @Test
    void aRacingDoubleDispatchHasExactlyOneWinner() throws Exception {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();
        List<String> assignees = List.of("grid-river-1", "dept-water", "community-river", "grid-river-2");

        List<ApiGateway.Reply> replies = Requests.race(assignees.stream()
                .map(assignee -> ApiGateway.event(
                        "POST",
                        "/v1/tickets/" + id + "/dispatch",
                        Optional.of(EAST_DISPATCHER),
                        Optional.of("{\"assigneeOrgId\":\"" + assignee + "\",\"expectedVersion\":1}"),
                        JSON_BODY))
                .toList());

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        List<ApiGateway.Reply> losers =
                replies.stream().filter(reply -> reply.status() != 200).toList();
        assertThat(losers).hasSize(assignees.size() - 1).allSatisfy(loser -> {
            assertThat(loser.status()).isEqualTo(409);
            assertThat(loser.header("Content-Type")).startsWith("application/problem+json");
            assertThat(loser.body().path("currentStatus").asText()).isEqualTo("DISPATCHED");
            assertThat(loser.body().path("currentVersion").asLong()).isEqualTo(2);
        });
        ApiGateway.Reply winner = replies.stream()
                .filter(reply -> reply.status() == 200)
                .findFirst()
                .orElseThrow();
        JsonNode stored = get(EAST_DISPATCHER, id).body();
        assertThat(stored.path("assigneeOrgId").asText())
                .isEqualTo(winner.body().path("assigneeOrgId").asText());
        assertThat(stored.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED", "DISPATCHED");
        assertThat(partition("TICKET#" + id)).hasSize(3);
    }

    @Test
    void aStaleExpectedVersionIsAConflictWithTheCurrentState() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        ApiGateway.Reply reply =
                dispatch(EAST_DISPATCHER, id, "{\"assigneeOrgId\":\"grid-river-1\",\"expectedVersion\":7}");

        assertProblem(reply, ProblemType.VERSION_CONFLICT, null);
        assertThat(reply.body().path("currentStatus").asText()).isEqualTo("REPORTED");
        assertThat(reply.body().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(partition("TICKET#" + id)).hasSize(2);
    }

    @Test
    void aDispatchedTicketShowsItsAssignee() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        ApiGateway.Reply reply = dispatch(EAST_DISPATCHER, id, "{\"assigneeOrgId\":\"dept-water\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(reply.body().path("version").asLong()).isEqualTo(2);
        JsonNode event = reply.body().path("events").get(1);
        assertThat(event.path("fromStatus").asText()).isEqualTo("REPORTED");
        assertThat(event.path("actorRole").asText()).isEqualTo("TOWN_DISPATCHER");
        assertThat(event.path("actorOrgId").asText()).isEqualTo("town-east");
        assertThat(event.path("assigneeOrgId").asText()).isEqualTo("dept-water");
        assertThat(event.path("assigneeOrgKind").asText()).isEqualTo("DEPARTMENT");
        assertThat(reply.body().path("assigneeOrgKind").asText()).isEqualTo("DEPARTMENT");
        assertThat(get(
                                Map.of(
                                        "sub",
                                        "user-water",
                                        "custom:role",
                                        "DEPARTMENT_OFFICER",
                                        "custom:org_id",
                                        "dept-water"),
                                id)
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing category | MALFORMED_REQUEST | category | {\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30,\"longitude\":120}}",
                "blank category | VALIDATION_FAILED | category | {\"category\":\" \",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30,\"longitude\":120}}",
                "unknown grid | VALIDATION_FAILED | gridId | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-nowhere\",\"location\":{\"latitude\":30,\"longitude\":120}}",
                "a community as grid | VALIDATION_FAILED | gridId | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"community-river\",\"location\":{\"latitude\":30,\"longitude\":120}}",
                "bad JSON | MALFORMED_REQUEST | body | {\"category\":\"streetlight\",",
                "not an object | MALFORMED_REQUEST | body | [1,2,3]",
                "latitude out of range | VALIDATION_FAILED | location.latitude | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":91,\"longitude\":120}}",
                "latitude as text | MALFORMED_REQUEST | location.latitude | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":\"30\",\"longitude\":120}}",
                "location as text | MALFORMED_REQUEST | location | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":\"here\"}",
                "unknown field | MALFORMED_REQUEST | urgency | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30,\"longitude\":120},\"urgency\":1}",
                "unknown priority | VALIDATION_FAILED | priority | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30,\"longitude\":120},\"priority\":\"ASAP\"}",
                "bad phone | VALIDATION_FAILED | reporterPhone | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30,\"longitude\":120},\"reporterPhone\":\"call me\"}",
                "unknown channel | VALIDATION_FAILED | channel | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30,\"longitude\":120},\"channel\":\"FAX\"}",
                "far from its grid | VALIDATION_FAILED | location | {\"category\":\"streetlight\",\"description\":\"dark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":0,\"longitude\":0}}",
                "NUL in the description | VALIDATION_FAILED | description | {\"category\":\"streetlight\",\"description\":\"dark\\u0000\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30.2741,\"longitude\":120.1551}}",
                "escape in the description | VALIDATION_FAILED | description | {\"category\":\"streetlight\",\"description\":\"\\u001b[31mdark\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30.2741,\"longitude\":120.1551}}",
                "bidi override in the description | VALIDATION_FAILED | description | {\"category\":\"streetlight\",\"description\":\"dark \\u202egnp.exe\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30.2741,\"longitude\":120.1551}}",
                "lone surrogate in the description | VALIDATION_FAILED | description | {\"category\":\"streetlight\",\"description\":\"dark \\ud800\",\"gridId\":\"grid-river-1\",\"location\":{\"latitude\":30.2741,\"longitude\":120.1551}}"
            })
    void aMalformedReportIsAProblemNamingTheFieldAndWritesNothing(
            String name, ProblemType type, String field, String body) {
        String unusedId = ids.peekNext();
        String key = "malformed-" + name.replace(' ', '-');

        ApiGateway.Reply reply = report(RESIDENT, body, Optional.of(key));

        assertProblem(reply, type, field);
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
        assertThat(partition("IDEMPOTENCY#user-resident#" + key)).isEmpty();
    }

    @Test
    void aLocationFarFromItsGridCarriesTheDistanceAsData() {
        String unusedId = ids.peekNext();
        double expected = Location.EARTH_RADIUS_METRES
                * Math.acos(Math.cos(Math.toRadians(30.251)) * Math.cos(Math.toRadians(120.161)));

        ApiGateway.Reply reply = report(
                RESIDENT,
                POTHOLE.replace("\"latitude\":30.2741,\"longitude\":120.1551", "\"latitude\":0,\"longitude\":0"),
                Optional.empty());

        assertProblem(reply, ProblemType.VALIDATION_FAILED, "location");
        JsonNode error = reply.body().path("errors").get(0);
        assertThat(error.path("data").path("distanceMetres").asLong()).isCloseTo(Math.round(expected), within(1L));
        assertThat(error.path("data").path("maximumMetres").asLong()).isEqualTo(5_000);
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
        JsonNode withoutFigures = report(RESIDENT, POTHOLE.replace("road-damage", " "), Optional.empty())
                .body()
                .path("errors")
                .path(0);
        assertThat(withoutFigures.path("field").asText()).isEqualTo("category");
        assertThat(withoutFigures.has("data")).as(withoutFigures.toString()).isFalse();
    }

    @Test
    void descriptionsAreCountedAsPeopleSeeThemAndKeptInNormalisationFormC() {
        String emoji = "\uD83D\uDE00".repeat(1001);
        String decomposed = "Cafe\u0301 ";

        ApiGateway.Reply reply = report(
                RESIDENT,
                POTHOLE.replaceFirst("\"description\":\"[^\"]*\"", "\"description\":\"" + decomposed + emoji + "\""),
                Optional.empty());

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("description").asText()).isEqualTo("Caf\u00E9 " + emoji);
        assertProblem(
                report(
                        RESIDENT,
                        POTHOLE.replaceFirst(
                                "\"description\":\"[^\"]*\"",
                                "\"description\":\"" + "\uD83D\uDE00".repeat(2001) + "\""),
                        Optional.empty()),
                ProblemType.VALIDATION_FAILED,
                "description");
    }

    @Test
    void aMalformedDispatchNamesTheFieldAndChangesNothing() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        assertProblem(dispatch(EAST_DISPATCHER, id, "{}"), ProblemType.MALFORMED_REQUEST, "assigneeOrgId");
        assertProblem(
                dispatch(EAST_DISPATCHER, id, "{\"assigneeOrgId\":\"dept-nowhere\"}"),
                ProblemType.VALIDATION_FAILED,
                "assigneeOrgId");
        assertProblem(
                dispatch(EAST_DISPATCHER, id, "{\"assigneeOrgId\":\"grid-hill-1\"}"),
                ProblemType.VALIDATION_FAILED,
                "assigneeOrgId");
        assertProblem(
                dispatch(EAST_DISPATCHER, id, "{\"assigneeOrgId\":\"dept-water\",\"expectedVersion\":\"one\"}"),
                ProblemType.MALFORMED_REQUEST,
                "expectedVersion");
        assertThat(partition("TICKET#" + id)).hasSize(2);
    }

    @Test
    void noClaimsIsUnauthorized() {
        ApiGateway.Reply anonymousRead = ApiGateway.send(ApiGateway.fixture("anonymous-get-ticket.json"));
        String unusedId = ids.peekNext();
        ApiGateway.Reply anonymousReport = ApiGateway.send(
                ApiGateway.event("POST", "/v1/tickets", Optional.empty(), Optional.of(POTHOLE), JSON_BODY));

        assertProblem(anonymousRead, ProblemType.UNAUTHENTICATED, null);
        assertProblem(anonymousReport, ProblemType.UNAUTHENTICATED, null);
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
    }

    @Test
    void anUnknownRoleIsUnauthorized() {
        assertProblem(
                report(Map.of("sub", "user-x", "custom:role", "MAYOR"), POTHOLE, Optional.empty()),
                ProblemType.UNAUTHENTICATED,
                null);
    }

    @Test
    void aTicketOutsideTheCallersJurisdictionIsNotFound() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        assertProblem(get(OTHER_RESIDENT, id), ProblemType.NOT_FOUND, null);
        assertProblem(get(WEST_DISPATCHER, id), ProblemType.NOT_FOUND, null);
        assertProblem(
                dispatch(WEST_DISPATCHER, id, "{\"assigneeOrgId\":\"grid-river-1\"}"), ProblemType.NOT_FOUND, null);
        assertProblem(get(RESIDENT, "no-such-ticket"), ProblemType.NOT_FOUND, null);
        assertThat(get(OTHER_RESIDENT, id).body().path("detail").asText())
                .isEqualTo(get(OTHER_RESIDENT, "no-such-ticket")
                        .body()
                        .path("detail")
                        .asText()
                        .replace("no-such-ticket", id));
    }

    @Test
    void aBadBodyOnATicketTheCallerCannotSeeIsNotFound() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        assertProblem(dispatch(EAST_DISPATCHER, "no-such-ticket", "{}"), ProblemType.NOT_FOUND, null);
        assertProblem(dispatch(WEST_DISPATCHER, id, "{}"), ProblemType.NOT_FOUND, null);
        assertProblem(
                Requests.step(RIVER_GRID_WORKER, "no-such-ticket", "resolve", "{\"photoKeys\":\"not a list\"}"),
                ProblemType.NOT_FOUND,
                null);
        assertProblem(
                Requests.step(OTHER_RESIDENT, id, "evaluate", "{\"rating\":\"five\"}"), ProblemType.NOT_FOUND, null);
        assertProblem(
                Requests.post(OTHER_RESIDENT, "/v1/tickets/" + id + "/attachments", "{\"contentType\":7}"),
                ProblemType.NOT_FOUND,
                null);
        assertProblem(dispatch(EAST_DISPATCHER, id, "{}"), ProblemType.MALFORMED_REQUEST, "assigneeOrgId");
        assertThat(partition("TICKET#" + id)).hasSize(2);
    }

    @Test
    void aCallerWhoSeesTheTicketButMayNotDispatchIsForbidden() {
        String id =
                report(RESIDENT, POTHOLE, Optional.empty()).body().path("id").asText();

        assertThat(get(RIVER_GRID_WORKER, id).status()).isEqualTo(200);
        assertProblem(
                dispatch(RIVER_GRID_WORKER, id, "{\"assigneeOrgId\":\"grid-river-1\"}"), ProblemType.FORBIDDEN, null);
        assertProblem(dispatch(RESIDENT, id, "{\"assigneeOrgId\":\"grid-river-1\"}"), ProblemType.FORBIDDEN, null);
        assertThat(partition("TICKET#" + id)).hasSize(2);
    }

    @Test
    void aGridWorkerReportsOnPatrolInTheirOwnGridOnly() {
        ApiGateway.Reply own = report(RIVER_GRID_WORKER, POTHOLE, Optional.empty());
        ApiGateway.Reply elsewhere =
                report(RIVER_GRID_WORKER, POTHOLE.replace("grid-river-1", "grid-hill-1"), Optional.empty());

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.body().path("channel").asText()).isEqualTo("GRID_PATROL");
        assertProblem(elsewhere, ProblemType.FORBIDDEN, null);
    }

    @Test
    void anUnusableIdempotencyKeyNamesTheHeader() {
        String unusedId = ids.peekNext();

        assertProblem(
                report(RESIDENT, POTHOLE, Optional.of("x".repeat(256))),
                ProblemType.MALFORMED_REQUEST,
                "Idempotency-Key");
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/*",
                "text/plain",
                "application/*",
                "text/json",
                "application/x-www-form-urlencoded",
                "not a type"
            })
    void aBodyThatIsNotDeclaredJsonIsRefusedNamingTheHeaderAndWritesNothing(String contentType) {
        String unusedId = ids.peekNext();

        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                "POST",
                "/v1/tickets",
                Optional.of(RESIDENT),
                Optional.of(POTHOLE),
                Map.of("content-type", contentType)));

        assertProblem(reply, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type");
        assertThat(partition("TICKET#" + unusedId)).isEmpty();
    }

    @Test
    void aBodyDeclaredJsonWithACharsetIsRead() {
        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                "POST",
                "/v1/tickets",
                Optional.of(RESIDENT),
                Optional.of(POTHOLE),
                Map.of("content-type", "application/json; charset=utf-8")));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    }

    @Test
    void aDispatcherEntersHotlineCallsOfTheirTownOnly() {
        ApiGateway.Reply own = report(EAST_DISPATCHER, POTHOLE, Optional.empty());

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.body().path("channel").asText()).isEqualTo("HOTLINE");
        assertProblem(report(WEST_DISPATCHER, POTHOLE, Optional.empty()), ProblemType.FORBIDDEN, null);
        assertProblem(
                report(EAST_DISPATCHER, POTHOLE.replace("}}", "},\"channel\":\"RESIDENT_APP\"}"), Optional.empty()),
                ProblemType.VALIDATION_FAILED,
                "channel");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        ApiGateway.Reply reply = ApiGateway.send(ApiGateway.event(
                "GET", "/v1/openapi", Optional.empty(), Optional.empty(), Map.of("accept", "application/json")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("paths").has("/v1/tickets")).isTrue();
        assertThat(reply.body().path("paths").has("/v1/tickets/{id}/dispatch")).isTrue();
        JsonNode document = reply.body();
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("type")
                        .asText())
                .isEqualTo("http");
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(document.path("security"))
                .extracting(requirement -> requirement.has("bearer"))
                .containsExactly(true);
        List<JsonNode> operations = new ArrayList<>();
        document.path("paths")
                .forEach(path -> path.properties().stream()
                        .filter(field ->
                                List.of("get", "put", "post", "delete", "patch").contains(field.getKey()))
                        .forEach(field -> operations.add(field.getValue())));
        assertThat(operations)
                .hasSizeGreaterThan(10)
                .allSatisfy(operation -> assertThat(operation.path("responses").has("401"))
                        .as(operation.path("operationId").asText())
                        .isTrue());
    }

    @Test
    void swaggerUiShowsTheDocumentWithoutAToken() {
        ApiGateway.Reply page = ApiGateway.send(ApiGateway.event(
                "GET", "/v1/docs/", Optional.empty(), Optional.empty(), Map.of("accept", "text/html")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body().asText()).contains("swagger-ui", "/v1/openapi");
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        assertFrameworkProblem(
                ApiGateway.send(
                        ApiGateway.event("GET", "/v1/nothing-here", Optional.of(RESIDENT), Optional.empty(), Map.of())),
                404);
    }

    private static ApiGateway.Reply report(Map<String, String> claims, String body, Optional<String> idempotencyKey) {
        Map<String, String> headers = new HashMap<>(JSON_BODY);
        idempotencyKey.ifPresent(key -> headers.put("Idempotency-Key", key));
        return ApiGateway.send(
                ApiGateway.event("POST", "/v1/tickets", Optional.of(claims), Optional.of(body), headers));
    }

    private static ApiGateway.Reply get(Map<String, String> claims, String id) {
        return ApiGateway.send(
                ApiGateway.event("GET", "/v1/tickets/" + id, Optional.of(claims), Optional.empty(), Map.of()));
    }

    private static ApiGateway.Reply dispatch(Map<String, String> claims, String id, String body) {
        return ApiGateway.send(ApiGateway.event(
                "POST", "/v1/tickets/" + id + "/dispatch", Optional.of(claims), Optional.of(body), JSON_BODY));
    }

    /** A problem of this API's own: its type, title and status, and the one field it names (none when {@code field} is null). */
    private static void assertProblem(ApiGateway.Reply reply, ProblemType type, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(type.status());
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = reply.body();
        assertThat(problem.path("type").asText()).as(problem.toString()).isEqualTo(type.uri());
        assertThat(problem.path("title").asText()).isEqualTo(type.title());
        assertThat(problem.path("status").asInt()).isEqualTo(type.status());
        assertThat(problem.path("instance").asText()).startsWith("/v1/");
        assertThat(problem.path("errors").isArray()).isTrue();
        if (field == null) {
            assertThat(problem.path("errors")).as(problem.toString()).isEmpty();
        } else {
            assertThat(problem.path("errors"))
                    .as(problem.toString())
                    .extracting(error -> error.path("field").asText())
                    .containsExactly(field);
        }
    }

    /** The framework's own refusal (unknown route, unsupported media type) in the same shape, typed about:blank. */
    private static void assertFrameworkProblem(ApiGateway.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body().path("type").asText()).isEqualTo("about:blank");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("errors")).isEmpty();
    }

    private List<Map<String, AttributeValue>> partition(String partitionKey) {
        return Requests.partition(dynamoDb, partitionKey);
    }
}
