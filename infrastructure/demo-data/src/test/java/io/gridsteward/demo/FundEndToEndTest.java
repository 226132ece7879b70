package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Funds end to end on one embedded stack (every function as its packaged zip, the HTTP front with real tokens): 100
 * claims racing for money that covers 37, 100 approvals and rejections racing on one claim, a submission retried with one
 * Idempotency-Key, a receipt uploaded to its presigned URL, a reversal that restores the balance, and the fund events in
 * the lake and on the dashboard's fund_flows metric. Each test works on accounts of its own (a fiscal year or holder of
 * its own) in the demo county; the lake test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundEndToEndTest {

    private static final Path PROJECT = Path.of("../..");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final long CLAIM_FEN = 12_345;

    @TempDir
    static Path dataDirectory;

    private static LocalStack stack;
    private static S3Client s3;
    private static ApiUser leader;
    private static ApiUser supervisor;
    private static ApiUser secretary;
    private static ApiUser deputy;
    private static ApiUser partyLeader;
    /** The claim {@link #aReversalRestoresTheBalance} takes through its life. */
    private static String reversedClaim;

    @BeforeAll
    static void startTheStack() throws Exception {
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, PROJECT);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);
        s3 = stack.s3Client();
        leader = ApiUser.of(stack, "e2e-fund-leader", "COUNTY_LEADER", "county-qingshan");
        supervisor = ApiUser.of(stack, "e2e-fund-supervisor", "TOWN_SUPERVISOR", "town-qingxi");
        secretary = ApiUser.of(stack, "e2e-fund-secretary", "COMMUNITY_SECRETARY", "community-hebin");
        deputy = ApiUser.of(stack, "e2e-fund-deputy", "COMMUNITY_SECRETARY", "community-hebin");
        partyLeader = ApiUser.of(stack, "e2e-fund-party-leader", "GRID_PARTY_LEADER", "grid-hebin-1");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aHundredConcurrentClaimsOnMoneyForThirtySevenReserveExactlyThirtySeven() throws Exception {
        String account = openAndFund("GRID_PARTY_GROUP_ACTIVITY", 2031, "grid-hebin-1", CLAIM_FEN * 37 + CLAIM_FEN - 1);
        List<Callable<ApiAnswer>> claims = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            String key = "race-37-" + index;
            claims.add(() -> partyLeader.post(
                    "/v1/fund-claims",
                    claimBody(account, CLAIM_FEN, "party-activity", "ACTIVITY", "e2e-activity"),
                    key));
        }

        long started = System.nanoTime();
        List<ApiAnswer> answers = race(claims);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        List<ApiAnswer> reserved =
                answers.stream().filter(answer -> answer.status() == 201).toList();
        List<ApiAnswer> refused =
                answers.stream().filter(answer -> answer.status() != 201).toList();
        assertThat(reserved).hasSize(37);
        assertThat(refused).hasSize(63).allSatisfy(answer -> {
            JsonNode problem = answer.problem(422);
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("amountFen");
            assertThat(problem.path("errors").get(0).path("message").asText()).contains("available, less than ¥123.45");
        });
        JsonNode ledger = leader.get("/v1/fund-accounts/" + account + "/ledger").ok();
        assertThat(ledger.path("account").path("reservedFen").asLong()).isEqualTo(CLAIM_FEN * 37);
        assertThat(ledger.path("account").path("availableFen").asLong()).isEqualTo(CLAIM_FEN - 1);
        assertLedgerSumsToTheAccount(ledger);
        System.out.printf(
                "funds end-to-end: 100 racing claims on money for 37 → %d reserved, %d refused (422 amountFen) in %d ms%n",
                reserved.size(), refused.size(), elapsed);
    }

    @Test
    @Order(2)
    void aHundredConcurrentApprovalsAndRejectionsOnOneClaimHaveOneOutcome() throws Exception {
        String account = openAndFund("SERVICE_THE_MASSES", 2032, "community-hebin", 20_000_000);
        String claim = secretary
                .post(
                        "/v1/fund-claims",
                        claimBody(account, 1_000_000, "public-facilities-repair", "PROJECT", "e2e-project-7"))
                .created()
                .path("id")
                .asText();
        deputy.post("/v1/fund-claims/" + claim + "/review", "{}").ok();
        List<Callable<ApiAnswer>> racers = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            int number = index;
            racers.add(() -> number % 2 == 0
                    ? supervisor.post(
                            "/v1/fund-claims/" + claim + "/approve",
                            "{\"approvedAmountFen\":" + (900_000 + number) + "}")
                    : supervisor.post(
                            "/v1/fund-claims/" + claim + "/reject", "{\"reason\":\"refused " + number + "\"}"));
        }

        long started = System.nanoTime();
        List<ApiAnswer> answers = race(racers);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(99)
                .allSatisfy(answer -> assertThat(
                                answer.problem(409).path("currentVersion").asLong())
                        .isEqualTo(3));
        JsonNode decided = leader.get("/v1/fund-claims/" + claim).ok();
        assertThat(decided.path("events")).hasSize(3);
        JsonNode ledger = leader.get("/v1/fund-accounts/" + account + "/ledger").ok();
        assertThat(ledger.path("account").path("reservedFen").asLong())
                .isEqualTo(decided.path("reservedFen").asLong());
        assertLedgerSumsToTheAccount(ledger);
        System.out.printf(
                "funds end-to-end: 100 racing approvals/rejections on one claim → one outcome (%s), 99 × 409, in %d ms%n",
                decided.path("status").asText(), elapsed);
    }

    @Test
    @Order(3)
    void aSubmissionRetriedWithOneKeyMakesOneClaim() throws Exception {
        String account = openAndFund("GRID_PARTY_GROUP_ACTIVITY", 2033, "grid-hebin-1", 1_000_000);
        String body = claimBody(account, 50_000, "study-materials", "ACTIVITY", "e2e-study");
        List<Callable<ApiAnswer>> retries = new ArrayList<>();
        for (int index = 0; index < 10; index++) {
            retries.add(() -> partyLeader.post("/v1/fund-claims", body, "one-claim-please"));
        }

        List<ApiAnswer> answers = race(retries);
        ApiAnswer later = partyLeader.post("/v1/fund-claims", body, "one-claim-please");

        assertThat(answers).extracting(ApiAnswer::status).containsOnly(201);
        assertThat(answers)
                .extracting(answer -> answer.json().path("id").asText())
                .containsOnly(later.created().path("id").asText());
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(leader.get("/v1/fund-accounts/" + account + "/claims").ok().path("items"))
                .hasSize(1);
        assertThat(leader.get("/v1/fund-accounts/" + account)
                        .ok()
                        .path("reservedFen")
                        .asLong())
                .isEqualTo(50_000);
        partyLeader
                .post(
                        "/v1/fund-claims",
                        claimBody(account, 60_000, "study-materials", "ACTIVITY", "e2e-study"),
                        "one-claim-please")
                .problemNaming(422, "Idempotency-Key");
        System.out.println("funds end-to-end: 11 submissions with one Idempotency-Key → 1 claim, 1 reservation");
    }

    @Test
    @Order(4)
    void aReversalRestoresTheBalance() throws Exception {
        String account = openAndFund("COMMUNITY_WORK", 2034, "community-hebin", 3_000_000);
        JsonNode notUploaded = secretary
                .post("/v1/fund-receipts", "{\"contentType\":\"application/pdf\"}")
                .created();
        secretary
                .post(
                        "/v1/fund-claims",
                        claimBody(
                                account,
                                400_000,
                                "community-governance",
                                "ACTIVITY",
                                "e2e-meeting",
                                notUploaded.path("objectKey").asText()))
                .problemNaming(422, "receiptKeys[0]");
        String receipt = uploadAReceipt(secretary);
        JsonNode claim = secretary
                .post(
                        "/v1/fund-claims",
                        claimBody(account, 400_000, "community-governance", "ACTIVITY", "e2e-meeting", receipt))
                .created();
        reversedClaim = claim.path("id").asText();
        deputy.post("/v1/fund-claims/" + reversedClaim + "/review", "{}").ok();
        supervisor
                .post("/v1/fund-claims/" + reversedClaim + "/approve", "{\"approvedAmountFen\":350000}")
                .ok();
        supervisor.post("/v1/fund-claims/" + reversedClaim + "/pay", "{}").ok();
        deputy.post("/v1/fund-claims/" + reversedClaim + "/publish", "{}").ok();
        assertThat(leader.get("/v1/fund-accounts/" + account)
                        .ok()
                        .path("balanceFen")
                        .asLong())
                .isEqualTo(2_650_000);

        JsonNode reversed = supervisor
                .post(
                        "/v1/fund-claims/" + reversedClaim + "/reverse",
                        "{\"amountFen\":350000,\"reason\":\"the meeting was cancelled\"}")
                .ok();

        assertThat(reversed.path("status").asText()).isEqualTo("REVERSED");
        assertThat(reversed.path("receiptKeys").get(0).asText()).isEqualTo(receipt);
        JsonNode ledger = leader.get("/v1/fund-accounts/" + account + "/ledger").ok();
        assertThat(ledger.path("account").path("balanceFen").asLong()).isEqualTo(3_000_000);
        assertThat(ledger.path("account").path("availableFen").asLong()).isEqualTo(3_000_000);
        assertLedgerSumsToTheAccount(ledger);
        System.out.println(
                "funds end-to-end: paid ¥3,500.00, reversed by a compensating event: balance back to ¥30,000.00");
    }

    @Test
    @Order(5)
    void theFundEventsReachTheLakeAndTheDashboard() throws Exception {
        JsonNode trace = leader.get("/v1/fund-claims/" + reversedClaim).ok().path("events");
        DuckDbQueryRunner lake = new DuckDbQueryRunner(
                new LakeMirror(s3, LocalStack.LAKE_BUCKET, dataDirectory.resolve("fund-lake-mirror")));

        List<Map<String, Object>> rows = waitFor("the reversed claim's " + trace.size() + " events in the lake", () -> {
            List<Map<String, Object>> claimRows = lake.run("views/fund_events_deduplicated.sql").rows().stream()
                    .filter(row -> reversedClaim.equals(row.get("claim_id")) && "CLAIM".equals(row.get("record_kind")))
                    .toList();
            return claimRows.size() == trace.size() ? Optional.of(claimRows) : Optional.empty();
        });
        assertThat(rows)
                .extracting(row -> row.get("event_type"))
                .containsExactlyInAnyOrder("SUBMITTED", "REVIEWED", "APPROVED", "PAID", "PUBLISHED", "REVERSED");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("community_id")).isEqualTo("community-hebin"));

        String month =
                LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).toString();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode hebin = waitFor("community-hebin's paid and reversed money on the dashboard", () -> {
            ApiAnswer answer =
                    leader.get("/v1/dashboards/metrics?metric=fund_flows&dimension=community&period=month&from=" + month
                            + "&to=" + today);
            if (answer.status() != 200) {
                return Optional.empty();
            }
            for (JsonNode row : answer.json().path("rows")) {
                if ("community-hebin".equals(row.path("dimensionValue").asText())
                        && row.path("reversedFen").asLong() == 350_000) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        });
        assertThat(hebin.path("paidFen").asLong()).isGreaterThanOrEqualTo(350_000);
        assertThat(hebin.path("claimsPaid").asLong()).isGreaterThanOrEqualTo(1);
    }

    private static String openAndFund(String kind, int year, String holder, long fen) {
        String account = leader.post(
                        "/v1/fund-accounts",
                        "{\"kind\":\"%s\",\"fiscalYear\":%d,\"holderOrgId\":\"%s\"}".formatted(kind, year, holder))
                .created()
                .path("id")
                .asText();
        leader.post(
                        "/v1/fund-accounts/" + account + "/allocations",
                        "{\"amountFen\":%d,\"currency\":\"CNY\"}".formatted(fen))
                .ok();
        return account;
    }

    private static String claimBody(
            String account, long fen, String purpose, String servedKind, String servedId, String... receipts) {
        StringBuilder keys = new StringBuilder();
        for (String receipt : receipts) {
            keys.append(keys.isEmpty() ? "" : ",").append('"').append(receipt).append('"');
        }
        return """
                {"accountId":"%s","amountFen":%d,"purpose":"%s","served":{"kind":"%s","id":"%s"},"receiptKeys":[%s]}""".formatted(account, fen, purpose, servedKind, servedId, keys);
    }

    /** A receipt key from the API, a PDF PUT to its presigned URL with a plain HTTP client. */
    private static String uploadAReceipt(ApiUser claimant) throws Exception {
        JsonNode upload = claimant.post("/v1/fund-receipts", "{\"contentType\":\"application/pdf\"}")
                .created();
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(upload.path("uploadUrl").asText()))
                                .header("Content-Type", "application/pdf")
                                .PUT(HttpRequest.BodyPublishers.ofString("%PDF-1.4 a receipt"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode())
                .as("PUT to the presigned URL: %s", put.body())
                .isEqualTo(200);
        return upload.path("objectKey").asText();
    }

    /** Recomputes the account's sums from the ledger's entries alone. */
    private static void assertLedgerSumsToTheAccount(JsonNode ledger) {
        long funded = 0;
        long reserved = 0;
        long paid = 0;
        for (JsonNode entry : ledger.path("entries")) {
            funded += entry.path("fundedChangeFen").asLong();
            reserved += entry.path("reservedChangeFen").asLong();
            paid += entry.path("paidChangeFen").asLong();
        }
        JsonNode account = ledger.path("account");
        assertThat(List.of(funded, reserved, paid, funded - paid, funded - reserved - paid))
                .containsExactly(
                        account.path("fundedFen").asLong(),
                        account.path("reservedFen").asLong(),
                        account.path("paidFen").asLong(),
                        account.path("balanceFen").asLong(),
                        account.path("availableFen").asLong());
    }

    private static <T> List<T> race(List<Callable<T>> attempts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newFixedThreadPool(attempts.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> attempt : attempts) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        Optional<T> probe() throws Exception;
    }

    private static <T> T waitFor(String what, Probe<T> probe) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(giveUp)) {
            Optional<T> found = probe.probe();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("gave up waiting " + PATIENCE + " for " + what);
    }
}
