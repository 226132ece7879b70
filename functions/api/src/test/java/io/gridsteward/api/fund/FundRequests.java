package io.gridsteward.api.fund;

import static io.gridsteward.api.core.Requests.COUNTY_LEADER;
import static io.gridsteward.api.core.Requests.EAST_SUPERVISOR;
import static io.gridsteward.api.core.Requests.RIVER_PARTY_LEADER;
import static io.gridsteward.api.core.Requests.RIVER_SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.api.core.ApiGateway;
import io.gridsteward.api.core.Requests;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts and claims of the test county (LocalTableResource) in the states the fund tests need. */
final class FundRequests {

    /** The grid party group of grid-river-1, funded once for every test of the run. */
    static final String GRID_ACCOUNT = "2026:grid-activity:grid-river-1";
    /** Each caller of {@link #freshYear} gets an account year nobody else uses. */
    private static final AtomicInteger YEARS = new AtomicInteger(2030);

    private static volatile boolean funded;

    private FundRequests() {}

    static int freshYear() {
        return YEARS.getAndIncrement();
    }

    /** The shared grid account, opened and given ¥1,000,000 the first time. */
    static synchronized String gridAccount() {
        if (!funded) {
            created(Requests.post(
                    COUNTY_LEADER,
                    "/v1/fund-accounts",
                    "{\"kind\":\"GRID_PARTY_GROUP_ACTIVITY\",\"fiscalYear\":2026,\"holderOrgId\":\"grid-river-1\"}"));
            Requests.ok(Requests.post(
                    COUNTY_LEADER, "/v1/fund-accounts/" + GRID_ACCOUNT + "/allocations", "{\"amountFen\":100000000}"));
            funded = true;
        }
        return GRID_ACCOUNT;
    }

    /** A new grid account of a year of its own, holding {@code fen}. */
    static String freshGridAccount(long fen) {
        JsonNode account = created(Requests.post(
                COUNTY_LEADER,
                "/v1/fund-accounts",
                "{\"kind\":\"GRID_PARTY_GROUP_ACTIVITY\",\"fiscalYear\":%d,\"holderOrgId\":\"grid-river-1\"}"
                        .formatted(freshYear())));
        String id = account.path("id").asText();
        Requests.ok(Requests.post(
                EAST_SUPERVISOR, "/v1/fund-accounts/" + id + "/allocations", "{\"amountFen\":%d}".formatted(fen)));
        return id;
    }

    static String claimBody(String account, long fen) {
        return """
                {"accountId":"%s","amountFen":%d,"purpose":"party-activity","served":{"kind":"ACTIVITY","id":"activity-7"}}""".formatted(account, fen);
    }

    static String submitted() {
        return created(Requests.post(RIVER_PARTY_LEADER, "/v1/fund-claims", claimBody(gridAccount(), 100)))
                .path("id")
                .asText();
    }

    static String reviewed() {
        String id = submitted();
        Requests.ok(step(RIVER_SECRETARY, id, "review", "{}"));
        return id;
    }

    static String returned() {
        String id = submitted();
        Requests.ok(step(RIVER_SECRETARY, id, "return", "{\"reason\":\"receipt missing\"}"));
        return id;
    }

    static String approved() {
        String id = reviewed();
        Requests.ok(step(EAST_SUPERVISOR, id, "approve", "{\"approvedAmountFen\":100}"));
        return id;
    }

    static String paid() {
        String id = approved();
        Requests.ok(step(EAST_SUPERVISOR, id, "pay", "{}"));
        return id;
    }

    static ApiGateway.Reply step(Map<String, String> claims, String id, String step, String body) {
        return Requests.post(claims, "/v1/fund-claims/" + id + "/" + step, body);
    }

    static ApiGateway.Reply withKey(Map<String, String> claims, String method, String path, String body, String key) {
        return ApiGateway.send(ApiGateway.event(
                method,
                path,
                Optional.of(claims),
                Optional.of(body),
                Map.of("content-type", "application/json", "Idempotency-Key", key)));
    }

    static JsonNode created(ApiGateway.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body();
    }
}
