package io.gridsteward.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import java.util.Map;
import java.util.Optional;

/**
 * The callers the resource context's tests act as: the units' officers, Lake's secretary, party members and a resident
 * with a small wish. Their organisations (Lake with its grid, the school, the hospital) are {@link LocalTableResource}'s.
 */
final class ResourceCounty {

    static final Map<String, String> SCHOOL_OFFICER = Requests.staff("user-school", "UNIT_OFFICER", "unit-school");
    static final Map<String, String> HOSPITAL_OFFICER =
            Requests.staff("user-hospital", "UNIT_OFFICER", "unit-hospital");
    static final Map<String, String> LAKE_SECRETARY =
            Requests.staff("user-lake-secretary", "COMMUNITY_SECRETARY", "community-lake");
    static final Map<String, String> MEMBER_ONE = Requests.staff("member-1", "PARTY_MEMBER", "community-river");
    static final Map<String, String> MEMBER_TWO = Requests.staff("member-2", "PARTY_MEMBER", "community-lake");
    static final Map<String, String> MEMBER_THREE = Requests.staff("member-3", "PARTY_MEMBER", "community-river");
    static final Map<String, String> HILL_MEMBER = Requests.staff("member-hill", "PARTY_MEMBER", "community-hill");
    static final Map<String, String> WISHING_RESIDENT = Map.of("sub", "resident-wish", "custom:role", "RESIDENT");

    private static final Map<String, String> JSON_BODY = Map.of("content-type", "application/json");

    private ResourceCounty() {}

    /** The school declares the communities it serves; the organisations are the shared test county's. */
    static void seed() {
        assertThat(put(
                                SCHOOL_OFFICER,
                                "/v1/resources/units/unit-school/communities",
                                "{\"communityIds\":[\"community-river\"]}")
                        .status())
                .isEqualTo(200);
    }

    static ApiGateway.Reply put(Map<String, String> claims, String path, String body) {
        return ApiGateway.send(ApiGateway.event("PUT", path, Optional.of(claims), Optional.of(body), JSON_BODY));
    }

    static ApiGateway.Reply post(Map<String, String> claims, String path, String body, String idempotencyKey) {
        return ApiGateway.send(ApiGateway.event(
                "POST",
                path,
                Optional.of(claims),
                Optional.of(body),
                Map.of("content-type", "application/json", "Idempotency-Key", idempotencyKey)));
    }

    /** Ten chairs worth ¥50 each, offered by the school to town-east for a month from now. */
    static String offerChairs(int quantity) {
        ApiGateway.Reply reply = Requests.post(SCHOOL_OFFICER, "/v1/resources/offers", """
                {"townId":"town-east","title":"Folding chairs","kind":"EQUIPMENT","quantity":%d,"unitValueFen":5000,
                 "validFrom":"2020-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z"}""".formatted(quantity));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    /** River's demand for volunteers, published at once. */
    static String riverDemand(int quantity) {
        ApiGateway.Reply reply =
                Requests.post(Requests.RIVER_SECRETARY, "/v1/resources/demands", """
                {"placeId":"community-river","title":"Volunteers for the canteen","kind":"VOLUNTEERS","quantity":%d,"unitValueFen":10000,
                 "validFrom":"2020-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z"}""".formatted(quantity));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    /** A small wish of WISHING_RESIDENT entered in grid-river-1 and verified by River. */
    static String verifiedWish() {
        ApiGateway.Reply reply = Requests.post(Requests.RIVER_GRID_WORKER, "/v1/resources/demands", """
                {"placeId":"grid-river-1","title":"A reading lamp","kind":"SERVICES","quantity":1,"unitValueFen":8000,
                 "validFrom":"2020-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z","smallWish":true,"beneficiaryIds":["resident-wish"]}""");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        String id = reply.body().path("id").asText();
        Requests.ok(Requests.post(Requests.RIVER_SECRETARY, "/v1/resources/demands/" + id + "/verify", "{}"));
        return id;
    }

    static String claim(Map<String, String> claims, String path, String body) {
        ApiGateway.Reply reply = Requests.post(claims, path, body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().path("id").asText();
    }

    static JsonNode accept(Map<String, String> decider, String claimId) {
        return Requests.ok(Requests.post(decider, "/v1/resources/claims/" + claimId + "/accept", """
                {"title":"Lamp for the Wangs","dueAt":"2099-01-01T00:00:00Z","milestones":[{"title":"Buy the lamp","dueAt":"2098-01-01T00:00:00Z"}]}"""));
    }
}
