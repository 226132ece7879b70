package io.gridsteward.api.fund;

import static io.gridsteward.api.core.Requests.COUNTY_LEADER;
import static io.gridsteward.api.core.Requests.EAST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static io.gridsteward.api.core.Requests.WATER_OFFICER;
import static io.gridsteward.api.core.Requests.assertProblem;
import static io.gridsteward.api.core.Requests.get;
import static io.gridsteward.api.core.Requests.ok;
import static io.gridsteward.api.core.Requests.post;
import static io.gridsteward.api.fund.FundRequests.claimBody;
import static io.gridsteward.api.fund.FundRequests.created;
import static io.gridsteward.api.fund.FundRequests.freshGridAccount;
import static io.gridsteward.api.fund.FundRequests.step;
import static io.gridsteward.api.fund.FundRequests.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.LocalTableResource;
import io.gridsteward.api.core.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(LocalTableResource.class)
public class FundApiTest {

    @Test
    public void aClaimGoesFromSubmissionToPublicationAndTheLedgerExplainsTheAccount() {
        String account = freshGridAccount(1_000_000);

        JsonNode claim = created(post(RIVER_PARTY_LEADER, "/v1/fund-claims", claimBody(account, 250_000)));
        String id = claim.path("id").asText();
        assertThat(claim.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(claim.path("reservedFen").asLong()).isEqualTo(250_000);
        assertThat(claim.path("currency").asText()).isEqualTo("CNY");
        assertThat(ok(get(RIVER_PARTY_LEADER, "/v1/fund-accounts/" + account))
                        .path("availableFen")
                        .asLong())
                .isEqualTo(750_000);
        ok(step(RIVER_SECRETARY, id, "review", "{\"note\":\"receipts complete\"}"));
        JsonNode approved =
                ok(step(EAST_SUPERVISOR, id, "approve", "{\"approvedAmountFen\":200000,\"currency\":\"CNY\"}"));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        ok(step(EAST_SUPERVISOR, id, "pay", "{}"));
        JsonNode published = ok(step(RIVER_SECRETARY, id, "publish", "{}"));

        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly("SUBMITTED", "REVIEWED", "APPROVED", "PAID", "PUBLISHED");
        JsonNode ledger = ok(get(EAST_SUPERVISOR, "/v1/fund-accounts/" + account + "/ledger"));
        assertThat(ledger.path("account").path("paidFen").asLong()).isEqualTo(200_000);
        assertThat(ledger.path("account").path("availableFen").asLong()).isEqualTo(800_000);
        long funded = 0;
        long reserved = 0;
        long paid = 0;
        for (JsonNode entry : ledger.path("entries")) {
            funded += entry.path("fundedChangeFen").asLong();
            reserved += entry.path("reservedChangeFen").asLong();
            paid += entry.path("paidChangeFen").asLong();
        }
        assertThat(List.of(funded, reserved, paid))
                .containsExactly(
                        ledger.path("account").path("fundedFen").asLong(),
                        ledger.path("account").path("reservedFen").asLong(),
                        ledger.path("account").path("paidFen").asLong());
        assertThat(ok(get(RIVER_SECRETARY, "/v1/fund-accounts/" + account + "/claims?limit=5"))
                        .path("items"))
                .hasSize(1);

        JsonNode publicList =
                ok(get(Requests.RESIDENT, "/v1/fund-communities/community-river/published-claims?limit=100"));
        JsonNode listed = java.util.stream.StreamSupport.stream(
                        publicList.path("items").spliterator(), false)
                .filter(item -> item.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("paidFen").asLong()).isEqualTo(200_000);
        assertThat(listed.path("purpose").asText()).isEqualTo("party-activity");
        assertThat(listed.has("claimantId"))
                .as("no claimant on the public list")
                .isFalse();
        assertThat(listed.has("receiptKeys")).isFalse();
        assertProblem(get(Requests.RESIDENT, "/v1/fund-communities/community-nowhere/published-claims"), 404, null);
        assertProblem(
                get(Requests.RESIDENT, "/v1/fund-communities/community-river/published-claims?limit=0"), 400, "limit");
    }

    @ParameterizedTest(name = "amountFen {0} → {1} naming {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-5                       | 422 | amountFen",
                "0                        | 422 | amountFen",
                "12.5                     | 400 | amountFen",
                "1e3                      | 400 | amountFen",
                "\"100\"                  | 400 | amountFen",
                "99999999999999999999999  | 400 | amountFen",
                "9223372036854775807      | 422 | amountFen",
                "500001                   | 422 | amountFen",
                "400001                   | 422 | amountFen",
                "100, \"currency\":\"USD\" | 422 | currency",
                "100, \"currency\":7       | 400 | currency"
            })
    public void badAmountsAreRefusedNamingTheFieldAndChangeNothing(String amount, int status, String field) {
        String account = freshGridAccount(400_000);
        JsonNode before = ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account + "/ledger"));
        String body = """
                {"accountId":"%s","amountFen":%s,"purpose":"party-activity","served":{"kind":"ACTIVITY","id":"a-1"}}""".formatted(account, amount.strip());

        ApiGateway.Reply reply = post(RIVER_PARTY_LEADER, "/v1/fund-claims", body);

        assertProblem(reply, status, field);
        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account + "/ledger")))
                .isEqualTo(before);
        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account + "/claims"))
                        .path("items"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "allocations | {\"amountFen\":-1}                 | 422 | amountFen",
                "allocations | {\"amountFen\":0.5}                | 400 | amountFen",
                "allocations | {\"amountFen\":1000000000001}      | 422 | amountFen",
                "allocations | {\"amountFen\":10,\"currency\":\"EUR\"} | 422 | currency",
                "transfers   | {\"toAccountId\":\"{neighbour}\",\"amountFen\":300001} | 422 | amountFen",
                "transfers   | {\"toAccountId\":\"nowhere\",\"amountFen\":1}  | 422 | toAccountId"
            })
    public void badMovementsOfMoneyAreRefusedAndChangeNothing(String route, String body, int status, String field) {
        String account = freshGridAccount(300_000);
        String neighbour = created(post(
                        COUNTY_LEADER,
                        "/v1/fund-accounts",
                        "{\"kind\":\"GRID_PARTY_GROUP_ACTIVITY\",\"fiscalYear\":%s,\"holderOrgId\":\"grid-river-2\"}"
                                .formatted(account.substring(0, 4))))
                .path("id")
                .asText();
        JsonNode before = ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account + "/ledger"));

        assertProblem(
                post(
                        COUNTY_LEADER,
                        "/v1/fund-accounts/" + account + "/" + route,
                        body.replace("{neighbour}", neighbour)),
                status,
                field);

        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account + "/ledger")))
                .isEqualTo(before);
    }

    @Test
    public void aRetriedSubmissionWithOneKeyMakesOneClaim() throws Exception {
        String account = freshGridAccount(1_000_000);
        String body = claimBody(account, 1_000);
        List<com.fasterxml.jackson.databind.node.ObjectNode> twins = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            twins.add(ApiGateway.event(
                    "POST",
                    "/v1/fund-claims",
                    java.util.Optional.of(RIVER_PARTY_LEADER),
                    java.util.Optional.of(body),
                    java.util.Map.of("content-type", "application/json", "Idempotency-Key", "claim-twin-" + account)));
        }

        List<ApiGateway.Reply> replies = Requests.race(twins);

        assertThat(replies).extracting(ApiGateway.Reply::status).containsOnly(201);
        assertThat(replies)
                .extracting(reply -> reply.body().path("id").asText())
                .containsOnly(replies.getFirst().body().path("id").asText());
        assertThat(replies)
                .filteredOn(reply -> reply.header("Idempotent-Replayed").equals("false"))
                .hasSize(1);
        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account))
                        .path("reservedFen")
                        .asLong())
                .isEqualTo(1_000);
        assertProblem(
                withKey(
                        RIVER_PARTY_LEADER,
                        "POST",
                        "/v1/fund-claims",
                        claimBody(account, 2_000),
                        "claim-twin-" + account),
                422,
                "Idempotency-Key");
    }

    @Test
    public void allocationsAndTransfersRetriedWithOneKeyMoveTheMoneyOnce() throws Exception {
        String account = freshGridAccount(1_000);
        String allocation = "{\"amountFen\":250000,\"reason\":\"second half\"}";
        List<com.fasterxml.jackson.databind.node.ObjectNode> twins = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            twins.add(ApiGateway.event(
                    "POST",
                    "/v1/fund-accounts/" + account + "/allocations",
                    java.util.Optional.of(COUNTY_LEADER),
                    java.util.Optional.of(allocation),
                    java.util.Map.of("content-type", "application/json", "Idempotency-Key", "allocate-" + account)));
        }

        List<ApiGateway.Reply> replies = Requests.race(twins);

        assertThat(replies).extracting(ApiGateway.Reply::status).containsOnly(200);
        assertThat(replies)
                .filteredOn(reply -> reply.header("Idempotent-Replayed").equals("false"))
                .hasSize(1);
        assertThat(replies)
                .extracting(reply -> reply.body().path("fundedFen").asLong())
                .containsOnly(251_000L);
        JsonNode ledger = ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account + "/ledger"));
        assertThat(ledger.path("entries"))
                .extracting(entry -> entry.path("type").asText())
                .containsExactly("ALLOCATED", "ALLOCATED");
        assertProblem(
                withKey(
                        COUNTY_LEADER,
                        "POST",
                        "/v1/fund-accounts/" + account + "/allocations",
                        "{\"amountFen\":1}",
                        "allocate-" + account),
                422,
                "Idempotency-Key");

        String neighbour = created(post(
                        COUNTY_LEADER,
                        "/v1/fund-accounts",
                        "{\"kind\":\"GRID_PARTY_GROUP_ACTIVITY\",\"fiscalYear\":%s,\"holderOrgId\":\"grid-river-2\"}"
                                .formatted(account.substring(0, 4))))
                .path("id")
                .asText();
        String transfer = "{\"toAccountId\":\"%s\",\"amountFen\":251000}".formatted(neighbour);
        ApiGateway.Reply moved = withKey(
                EAST_SUPERVISOR,
                "POST",
                "/v1/fund-accounts/" + account + "/transfers",
                transfer,
                "transfer-" + account);
        ApiGateway.Reply retried = withKey(
                EAST_SUPERVISOR,
                "POST",
                "/v1/fund-accounts/" + account + "/transfers",
                transfer,
                "transfer-" + account);

        assertThat(ok(moved).path("availableFen").asLong()).isZero();
        assertThat(moved.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(ok(retried).path("availableFen").asLong()).isZero();
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + neighbour))
                        .path("fundedFen")
                        .asLong())
                .isEqualTo(251_000);
        assertProblem(
                withKey(EAST_SUPERVISOR, "POST", "/v1/fund-claims", claimBody(neighbour, 100), "transfer-" + account),
                422,
                "Idempotency-Key");
    }

    @Test
    public void racingApprovalsAndRejectionsHaveOneOutcomeAndTheLosersLearnWhereTheClaimStands() throws Exception {
        String account = freshGridAccount(1_000_000);
        String id = created(post(RIVER_PARTY_LEADER, "/v1/fund-claims", claimBody(account, 10_000)))
                .path("id")
                .asText();
        ok(step(RIVER_SECRETARY, id, "review", "{}"));
        List<com.fasterxml.jackson.databind.node.ObjectNode> racers = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            String path = "/v1/fund-claims/" + id + (index % 2 == 0 ? "/approve" : "/reject");
            String body = index % 2 == 0
                    ? "{\"approvedAmountFen\":" + (9_000 + index) + "}"
                    : "{\"reason\":\"no " + index + "\"}";
            racers.add(ApiGateway.event(
                    "POST",
                    path,
                    java.util.Optional.of(EAST_SUPERVISOR),
                    java.util.Optional.of(body),
                    java.util.Map.of("content-type", "application/json")));
        }

        List<ApiGateway.Reply> replies = Requests.race(racers);

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 200).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.body().path("currentVersion").asLong()).isEqualTo(3);
        });
        JsonNode claim = ok(get(EAST_SUPERVISOR, "/v1/fund-claims/" + id));
        assertThat(claim.path("events")).hasSize(3);
        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account))
                        .path("reservedFen")
                        .asLong())
                .isEqualTo(claim.path("reservedFen").asLong());
    }

    @Test
    public void onlyAnAdmittedTaskIsDelegatedAndItsMoneyServesOnlyIt() {
        assertProblem(
                post(
                        WATER_OFFICER,
                        "/v1/delegated-tasks",
                        "{\"taskCode\":\"parking-fines\",\"communityId\":\"community-river\",\"fiscalYear\":2026,\"fundingFen\":100}"),
                422,
                "taskCode");
        JsonNode account = created(
                post(
                        WATER_OFFICER,
                        "/v1/delegated-tasks",
                        "{\"taskCode\":\"flood-prevention-patrol\",\"communityId\":\"community-river\",\"fiscalYear\":2026,\"fundingFen\":3000000}"));
        String accountId = account.path("id").asText();
        String taskId = account.path("delegatedTask").path("id").asText();
        assertThat(account.path("availableFen").asLong()).isEqualTo(3_000_000);
        assertThat(account.path("delegatedTask").path("departmentId").asText()).isEqualTo("dept-water");

        assertProblem(post(RIVER_SECRETARY, "/v1/fund-claims", """
                {"accountId":"%s","amountFen":100,"purpose":"delegated-task-work","served":{"kind":"DELEGATED_TASK","id":"another-task"}}""".formatted(accountId)), 422, "served");
        JsonNode claim = created(post(RIVER_SECRETARY, "/v1/fund-claims", """
                {"accountId":"%s","amountFen":100,"purpose":"delegated-task-work","served":{"kind":"DELEGATED_TASK","id":"%s"}}""".formatted(accountId, taskId)));
        assertThat(claim.path("departmentId").asText()).isEqualTo("dept-water");
        assertThat(ok(get(WATER_OFFICER, "/v1/fund-claims/" + claim.path("id").asText()))
                        .path("served")
                        .path("id")
                        .asText())
                .isEqualTo(taskId);
    }

    @Test
    public void forbiddenPurposesAndForeignReceiptsAreRefusedByName() {
        String account = freshGridAccount(100_000);

        assertProblem(post(RIVER_PARTY_LEADER, "/v1/fund-claims", """
                {"accountId":"%s","amountFen":100,"purpose":"banquet","served":{"kind":"ACTIVITY","id":"a"}}""".formatted(account)), 422, "purpose");
        assertProblem(post(RIVER_PARTY_LEADER, "/v1/fund-claims", """
                {"accountId":"%s","amountFen":100,"purpose":"party-activity","served":{"kind":"ACTIVITY","id":"a"},
                 "receiptKeys":["receipts/user-river-secretary/x.jpg"]}""".formatted(account)), 422, "receiptKeys[0]");
        assertProblem(post(RIVER_PARTY_LEADER, "/v1/fund-claims", """
                {"accountId":"%s","amountFen":100,"purpose":"party-activity","served":{"kind":"MEAL","id":"a"}}""".formatted(account)), 422, "served.kind");
        assertProblem(post(RIVER_PARTY_LEADER, "/v1/fund-claims", """
                {"accountId":"%s","amountFen":100,"purpose":"party-activity","served":{"kind":"ACTIVITY","id":"a"},"tip":1}""".formatted(account)), 400, "tip");
        JsonNode upload =
                created(post(RIVER_PARTY_LEADER, "/v1/fund-receipts", "{\"contentType\":\"application/pdf\"}"));
        assertThat(upload.path("objectKey").asText())
                .startsWith("receipts/user-river-party-leader/")
                .endsWith(".pdf");
        assertThat(upload.path("uploadUrl").asText())
                .contains(upload.path("objectKey").asText());
    }

    @Test
    public void aReversalRestoresTheBalanceAndAStepRetriedWithItsKeyIsAnsweredAsTheClaimIsNow() {
        String account = freshGridAccount(500_000);
        String id = created(post(RIVER_PARTY_LEADER, "/v1/fund-claims", claimBody(account, 100_000)))
                .path("id")
                .asText();
        ok(step(RIVER_SECRETARY, id, "review", "{}"));
        ApiGateway.Reply first = withKey(
                EAST_SUPERVISOR,
                "POST",
                "/v1/fund-claims/" + id + "/approve",
                "{\"approvedAmountFen\":100000}",
                "approve-" + id);
        ok(step(EAST_SUPERVISOR, id, "pay", "{}"));
        ApiGateway.Reply retry = withKey(
                EAST_SUPERVISOR,
                "POST",
                "/v1/fund-claims/" + id + "/approve",
                "{\"approvedAmountFen\":100000}",
                "approve-" + id);

        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(ok(retry).path("status").asText()).isEqualTo("PAID");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account))
                        .path("balanceFen")
                        .asLong())
                .isEqualTo(400_000);
        assertProblem(
                step(EAST_SUPERVISOR, id, "reverse", "{\"amountFen\":100001,\"reason\":\"too much\"}"),
                422,
                "amountFen");
        assertProblem(step(EAST_SUPERVISOR, id, "reverse", "{\"amountFen\":100000}"), 400, "reason");
        ok(step(EAST_SUPERVISOR, id, "reverse", "{\"amountFen\":100000,\"reason\":\"the activity was cancelled\"}"));
        JsonNode restored = ok(get(COUNTY_LEADER, "/v1/fund-accounts/" + account));
        assertThat(restored.path("balanceFen").asLong()).isEqualTo(500_000);
        assertThat(restored.path("availableFen").asLong()).isEqualTo(500_000);
        assertProblem(step(EAST_SUPERVISOR, id, "reverse", "{\"amountFen\":1,\"reason\":\"again\"}"), 409, null);
    }
}
