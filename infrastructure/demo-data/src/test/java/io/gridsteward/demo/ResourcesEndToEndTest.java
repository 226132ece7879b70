package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Resources moved down end to end on one embedded stack: every function as its packaged zip, real tokens through the
 * HTTP front, photos PUT to presigned URLs of the local S3 server, and the claims reaching the lake and the dashboard.
 * Everything happens in town-taoyuan (its communities and grids), which no other end-to-end class uses for resources.
 * The figures each test measures are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourcesEndToEndTest {

    private static final Path PROJECT = Path.of("../..");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String TOWN = "town-taoyuan";
    private static final List<String> COMMUNITIES =
            List.of("community-taohua", "community-lixiang", "community-jinxiu", "community-fengqiao");

    @TempDir
    static Path dataDirectory;

    private static LocalStack stack;
    private static S3Client s3;
    private static ApiUser countyLeader;
    private static ApiUser water;
    private static int claimsMade;

    @BeforeAll
    static void startTheStack() throws Exception {
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, PROJECT);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);
        System.out.println(
                "resources end-to-end: the stack started in " + stack.startUp().toMillis() + " ms");
        s3 = stack.s3Client();
        countyLeader = ApiUser.of(stack, "e2e-resource-leader", "COUNTY_LEADER", "county-qingshan");
        water = ApiUser.of(stack, "e2e-water-officer", "DEPARTMENT_OFFICER", "dept-water");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void hundredConcurrentClaimsOnAnOfferOfTwentyFiveTakeExactlyTwentyFive() throws Exception {
        String offer = water.post("/v1/resources/offers", offer(25))
                .created()
                .path("id")
                .asText();
        List<Callable<ApiAnswer>> claims = new ArrayList<>();
        for (int index = 0; index < 100; index++) {
            ApiUser secretary = secretary(COMMUNITIES.get(index % COMMUNITIES.size()));
            claims.add(() -> secretary.post("/v1/resources/offers/" + offer + "/claims", "{\"quantity\":1}"));
        }

        long started = System.nanoTime();
        List<ApiAnswer> answers = race(claims);
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        long created = answers.stream().filter(answer -> answer.status() == 201).count();
        System.out.printf(
                "resources end-to-end: 100 concurrent claims on an offer of 25 -> %d claimed, %d refused (409: %d, 422: %d) in %d ms%n",
                created,
                100 - created,
                answers.stream().filter(answer -> answer.status() == 409).count(),
                answers.stream().filter(answer -> answer.status() == 422).count(),
                elapsed);
        assertThat(created).isEqualTo(25);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 201)
                .allSatisfy(answer -> assertThat(answer.status()).isIn(409, 422));
        JsonNode now = countyLeader.get("/v1/resources/offers/" + offer).ok();
        assertThat(now.path("remaining").asLong()).isZero();
        claimsMade += 25;
    }

    @Test
    @Order(2)
    void aRetriedClaimWithOneKeyMakesOneClaim() {
        String offer = water.post("/v1/resources/offers", offer(10))
                .created()
                .path("id")
                .asText();
        ApiUser secretary = secretary("community-taohua");

        ApiAnswer first =
                secretary.post("/v1/resources/offers/" + offer + "/claims", "{\"quantity\":3}", "e2e-claim-retry");
        ApiAnswer retry =
                secretary.post("/v1/resources/offers/" + offer + "/claims", "{\"quantity\":3}", "e2e-claim-retry");

        assertThat(first.created().path("id").asText())
                .isEqualTo(retry.created().path("id").asText());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(countyLeader
                        .get("/v1/resources/offers/" + offer)
                        .ok()
                        .path("remaining")
                        .asLong())
                .isEqualTo(7);
        System.out.println("resources end-to-end: a claim retried with one Idempotency-Key -> 1 claim, 3 of 10 taken");
        claimsMade += 1;
    }

    @Test
    @Order(3)
    void threeMembersClaimADemandTogether() {
        String demand = secretary("community-lixiang")
                .post("/v1/resources/demands", demand("community-lixiang", 5, false))
                .created()
                .path("id")
                .asText();
        ApiUser member = ApiUser.of(stack, "e2e-member-1", "PARTY_MEMBER", "community-lixiang");

        JsonNode claim = member.post(
                        "/v1/resources/demands/" + demand + "/claims",
                        "{\"quantity\":3,\"memberIds\":[\"e2e-member-2\",\"e2e-member-3\"]}")
                .created();

        assertThat(claim.path("claimantKind").asText()).isEqualTo("MEMBERS");
        assertThat(claim.path("memberCount").asInt()).isEqualTo(3);
        ApiUser secondMember = ApiUser.of(stack, "e2e-member-2", "PARTY_MEMBER", "community-jinxiu");
        assertThat(secondMember
                        .get("/v1/resources/claims/" + claim.path("id").asText())
                        .ok()
                        .path("quantity")
                        .asLong())
                .isEqualTo(3);
        assertThat(countyLeader
                        .get("/v1/resources/demands/" + demand)
                        .ok()
                        .path("remaining")
                        .asLong())
                .isEqualTo(2);
        System.out.println("resources end-to-end: a joint claim by 3 members took 3 of a demand of 5");
        claimsMade += 1;
    }

    @Test
    @Order(4)
    void aSmallWishGoesFromClaimToARatedCompletionOnThePublicList() throws Exception {
        ApiUser worker = ApiUser.of(stack, "e2e-jinxiu-worker", "GRID_WORKER", "grid-jinxiu-1");
        ApiUser secretary = secretary("community-jinxiu");
        ApiUser member = ApiUser.of(stack, "e2e-member-4", "PARTY_MEMBER", "community-jinxiu");
        ApiUser resident = ApiUser.of(stack, "e2e-wishing-resident", "RESIDENT", null);

        String wish = worker.post("/v1/resources/demands", demand("grid-jinxiu-1", 1, true))
                .created()
                .path("id")
                .asText();
        secretary.post("/v1/resources/demands/" + wish + "/verify", "{}").ok();
        String claim = member.post("/v1/resources/demands/" + wish + "/claims", "{\"quantity\":1}")
                .created()
                .path("id")
                .asText();
        JsonNode project = secretary
                .post("/v1/resources/claims/" + claim + "/accept", """
                {"title":"Reading lamp","dueAt":"%s","milestones":[{"title":"Buy it","dueAt":"%s"}],"funding":{"kind":"DELEGATED_TASK","id":"task-e2e"}}""".formatted(
                        Instant.now().plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(2))))
                .ok();
        String path = "/v1/resources/projects/" + project.path("id").asText();
        member.post(path + "/milestones/0/done", "{}").ok();
        JsonNode upload = member.post(path + "/evidence", "{\"contentType\":\"image/jpeg\"}")
                .created();
        String completion = "{\"note\":\"lamp installed\",\"photoKeys\":[\""
                + upload.path("objectKey").asText() + "\"]}";
        member.post(path + "/complete", completion).problem(422);

        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        HttpResponse<String> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(upload.path("uploadUrl").asText()))
                                .header("Content-Type", "image/jpeg")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode())
                .as("PUT to the presigned URL: %s", put.body())
                .isEqualTo(200);

        assertThat(member.post(path + "/complete", completion)
                        .ok()
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
        JsonNode rated = resident.post(path + "/ratings", "{\"rating\":5}").ok();
        secretary
                .post(path + "/follow-ups", "{\"outcome\":\"CONFIRMED\",\"note\":\"visited\"}")
                .ok();

        assertThat(rated.path("meanRating").asDouble()).isEqualTo(5.0);
        JsonNode publicList = resident.get("/v1/resources/communities/community-jinxiu/projects")
                .ok();
        assertThat(publicList.path("items"))
                .extracting(item -> item.path("id").asText())
                .contains(project.path("id").asText());
        JsonNode trace = countyLeader.get(path).ok();
        assertThat(trace.path("events"))
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        "PROJECT_STARTED",
                        "MILESTONE_DONE",
                        "EVIDENCE_UPLOAD_ISSUED",
                        "PROJECT_COMPLETED",
                        "PROJECT_RATED",
                        "FOLLOWED_UP");
        System.out.println(
                "resources end-to-end: a small wish verified, claimed, accepted, evidenced by a real upload, completed, rated 5 and visited");
        claimsMade += 1;
    }

    @Test
    @Order(5)
    void theClaimsReachTheLakeAndTheDashboard() {
        List<String> objects = waitFor("resource events as Parquet objects in the lake", () -> {
            List<String> keys = s3
                    .listObjectsV2(
                            request -> request.bucket(LocalStack.LAKE_BUCKET).prefix("resource_events/"))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .toList();
            return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
        });
        assertThat(objects)
                .allSatisfy(key -> assertThat(key).matches("resource_events/dt=\\d{4}-\\d{2}-\\d{2}/.+\\.parquet"));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String query = "/v1/dashboards/metrics?metric=resource_flows&dimension=town&period=day&from=%s&to=%s"
                .formatted(
                        LocalDate.parse(today).minusDays(1),
                        LocalDate.parse(today).plusDays(1));
        long claimed = waitFor("every claim of this class on the dashboard", () -> {
            ApiAnswer answer = countyLeader.get(query);
            if (answer.status() != 200) {
                return Optional.empty();
            }
            long total = 0;
            for (JsonNode row : answer.json().path("rows")) {
                if (row.path("dimensionValue").asText().equals(TOWN)) {
                    total += row.path("claimed").asLong();
                }
            }
            return total == claimsMade ? Optional.of(total) : Optional.empty();
        });
        System.out.println("resources end-to-end: the dashboard counts " + claimed + " claims in " + TOWN);
        assertThat(claimed).isEqualTo(claimsMade);
    }

    private static ApiUser secretary(String community) {
        return ApiUser.of(stack, "e2e-secretary-" + community, "COMMUNITY_SECRETARY", community);
    }

    private static String offer(int quantity) {
        return """
                {"townId":"%s","title":"Pumps on loan","kind":"EQUIPMENT","quantity":%d,"unitValueFen":20000,"validFrom":"%s","validUntil":"%s"}""".formatted(
                        TOWN,
                        quantity,
                        Instant.now().minus(Duration.ofHours(1)),
                        Instant.now().plus(Duration.ofDays(30)));
    }

    private static String demand(String place, int quantity, boolean smallWish) {
        return """
                {"placeId":"%s","title":"Help","kind":"SERVICES","quantity":%d,"unitValueFen":8000,"validFrom":"%s","validUntil":"%s",
                 "smallWish":%s,"beneficiaryIds":%s}""".formatted(
                        place,
                        quantity,
                        Instant.now().minus(Duration.ofHours(1)),
                        Instant.now().plus(Duration.ofDays(30)),
                        smallWish,
                        smallWish ? "[\"e2e-wishing-resident\"]" : "[]");
    }

    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(calls.size())) {
            for (Callable<T> call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
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

    private static <T> T waitFor(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, interrupted);
            }
        }
        throw new AssertionError("gave up waiting for " + what + " after " + PATIENCE);
    }
}
