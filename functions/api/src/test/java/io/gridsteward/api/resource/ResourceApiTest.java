package io.gridsteward.api.resource;

import static io.gridsteward.api.core.Requests.COUNTY_LEADER;
import static io.gridsteward.api.core.Requests.HILL_SECRETARY;
import static io.gridsteward.api.core.Requests.RESIDENT;
import static io.gridsteward.api.core.Requests.RIVER_GRID_WORKER;
import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.assertProblem;
import static io.gridsteward.api.core.Requests.get;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.core.Requests.post;
import static io.gridsteward.api.resource.ResourceCounty.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalTableResource.class)
class ResourceApiTest {

    @BeforeEach
    void seedCounty() {
        ResourceCounty.seed();
    }

    @Test
    void aCommunityClaimsPartOfAnOfferAndWhatRemainsGoesDown() {
        String offer = offerChairs(10);

        ApiGateway.Reply claimed =
                post(RIVER_SECRETARY, "/v1/resources/offers/" + offer + "/claims", "{\"quantity\":4}");

        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(201);
        assertThat(claimed.body().path("claimantKind").asText()).isEqualTo("COMMUNITY");
        assertThat(claimed.body().path("valueFen").asLong()).isEqualTo(20_000);
        JsonNode now = ok(get(LAKE_SECRETARY, "/v1/resources/offers/" + offer));
        assertThat(now.path("remaining").asLong()).isEqualTo(6);
        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/offers?townId=town-east&limit=100"))
                        .path("items"))
                .extracting(item -> item.path("id").asText())
                .contains(offer);
    }

    @Test
    void aListsCursorIsSignedAndServesNoOtherList() {
        offerChairs(3);
        offerChairs(3);
        String cursor = ok(get(RIVER_SECRETARY, "/v1/resources/offers?townId=town-east&limit=1"))
                .path("nextCursor")
                .asText();
        String flipped = cursor.substring(0, cursor.length() - 1) + (cursor.endsWith("A") ? "B" : "A");

        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/offers?townId=town-east&limit=1&cursor=" + cursor))
                        .path("items"))
                .hasSize(1);
        assertProblem(
                get(RIVER_SECRETARY, "/v1/resources/offers?townId=town-east&limit=1&cursor=" + flipped), 400, "cursor");
        assertProblem(
                get(RIVER_SECRETARY, "/v1/resources/offers?townId=town-east&limit=1&cursor=" + cursor + "A"),
                400,
                "cursor");
        assertProblem(
                get(SCHOOL_OFFICER, "/v1/resources/offers?providerOrgId=unit-school&limit=1&cursor=" + cursor),
                400,
                "cursor");
    }

    @Test
    void aClaimBeyondWhatRemainsIsRefusedAndChangesNothing() {
        String offer = offerChairs(3);
        ok2(post(RIVER_SECRETARY, "/v1/resources/offers/" + offer + "/claims", "{\"quantity\":3}"));

        ApiGateway.Reply refused =
                post(LAKE_SECRETARY, "/v1/resources/offers/" + offer + "/claims", "{\"quantity\":1}");

        assertProblem(refused, 422, "quantity");
        assertThat(ok(get(LAKE_SECRETARY, "/v1/resources/offers/" + offer))
                        .path("remaining")
                        .asLong())
                .isZero();
    }

    @Test
    void twentyRacingClaimsOnAnOfferOfFiveTakeExactlyFive() throws Exception {
        String offer = offerChairs(5);
        List<JsonNode> events = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            events.add(ApiGateway.event(
                    "POST",
                    "/v1/resources/offers/" + offer + "/claims",
                    Optional.of(index % 2 == 0 ? RIVER_SECRETARY : LAKE_SECRETARY),
                    Optional.of("{\"quantity\":1}"),
                    Map.of("content-type", "application/json")));
        }

        List<ApiGateway.Reply> replies = Requests.race(events);

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(5);
        assertThat(replies).filteredOn(reply -> reply.status() != 201).allSatisfy(reply -> {
            assertThat(reply.status()).isIn(409, 422);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        });
        // A loser of the race is told what the offer holds now, as the offer's own current state.
        assertThat(replies).filteredOn(reply -> reply.status() == 409).allSatisfy(reply -> {
            assertThat(reply.body().path("currentStatus").asText()).matches("[A-Z_]+ with [0-4] remaining");
            assertThat(reply.body().path("currentVersion").asLong()).isPositive();
        });
        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/offers/" + offer))
                        .path("remaining")
                        .asLong())
                .isZero();
    }

    @Test
    void aRetriedClaimWithOneKeyMakesOneClaim() {
        String offer = offerChairs(10);
        String path = "/v1/resources/offers/" + offer + "/claims";

        ApiGateway.Reply first = ResourceCounty.post(RIVER_SECRETARY, path, "{\"quantity\":2}", "claim-retry-1");
        ApiGateway.Reply retry = ResourceCounty.post(RIVER_SECRETARY, path, "{\"quantity\":2}", "claim-retry-1");
        ApiGateway.Reply otherBody = ResourceCounty.post(RIVER_SECRETARY, path, "{\"quantity\":3}", "claim-retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().path("id").asText())
                .isEqualTo(first.body().path("id").asText());
        assertProblem(otherBody, 422, "Idempotency-Key");
        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/offers/" + offer))
                        .path("remaining")
                        .asLong())
                .isEqualTo(8);
        assertProblem(
                ResourceCounty.post(RIVER_SECRETARY, path, "{\"quantity\":2}", "bad key"), 400, "Idempotency-Key");
    }

    @Test
    void aSmallWishIsVerifiedBeforeAnyoneOutsideTheCommunitySeesIt() {
        ApiGateway.Reply submitted = post(RIVER_GRID_WORKER, "/v1/resources/demands", """
                {"placeId":"grid-river-1","title":"A walking frame","kind":"EQUIPMENT","quantity":1,"unitValueFen":30000,
                 "validFrom":"2020-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z","smallWish":true,"beneficiaryIds":["resident-wish"]}""");
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        assertThat(submitted.body().path("status").asText()).isEqualTo("AWAITING_VERIFICATION");
        String wish = submitted.body().path("id").asText();

        assertProblem(get(SCHOOL_OFFICER, "/v1/resources/demands/" + wish), 404, null);
        assertProblem(post(LAKE_SECRETARY, "/v1/resources/demands/" + wish + "/verify", "{}"), 404, null);
        assertProblem(post(RIVER_GRID_WORKER, "/v1/resources/demands/" + wish + "/verify", "{}"), 403, null);

        JsonNode verified = ok(post(RIVER_SECRETARY, "/v1/resources/demands/" + wish + "/verify", "{}"));

        assertThat(verified.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(verified.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("DEMAND_SUBMITTED", "DEMAND_PUBLISHED");
        assertThat(verified.path("events").get(1).path("actorRole").asText()).isEqualTo("COMMUNITY_SECRETARY");
        assertThat(ok(get(SCHOOL_OFFICER, "/v1/resources/demands/" + wish))
                        .path("status")
                        .asText())
                .isEqualTo("PUBLISHED");
        assertThat(verified.toString()).doesNotContain("resident-wish");
    }

    @Test
    void threeMembersClaimADemandTogether() {
        String demand = riverDemand(5);

        ApiGateway.Reply joint = post(
                MEMBER_ONE,
                "/v1/resources/demands/" + demand + "/claims",
                "{\"quantity\":3,\"memberIds\":[\"member-2\",\"member-3\"]}");

        assertThat(joint.status()).as(joint.body().toString()).isEqualTo(201);
        assertThat(joint.body().path("claimantKind").asText()).isEqualTo("MEMBERS");
        assertThat(joint.body().path("memberCount").asInt()).isEqualTo(3);
        assertThat(ok(get(
                                MEMBER_TWO,
                                "/v1/resources/claims/"
                                        + joint.body().path("id").asText()))
                        .path("quantity")
                        .asLong())
                .isEqualTo(3);
        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/demands/" + demand))
                        .path("remaining")
                        .asLong())
                .isEqualTo(2);
        assertProblem(post(HILL_MEMBER, "/v1/resources/demands/" + demand + "/claims", "{\"quantity\":1}"), 404, null);
    }

    @Test
    void aUnitClaimsOnlyInCommunitiesItReportedInToAndAPartyLeaderNamesItsGroup() {
        String demand = riverDemand(5);
        assertThat(post(SCHOOL_OFFICER, "/v1/resources/demands/" + demand + "/claims", "{\"quantity\":1}")
                        .status())
                .isEqualTo(201);
        assertProblem(
                post(HOSPITAL_OFFICER, "/v1/resources/demands/" + demand + "/claims", "{\"quantity\":1}"), 404, null);
        assertProblem(
                post(RIVER_PARTY_LEADER, "/v1/resources/demands/" + demand + "/claims", "{\"quantity\":1}"),
                422,
                "partyGroupId");
        ApiGateway.Reply group = post(
                RIVER_PARTY_LEADER,
                "/v1/resources/demands/" + demand + "/claims",
                "{\"quantity\":1,\"partyGroupId\":\"party-group-river-1\"}");
        assertThat(group.status()).isEqualTo(201);
        assertThat(group.body().path("partyGroupId").asText()).isEqualTo("party-group-river-1");
    }

    @Test
    void aProjectRunsFromClaimToRatedCompletionOnThePublicList() {
        String wish = verifiedWish();
        String claim = claim(
                MEMBER_ONE,
                "/v1/resources/demands/" + wish + "/claims",
                "{\"quantity\":1,\"memberIds\":[\"member-3\"]}");
        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/claims?deciderOrgId=community-river&limit=100"))
                        .path("items"))
                .extracting(item -> item.path("id").asText())
                .contains(claim);

        JsonNode project = accept(RIVER_SECRETARY, claim);
        assertThat(project.path("status").asText()).isEqualTo("IN_PROGRESS");
        String projectPath = "/v1/resources/projects/" + project.path("id").asText();

        ok(post(MEMBER_THREE, projectPath + "/milestones/0/done", "{}"));
        ok(post(RIVER_SECRETARY, projectPath + "/funding", "{\"kind\":\"DELEGATED_TASK\",\"id\":\"task-2026-17\"}"));
        ApiGateway.Reply upload = post(MEMBER_ONE, projectPath + "/evidence", "{\"contentType\":\"image/jpeg\"}");
        assertThat(upload.status()).isEqualTo(201);
        String key = upload.body().path("objectKey").asText();
        assertThat(key).startsWith("resources/projects/" + project.path("id").asText() + "/");

        String completion = "{\"note\":\"lamp installed\",\"photoKeys\":[\"" + key + "\"]}";
        assertProblem(post(MEMBER_ONE, projectPath + "/complete", completion), 422, "photoKeys[0]");
        assertProblem(
                post(
                        MEMBER_ONE,
                        projectPath + "/complete",
                        "{\"note\":\"done\",\"photoKeys\":[\"resources/projects/elsewhere/x.jpg\"]}"),
                422,
                "photoKeys[0]");
        UploadedEvidence.upload(key);
        JsonNode completed = ok(post(MEMBER_ONE, projectPath + "/complete", completion));
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");

        assertProblem(post(RESIDENT, projectPath + "/ratings", "{\"rating\":5}"), 404, null);
        assertProblem(post(WISHING_RESIDENT, projectPath + "/ratings", "{\"rating\":6}"), 422, "rating");
        JsonNode rated = ok(post(WISHING_RESIDENT, projectPath + "/ratings", "{\"rating\":4,\"comment\":\"bright\"}"));
        assertThat(rated.path("meanRating").asDouble()).isEqualTo(4.0);
        assertProblem(post(WISHING_RESIDENT, projectPath + "/ratings", "{\"rating\":5}"), 409, null);
        JsonNode visited = ok(
                post(RIVER_SECRETARY, projectPath + "/follow-ups", "{\"outcome\":\"CONFIRMED\",\"note\":\"works\"}"));
        assertThat(visited.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "PROJECT_STARTED",
                        "MILESTONE_DONE",
                        "FUNDING_LINKED",
                        "EVIDENCE_UPLOAD_ISSUED",
                        "PROJECT_COMPLETED",
                        "PROJECT_RATED",
                        "FOLLOWED_UP");

        JsonNode publicList = ok(get(RESIDENT, "/v1/resources/communities/community-river/projects?limit=100"));
        JsonNode listed = findById(publicList.path("items"), project.path("id").asText());
        assertThat(listed.path("ratingCount").asInt()).isEqualTo(1);
        assertThat(listed.path("photoKeys").get(0).asText()).isEqualTo(key);
        assertThat(publicList.toString()).doesNotContain("member-1").doesNotContain("resident-wish");
    }

    @Test
    void aDeclinedClaimGivesItsQuantityBack() {
        String offer = offerChairs(4);
        String claim = claim(RIVER_SECRETARY, "/v1/resources/offers/" + offer + "/claims", "{\"quantity\":4}");
        assertProblem(
                post(RIVER_SECRETARY, "/v1/resources/claims/" + claim + "/decline", "{\"reason\":\"no\"}"), 403, null);

        ok(post(SCHOOL_OFFICER, "/v1/resources/claims/" + claim + "/decline", "{\"reason\":\"wrong purpose\"}"));

        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/offers/" + offer))
                        .path("remaining")
                        .asLong())
                .isEqualTo(4);
        ApiGateway.Reply again = post(
                SCHOOL_OFFICER,
                "/v1/resources/claims/" + claim + "/accept",
                "{\"title\":\"t\",\"dueAt\":\"2099-01-01T00:00:00Z\"}");
        assertProblem(again, 409, null);
        assertThat(again.body().path("currentStatus").asText()).isEqualTo("DECLINED");
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        assertProblem(post(SCHOOL_OFFICER, "/v1/resources/offers", "{\"townId\":\"town-east\"}"), 400, "title");
        assertProblem(post(SCHOOL_OFFICER, "/v1/resources/offers", "not json"), 400, "body");
        assertProblem(post(SCHOOL_OFFICER, "/v1/resources/offers", """
                {"townId":"town-east","title":"t","kind":"SPACESHIP","quantity":0,"validFrom":"2020-01-01T00:00:00Z","validUntil":"yesterday"}"""), 422, "kind");
        ApiGateway.Reply several = post(SCHOOL_OFFICER, "/v1/resources/offers", """
                {"townId":"town-east","title":"t","kind":"MONEY","quantity":0,"validFrom":"2020-01-01T00:00:00Z","validUntil":"yesterday"}""");
        assertProblem(several, 422, "quantity");
        assertProblem(several, 422, "validUntil");
        assertProblem(post(SCHOOL_OFFICER, "/v1/resources/offers", """
                {"townId":"community-river","title":"t","kind":"MONEY","quantity":100,"validFrom":"2020-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z"}"""), 422, "townId");
        assertProblem(post(SCHOOL_OFFICER, "/v1/resources/offers", """
                {"townId":"town-east","title":"t","kind":"MONEY","quantity":100,"colour":"red","validFrom":"2020-01-01T00:00:00Z","validUntil":"2099-01-01T00:00:00Z"}"""), 400, "colour");
        assertThat(ok(get(SCHOOL_OFFICER, "/v1/resources/offers?providerOrgId=unit-school&limit=100"))
                        .path("items")
                        .toString())
                .doesNotContain("\"title\":\"t\"");

        String offer = offerChairs(5);
        assertProblem(
                post(RIVER_SECRETARY, "/v1/resources/offers/" + offer + "/claims", "{\"quantity\":\"two\"}"),
                400,
                "quantity");
        assertProblem(
                post(RIVER_SECRETARY, "/v1/resources/offers/" + offer + "/claims", "{\"quantity\":1,\"memberIds\":[]}"),
                400,
                "memberIds");
        assertProblem(get(RIVER_SECRETARY, "/v1/resources/offers?townId=town-east&limit=0"), 400, "limit");
        assertProblem(get(RIVER_SECRETARY, "/v1/resources/offers"), 400, "townId");
        assertProblem(
                get(RIVER_SECRETARY, "/v1/resources/demands?communityId=community-river&status=LOST"), 400, "status");
        String wish = verifiedWish();
        String claim = claim(SCHOOL_OFFICER, "/v1/resources/demands/" + wish + "/claims", "{\"quantity\":1}");
        ApiGateway.Reply badPlan = post(RIVER_SECRETARY, "/v1/resources/claims/" + claim + "/accept", """
                {"title":"t","dueAt":"2099-01-01T00:00:00Z","milestones":[{"title":"late","dueAt":"2100-01-01T00:00:00Z"}],"funding":{"kind":"PIGGY","id":"x"}}""");
        assertProblem(badPlan, 422, "funding.kind");
        assertProblem(
                post(RIVER_SECRETARY, "/v1/resources/claims/" + claim + "/accept", """
                {"title":"t","dueAt":"2099-01-01T00:00:00Z","milestones":[{"title":"late","dueAt":"2100-01-01T00:00:00Z"}]}"""), 422, "milestones[0].dueAt");
        assertThat(ok(get(RIVER_SECRETARY, "/v1/resources/claims/" + claim))
                        .path("status")
                        .asText())
                .isEqualTo("CLAIMED");
        assertProblem(
                ResourceCounty.put(
                        SCHOOL_OFFICER,
                        "/v1/resources/units/unit-school/communities",
                        "{\"communityIds\":[\"town-east\"]}"),
                422,
                "communityIds[0]");
    }

    @Test
    void jurisdictionDecidesWhoSeesWhat() {
        String offer = offerChairs(2);
        assertProblem(get(HILL_SECRETARY, "/v1/resources/offers/" + offer), 404, null);
        assertProblem(get(HILL_SECRETARY, "/v1/resources/offers?townId=town-east"), 403, null);
        assertThat(ok(get(COUNTY_LEADER, "/v1/resources/offers/" + offer))
                        .path("id")
                        .asText())
                .isEqualTo(offer);
        assertProblem(get(HOSPITAL_OFFICER, "/v1/resources/demands?communityId=community-river"), 403, null);
        assertThat(ok(get(SCHOOL_OFFICER, "/v1/resources/demands?communityId=community-river"))
                        .path("items"))
                .allSatisfy(item -> assertThat(item.path("status").asText()).isEqualTo("PUBLISHED"));
        assertProblem(
                get(SCHOOL_OFFICER, "/v1/resources/demands?communityId=community-river&status=AWAITING_VERIFICATION"),
                403,
                null);
    }

    private static void ok2(ApiGateway.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
    }

    private static JsonNode findById(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }
}
