package io.gridsteward.api.party;

import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.get;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.core.Requests.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.domain.party.ActivityId;
import io.gridsteward.domain.party.CheckInTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/** The party-member requests the API tests send: members reported in and placed, activities running now, presence bodies. */
final class PartyCalls {

    static final double LATITUDE = 30.251;
    static final double LONGITUDE = 120.161;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private PartyCalls() {}

    static Map<String, String> newMember() {
        return Map.of("sub", "member-" + UUID.randomUUID(), "custom:role", "RESIDENT");
    }

    /** A party member's token naming community-river, not yet reported in. */
    static Map<String, String> newPartyMember() {
        return Map.of(
                "sub",
                "party-member-" + UUID.randomUUID(),
                "custom:role",
                "PARTY_MEMBER",
                "custom:org_id",
                "community-river");
    }

    /** A resident reported in to community-river and placed by its secretary in grid-river-1. */
    static Map<String, String> confirmedMember() {
        return confirmedMember("unit-school");
    }

    static Map<String, String> confirmedMember(String workplaceUnit) {
        Map<String, String> member = newMember();
        ApiGateway.Reply reported = post(member, "/v1/party/enrolments", """
                {"kind":"IN_SERVICE_MEMBER","communityId":"community-river","workplaceUnitId":"%s","skills":["first aid"],
                 "preferredKinds":["SERVICE"],"contact":"13800000000"}""".formatted(workplaceUnit));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        ok(post(
                RIVER_SECRETARY,
                "/v1/party/enrolments/" + member.get("sub") + "/confirm",
                "{\"groupId\":\"grid-river-1\"}"));
        return member;
    }

    /** A patrol of grid-river-1 that started a minute ago and lasts two hours, with {@code capacity} places. */
    static String runningActivity(int capacity) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        return publish(start, start.plus(Duration.ofHours(2)), capacity);
    }

    static String publish(Instant start, Instant end, int capacity) {
        ApiGateway.Reply reply = post(RIVER_PARTY_LEADER, "/v1/party/activities", """
                {"organiserId":"grid-river-1","kind":"PATROL","title":"Evening patrol %d","startsAt":"%s","endsAt":"%s",
                 "location":{"latitude":%s,"longitude":%s},"radiusMetres":100,"capacity":%d}""".formatted(
                        NEXT.incrementAndGet(), start, end, LATITUDE, LONGITUDE, capacity));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    static void signUp(Map<String, String> member, String activity) {
        ApiGateway.Reply reply = post(member, "/v1/party/activities/" + activity + "/sign-ups", "{}");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    }

    /** The token the organiser's screen shows now. */
    static String token(String activity) {
        return ok(get(RIVER_PARTY_LEADER, "/v1/party/activities/" + activity + "/check-in-token"))
                .path("token")
                .asText();
    }

    /** A token signed with the configured key, as the screen would have shown it at {@code issuedAt}. */
    static String tokenIssuedAt(String activity, Instant issuedAt) {
        byte[] key = Base64.getDecoder()
                .decode(ConfigProvider.getConfig().getValue("party.check-in-token-key", String.class));
        return new CheckInTokens(key, Duration.ofSeconds(30), () -> "test-nonce")
                .issue(new ActivityId(activity), issuedAt)
                .value();
    }

    /** A point {@code metres} due north of the activity's centre. */
    static double north(double metres) {
        return LATITUDE + Math.toDegrees(metres / 6_371_008.8);
    }

    static String presence(String token, double latitude) {
        return "{\"token\":\"%s\",\"position\":{\"latitude\":%s,\"longitude\":%s}}"
                .formatted(token, latitude, LONGITUDE);
    }

    static ApiGateway.Reply presenceStep(Map<String, String> member, String activity, String step, String body) {
        return post(member, "/v1/party/activities/" + activity + "/" + step, body);
    }

    static ObjectNode presenceEvent(
            Map<String, String> member, String activity, String step, String body, String idempotencyKey) {
        return ApiGateway.event(
                "POST",
                "/v1/party/activities/" + activity + "/" + step,
                Optional.of(member),
                Optional.of(body),
                Map.of("content-type", "application/json", "Idempotency-Key", idempotencyKey));
    }
}
