package io.gridsteward.api.party;

import static io.gridsteward.api.core.Requests.HILL_SECRETARY;
import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.assertProblem;
import static io.gridsteward.api.core.Requests.get;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.core.Requests.post;
import static io.gridsteward.api.party.PartyCalls.confirmedMember;
import static io.gridsteward.api.party.PartyCalls.newMember;
import static io.gridsteward.api.party.PartyCalls.north;
import static io.gridsteward.api.party.PartyCalls.presence;
import static io.gridsteward.api.party.PartyCalls.presenceEvent;
import static io.gridsteward.api.party.PartyCalls.presenceStep;
import static io.gridsteward.api.party.PartyCalls.runningActivity;
import static io.gridsteward.api.party.PartyCalls.signUp;
import static io.gridsteward.api.party.PartyCalls.token;
import static io.gridsteward.api.party.PartyCalls.tokenIssuedAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The party-member endpoints through HTTP against the emulated table: report-in, activities, presence and records. */
@QuarkusTest
@WithTestResource(LocalTableResource.class)
class PartyApiTest {

    @Inject
    DynamoDbClient dynamoDb;

    @Test
    void aMemberReportsInIsPlacedAndMovedWithHistory() {
        Map<String, String> member = confirmedMember();
        String id = member.get("sub");

        JsonNode moved = ok(post(
                RIVER_SECRETARY,
                "/v1/party/enrolments/" + id + "/move",
                "{\"groupId\":\"grid-river-2\",\"reason\":\"moved to block 7\"}"));

        assertThat(moved.path("groupId").asText()).isEqualTo("grid-river-2");
        assertThat(moved.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("REPORTED_IN", "CONFIRMED", "MOVED");
        assertThat(moved.path("events").get(2).path("previousGroupId").asText()).isEqualTo("grid-river-1");
        assertThat(moved.path("events").get(2).path("actorRole").asText()).isEqualTo("COMMUNITY_SECRETARY");
        assertThat(moved.path("contact").asText())
                .as("the secretary sees the contact")
                .isEqualTo("13800000000");
        JsonNode asLeader = ok(get(Requests.OTHER_GRID_WORKER, "/v1/party/enrolments/" + id));
        assertThat(asLeader.has("contact")).as("a grid worker does not").isFalse();
        JsonNode group = ok(get(RIVER_SECRETARY, "/v1/party/groups/grid-river-2/members?limit=100"));
        assertThat(group.path("items"))
                .extracting(item -> item.path("enrolleeId").asText())
                .contains(id);
        assertThat(group.path("items").get(0).has("contact")).isFalse();
        assertProblem(
                post(
                        member,
                        "/v1/party/enrolments",
                        "{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"community-river\"}"),
                409,
                null);
    }

    @Test
    void badReportInsNameTheFieldAndChangeNothing() {
        Map<String, String> member = newMember();
        assertProblem(post(member, "/v1/party/enrolments", "{\"kind\":\"IN_SERVICE_MEMBER\"}"), 400, "communityId");
        assertProblem(
                post(
                        member,
                        "/v1/party/enrolments",
                        "{\"kind\":\"IN_SERVICE_MEMBER\",\"communityId\":\"community-river\",\"colour\":\"red\"}"),
                400,
                "colour");
        assertProblem(
                post(
                        member,
                        "/v1/party/enrolments",
                        "{\"kind\":\"IN_SERVICE_MEMBER\",\"communityId\":\"community-river\"}"),
                422,
                "workplaceUnitId");
        assertProblem(
                post(member, "/v1/party/enrolments", "{\"kind\":\"ASTRONAUT\",\"communityId\":\"community-river\"}"),
                422,
                "kind");
        assertProblem(
                post(
                        member,
                        "/v1/party/enrolments",
                        "{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"grid-river-1\"}"),
                422,
                "communityId");
        assertProblem(
                post(
                        member,
                        "/v1/party/enrolments",
                        "{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"community-nowhere\"}"),
                422,
                "communityId");
        assertProblem(post(member, "/v1/party/enrolments", "not json"), 400, "body");
        assertThat(Requests.partition(dynamoDb, "ENROLMENT#" + member.get("sub")))
                .isEmpty();

        Map<String, String> reported = newMember();
        ApiGateway.Reply created = post(
                reported,
                "/v1/party/enrolments",
                "{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"community-river\"}");
        assertThat(created.status()).isEqualTo(201);
        String path = "/v1/party/enrolments/" + reported.get("sub");
        assertProblem(post(RIVER_SECRETARY, path + "/confirm", "{\"groupId\":\"grid-hill-1\"}"), 422, "groupId");
        assertProblem(
                post(RIVER_SECRETARY, path + "/confirm", "{\"groupId\":\"grid-river-1\",\"expectedVersion\":7}"),
                409,
                null);
        assertProblem(post(HILL_SECRETARY, path + "/confirm", "{\"groupId\":\"grid-river-1\"}"), 404, null);
        assertProblem(post(Requests.EAST_DISPATCHER, path + "/confirm", "{\"groupId\":\"grid-river-1\"}"), 403, null);
        assertProblem(post(RIVER_PARTY_LEADER, path + "/confirm", "{\"groupId\":\"grid-river-1\"}"), 404, null);
        assertThat(ok(get(reported, path)).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void checkInProvesPresenceWithAFreshTokenInsideTheFence() {
        String activity = runningActivity(5);
        Map<String, String> member = confirmedMember();
        assertProblem(
                presenceStep(member, activity, "check-in", presence(token(activity), PartyCalls.LATITUDE)), 403, null);
        signUp(member, activity);

        assertProblem(
                presenceStep(
                        member,
                        activity,
                        "check-in",
                        presence(tokenIssuedAt(activity, Instant.now().minusSeconds(31)), PartyCalls.LATITUDE)),
                422,
                "token");
        String forged = token(activity);
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertProblem(presenceStep(member, activity, "check-in", presence(forged, PartyCalls.LATITUDE)), 422, "token");
        assertProblem(
                presenceStep(member, activity, "check-in", presence(token(runningActivity(1)), PartyCalls.LATITUDE)),
                422,
                "token");
        assertProblem(
                presenceStep(member, activity, "check-in", presence(token(activity), north(101))), 422, "position");
        assertProblem(
                presenceStep(member, activity, "check-out", presence(token(activity), PartyCalls.LATITUDE)), 409, null);
        assertThat(ok(get(RIVER_PARTY_LEADER, "/v1/party/activities/" + activity + "/attendances")))
                .isEmpty();

        String shown = token(activity);
        JsonNode in = ok(presenceStep(member, activity, "check-in", presence(shown, north(99))));
        assertThat(in.path("status").asText()).isEqualTo("CHECKED_IN");
        assertProblem(
                presenceStep(member, activity, "check-in", presence(token(activity), PartyCalls.LATITUDE)), 409, null);
        assertProblem(presenceStep(member, activity, "check-out", presence(shown, PartyCalls.LATITUDE)), 422, "token");

        JsonNode out = ok(presenceStep(member, activity, "check-out", presence(token(activity), PartyCalls.LATITUDE)));
        assertThat(out.path("status").asText()).isEqualTo("CHECKED_OUT");
        assertThat(out.path("creditedMinutes").asInt())
                .as("a minute or two of a two-hour patrol is under the share")
                .isZero();

        JsonNode certified = ok(post(
                RIVER_PARTY_LEADER,
                "/v1/party/activities/" + activity + "/attendances/" + member.get("sub") + "/certify",
                "{\"minutes\":90,\"reason\":\"stayed on after the app crashed\"}"));
        assertThat(certified.path("certifiedMinutes").asInt()).isEqualTo(90);
        assertProblem(
                post(
                        RIVER_PARTY_LEADER,
                        "/v1/party/activities/" + activity + "/attendances/" + member.get("sub") + "/certify",
                        "{\"minutes\":121,\"reason\":\"more than it lasted\"}"),
                422,
                "minutes");
        assertProblem(
                post(
                        member,
                        "/v1/party/activities/" + activity + "/attendances/" + member.get("sub") + "/certify",
                        "{\"minutes\":60,\"reason\":\"myself\"}"),
                403,
                null);

        JsonNode record = ok(get(member, "/v1/party/enrolments/" + member.get("sub") + "/record"));
        assertThat(record.path("certifiedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(record.path("countedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(record.path("pointsByKind").path("PATROL").asInt()).isEqualTo(4);
        ApiGateway.Reply page = get(member, "/v1/party/enrolments/" + member.get("sub") + "/record/page");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body().asText()).contains("<html lang=\"zh-CN\">", "党员年度服务档案", "<td>1.50</td>");
        assertThat(get(member, "/v1/party/enrolments/" + member.get("sub") + "/record/page?lang=en")
                        .body()
                        .asText())
                .contains("Certified hours");
        assertProblem(get(member, "/v1/party/enrolments/" + member.get("sub") + "/record/page?lang=fr"), 400, "lang");
    }

    @Test
    void fiftyRetriedCheckInsWithOneKeyCountOnce() throws Exception {
        String activity = runningActivity(5);
        Map<String, String> member = confirmedMember();
        signUp(member, activity);
        String body = presence(token(activity), PartyCalls.LATITUDE);
        List<ObjectNode> retries = new ArrayList<>();
        for (int index = 0; index < 50; index++) {
            retries.add(presenceEvent(member, activity, "check-in", body, "check-in-" + member.get("sub")));
        }

        List<ApiGateway.Reply> replies = Requests.race(retries);

        assertThat(replies).extracting(ApiGateway.Reply::status).containsOnly(200);
        assertThat(replies)
                .filteredOn(reply -> "false".equals(reply.header("Idempotent-Replayed")))
                .hasSize(1);
        assertThat(Requests.partition(dynamoDb, "ACTIVITY#" + activity))
                .filteredOn(item -> item.get("entity").s().equals("AttendanceEvent"))
                .hasSize(1);
        System.out.printf(
                "HTTP check-in retries: 50 racing check-ins with one Idempotency-Key -> %d written, %d replayed%n",
                replies.stream()
                        .filter(reply -> "false".equals(reply.header("Idempotent-Replayed")))
                        .count(),
                replies.stream()
                        .filter(reply -> "true".equals(reply.header("Idempotent-Replayed")))
                        .count());
    }

    @Test
    void hundredRacingSignUpsForThirtyPlacesTakeThirty() throws Exception {
        String activity = runningActivity(30);
        List<Map<String, String>> members = new ArrayList<>();
        List<ObjectNode> signUps = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            members.add(confirmedMember());
            signUps.add(ApiGateway.event(
                    "POST",
                    "/v1/party/activities/" + activity + "/sign-ups",
                    Optional.of(members.getLast()),
                    Optional.of("{}"),
                    Map.of("content-type", "application/json")));
        }

        List<ApiGateway.Reply> replies = Requests.race(signUps);
        List<Long> checkInMicros = new ArrayList<>();
        for (int index = 0; index < replies.size(); index++) {
            if (replies.get(index).status() == 201) {
                String body = presence(token(activity), PartyCalls.LATITUDE);
                long started = System.nanoTime();
                ApiGateway.Reply checkedIn = presenceStep(members.get(index), activity, "check-in", body);
                checkInMicros.add((System.nanoTime() - started) / 1_000);
                ok(checkedIn);
            }
        }

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(30);
        assertThat(replies)
                .filteredOn(reply -> reply.status() == 409)
                .hasSize(70)
                .allSatisfy(reply ->
                        assertThat(reply.body().path("detail").asText()).contains("FULL"));
        assertThat(ok(get(RIVER_PARTY_LEADER, "/v1/party/activities/" + activity))
                        .path("signedUp")
                        .asInt())
                .isEqualTo(30);
        System.out.printf(
                "HTTP sign-up race: 100 racing sign-ups for 30 places -> %d created, %d refused FULL%n",
                replies.stream().filter(reply -> reply.status() == 201).count(),
                replies.stream().filter(reply -> reply.status() == 409).count());
        List<Long> sorted = checkInMicros.stream().sorted().toList();
        System.out.printf(
                "HTTP check-in time (mock event server -> Lambda handler -> emulator), %d check-ins one after another: "
                        + "median %.1f ms, 90th percentile %.1f ms, slowest %.1f ms%n",
                sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 9 / 10) / 1000.0,
                sorted.getLast() / 1000.0);
    }

    @Test
    void publishingRefusesBadValuesNamingTheField() {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        assertProblem(
                post(RIVER_PARTY_LEADER, "/v1/party/activities", """
                {"organiserId":"grid-river-1","kind":"PATROL","title":"","startsAt":"%s","endsAt":"%s",
                 "location":{"latitude":30.2,"longitude":120.1},"radiusMetres":100,"capacity":0}""".formatted(start, start.plusSeconds(60))),
                422,
                "capacity");
        assertProblem(post(RIVER_PARTY_LEADER, "/v1/party/activities", """
                {"organiserId":"grid-river-1","kind":"PATROL","title":"x","startsAt":"tomorrow","endsAt":"%s",
                 "location":{"latitude":30.2,"longitude":120.1},"radiusMetres":100,"capacity":3}""".formatted(start)), 422, "startsAt");
        assertProblem(
                post(RIVER_PARTY_LEADER, "/v1/party/activities", """
                {"organiserId":"grid-river-1","kind":"PATROL","title":"x","startsAt":"%s","endsAt":"%s",
                 "location":{"latitude":91,"longitude":120.1},"radiusMetres":100,"capacity":3}""".formatted(start, start.plusSeconds(60))),
                422,
                "location.latitude");
        assertProblem(
                post(RIVER_PARTY_LEADER, "/v1/party/activities", """
                {"organiserId":"grid-river-1","kind":"PATROL","title":"x","startsAt":"%s","endsAt":"%s",
                 "location":{"latitude":30.2},"radiusMetres":100,"capacity":3}""".formatted(start, start.plusSeconds(60))),
                400,
                "location.longitude");
        assertProblem(get(RIVER_SECRETARY, "/v1/party/communities/community-river/enrolments?limit=0"), 400, "limit");
        assertProblem(get(RIVER_SECRETARY, "/v1/party/communities/community-river/record?year=soon"), 400, "year");
    }

    @Test
    void aCommunityAndAUnitHaveYearlyRecords() {
        String unit = "unit-" + UUID.randomUUID();
        ApiGateway.Reply unitReported = post(
                RIVER_SECRETARY,
                "/v1/party/enrolments",
                "{\"kind\":\"UNIT\",\"communityId\":\"community-river\",\"enrolleeId\":\"%s\",\"contact\":\"Ms Li\"}"
                        .formatted(unit));
        assertThat(unitReported.status()).as(unitReported.body().toString()).isEqualTo(201);
        ok(post(RIVER_SECRETARY, "/v1/party/enrolments/" + unit + "/confirm", "{}"));
        Map<String, String> member = confirmedMember(unit);

        JsonNode community = ok(get(RIVER_SECRETARY, "/v1/party/communities/community-river/record"));
        assertThat(community.path("confirmedByKind").path("IN_SERVICE_MEMBER").asInt())
                .isPositive();
        assertThat(community.path("confirmedByKind").path("UNIT").asInt()).isPositive();
        assertThat(community.path("members"))
                .extracting(year -> year.path("enrolleeId").asText())
                .contains(member.get("sub"));
        JsonNode record = ok(get(RIVER_SECRETARY, "/v1/party/units/" + unit + "/record"));
        assertThat(record.path("unitReportedIn").asBoolean()).isTrue();
        assertThat(record.path("members").asInt()).isEqualTo(1);
        assertThat(record.path("completionRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(record.path("eligibleForAssessment").asBoolean()).isFalse();
        assertProblem(get(HILL_SECRETARY, "/v1/party/units/" + unit + "/record"), 404, null);
        assertProblem(get(HILL_SECRETARY, "/v1/party/communities/community-river/record"), 403, null);

        ApiGateway.Reply unitPage = get(RIVER_SECRETARY, "/v1/party/units/" + unit + "/record/page");
        assertThat(unitPage.status()).isEqualTo(200);
        assertThat(unitPage.header("Content-Type")).startsWith("text/html");
        assertThat(unitPage.body().asText())
                .contains("<html lang=\"zh-CN\">", "驻区单位年度报到档案", "<td>" + unit + "</td>", "<th>保留考核资格</th><td>否</td>");
        ApiGateway.Reply communityPage =
                get(RIVER_SECRETARY, "/v1/party/communities/community-river/record/page?lang=en");
        assertThat(communityPage.status()).isEqualTo(200);
        assertThat(communityPage.body().asText())
                .contains(
                        "Community's yearly report-in record",
                        "<td>community-river</td>",
                        "<td>" + member.get("sub") + "</td>");
        assertProblem(get(RIVER_SECRETARY, "/v1/party/communities/community-river/record/page?lang=fr"), 400, "lang");
        assertProblem(get(HILL_SECRETARY, "/v1/party/units/" + unit + "/record/page"), 404, null);
    }

    @Test
    void aUnitOfficerReportsTheirUnitInAndAPartyMembersTokenReportsItsHolderIn() {
        String library = "unit-hospital";
        Map<String, String> officer = Requests.staff("user-hospital-officer", "UNIT_OFFICER", library);
        Map<String, String> otherUnitsOfficer = Requests.staff("user-school-officer", "UNIT_OFFICER", "unit-school");
        String unitReport =
                "{\"kind\":\"UNIT\",\"communityId\":\"community-river\",\"enrolleeId\":\"%s\",\"contact\":\"Mr Zhao\"}"
                        .formatted(library);

        assertProblem(post(otherUnitsOfficer, "/v1/party/enrolments", unitReport), 403, null);
        assertThat(Requests.partition(dynamoDb, "ENROLMENT#" + library)).isEmpty();
        JsonNode reported = created(post(officer, "/v1/party/enrolments", unitReport));
        assertThat(reported.path("events").get(0).path("actorRole").asText()).isEqualTo("UNIT_OFFICER");
        ok(post(RIVER_SECRETARY, "/v1/party/enrolments/" + library + "/confirm", "{}"));
        assertThat(ok(get(officer, "/v1/party/units/" + library + "/record"))
                        .path("unitReportedIn")
                        .asBoolean())
                .isTrue();
        assertProblem(get(otherUnitsOfficer, "/v1/party/units/" + library + "/record"), 404, null);
        assertProblem(
                post(
                        officer,
                        "/v1/party/enrolments",
                        "{\"kind\":\"SCATTERED_MEMBER\",\"communityId\":\"community-river\"}"),
                403,
                null);

        Map<String, String> partyMember = PartyCalls.newPartyMember();
        JsonNode member = created(post(partyMember, "/v1/party/enrolments", """
                {"kind":"IN_SERVICE_MEMBER","communityId":"community-river","workplaceUnitId":"%s","skills":["reading aloud"]}""".formatted(library)));
        assertThat(member.path("enrolleeId").asText()).isEqualTo(partyMember.get("sub"));
        assertThat(member.path("events").get(0).path("actorRole").asText()).isEqualTo("PARTY_MEMBER");
        assertProblem(post(partyMember, "/v1/party/enrolments", """
                {"kind":"UNIT","communityId":"community-river","enrolleeId":"%s","contact":"Mr Zhao"}""".formatted(library)), 403, null);
    }

    private static JsonNode created(ApiGateway.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body();
    }
}
