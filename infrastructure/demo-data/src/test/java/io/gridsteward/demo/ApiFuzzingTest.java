package io.gridsteward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridsteward.local.LocalStack;
import io.gridsteward.local.LocalStackOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzzing run over every operation of the API's OpenAPI document and the dashboard's routes, through the
 * embedded stack's HTTP front (the packaged functions, the JWT authorizer, the emulator): each request carries one
 * defect (see {@link RequestFuzzer}). Every answer is below 500; every refusal is {@code application/problem+json}
 * with a {@code type}, and a 400 or 422 names the field, parameter or header at fault in {@code errors[]}. A write
 * with a defect every API must refuse (a bad token or id, a body that is not a JSON object, a control character in a
 * header, a method the route lacks) is refused, and the table (item count and a SHA-256 of every item, by a full
 * scan of the emulator) is the same after all of them. Writes whose defect may be legal (an extra field, an odd
 * value, content type or Idempotency-Key on a real id or a new item) run one at a time after those, the table read
 * after each: a refused one changed nothing.
 *
 * <p>{@code -Dfuzz.seed=N} and {@code -Dfuzz.requests=N} change the run; a failure prints the seed, the request's
 * index and the request itself as a shell command.
 */
class ApiFuzzingTest {

    private static final long DEFAULT_SEED = 20_261_207L;
    private static final int DEFAULT_REQUESTS = 2_500;
    private static final int THREADS = 4;
    private static final Path PROJECT = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "grid-steward";

    @TempDir
    static Path dataDirectory;

    private static LocalStack stack;
    private static RequestFuzzer fuzzer;
    private static List<FuzzOperation> operations;
    private static long seed;
    private static int documented;

    @BeforeAll
    static void startTheStackAndReadTheApi() throws Exception {
        DemoCounty county = DemoCounty.load();
        LocalStackOptions options = LocalStackOptions.ephemeral(dataDirectory, PROJECT);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stack = LocalStack.start(options, county.demoUsers(), console);
        new DemoSeeder(county).seed(stack, options, console);

        ApiUser resident = ApiUser.of(stack, "fuzz-resident", "RESIDENT", null);
        String ticket = resident.post("/v1/tickets", """
                {"category":"streetlight","description":"路灯不亮","gridId":"grid-hebin-1","location":{"latitude":30.251,"longitude":120.161}}""").created().path("id").asText();
        JsonNode document = resident.get("/v1/openapi?format=json").ok();
        operations = new ArrayList<>(FuzzOperation.of(document));
        documented = operations.size();
        operations.addAll(dashboardOperations());

        List<RequestFuzzer.Caller> callers = List.of(
                caller("RESIDENT", null),
                caller("GRID_WORKER", "grid-hebin-1"),
                caller("GRID_PARTY_LEADER", "grid-hebin-1"),
                caller("COMMUNITY_SECRETARY", "community-hebin"),
                caller("TOWN_DISPATCHER", "town-qingxi"),
                caller("TOWN_SUPERVISOR", "town-qingxi"),
                caller("DEPARTMENT_OFFICER", "dept-water"),
                caller("COUNTY_LEADER", "county-qingshan"),
                caller("UNIT_OFFICER", "unit-fuzz"),
                caller("PARTY_MEMBER", "community-hebin"));
        List<String> oddClaims = List.of(
                stack.tokenFor("fuzz-system", "SYSTEM", "county-qingshan"),
                stack.tokenFor("fuzz-lower", "resident", null),
                stack.tokenFor("fuzz-no-org", "TOWN_DISPATCHER", null),
                stack.tokenFor("fuzz-king", "KING", "county-qingshan"),
                stack.tokenFor("fuzz-grid-leader", "COUNTY_LEADER", "grid-hebin-1"),
                stack.tokenFor("fuzz-nowhere", "TOWN_DISPATCHER", "no-such-org"),
                stack.tokenFor("", "RESIDENT", null),
                stack.tokenFor("fuzz\u0001control", "RESIDENT", null));
        seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        fuzzer = new RequestFuzzer(
                seed,
                operations,
                callers,
                badTokens(),
                oddClaims,
                Map.of(
                        "town",
                        "town-qingxi",
                        "grid",
                        "grid-hebin-1",
                        "community",
                        "community-hebin",
                        "dept",
                        "dept-water",
                        "department",
                        "dept-water",
                        "",
                        ticket));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRouteRefusesMalformedRequestsWithANamedProblemAndRefusalsChangeNothing() throws Exception {
        int count = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.printf(
                "fuzzing: seed %d, %d requests over %d operations (%d on the OpenAPI document's %d paths, the dashboard's 3 routes, 3 paths no route has)%n",
                seed,
                count,
                operations.size(),
                documented,
                operations.stream()
                        .limit(documented)
                        .map(FuzzOperation::path)
                        .distinct()
                        .count());
        List<FuzzRequest> requests =
                IntStream.range(0, count).mapToObj(fuzzer::generate).toList();
        RawHttpClient client = new RawHttpClient(stack.httpEndpoint());
        String front =
                stack.httpEndpoint().getHost() + ":" + stack.httpEndpoint().getPort();
        ConcurrentMap<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        TableFingerprint before = TableFingerprint.of(stack.dynamoDb(), TABLE);
        List<FuzzRequest> refusable =
                requests.stream().filter(FuzzRequest::definite).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> sent = new ArrayList<>();
            for (FuzzRequest request : refusable) {
                sent.add(threads.submit(() -> {
                    check(request, send(client, request, failures, front), byStatus, failures, front);
                    return null;
                }));
            }
            for (Future<?> answer : sent) {
                answer.get();
            }
        }
        TableFingerprint afterRefusable = TableFingerprint.of(stack.dynamoDb(), TABLE);

        List<FuzzRequest> probes =
                requests.stream().filter(request -> !request.definite()).toList();
        TableFingerprint baseline = afterRefusable;
        int acceptedWrites = 0;
        for (FuzzRequest probe : probes) {
            RawHttpClient.Answer answer = send(client, probe, failures, front);
            check(probe, answer, byStatus, failures, front);
            TableFingerprint now = TableFingerprint.of(stack.dynamoDb(), TABLE);
            if (answer != null && answer.status() >= 400 && !now.equals(baseline)) {
                failures.add(describe(
                        probe,
                        front,
                        "was refused (" + answer.status() + ") but the table changed: " + baseline + " -> " + now));
            }
            if (answer != null && answer.status() < 300) {
                acceptedWrites++;
            }
            baseline = now;
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;

        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, number) -> counts.put(status, number.get()));
        System.out.printf(
                "fuzzing: %d requests in %d ms (%d with a defect every API refuses, sent %d at a time; %d writes that may be legal, "
                        + "one at a time with the table read after each, %d of them accepted)%n",
                count, elapsed, refusable.size(), THREADS, probes.size(), acceptedWrites);
        System.out.println("fuzzing: answers by status " + counts);
        System.out.println("fuzzing: table before " + before + ", after the refusable requests " + afterRefusable);
        failures.stream()
                .limit(25)
                .forEach(failure -> System.out.println("fuzzing FAILURE (seed " + seed + ") " + failure));

        assertThat(afterRefusable)
                .as("the table after %d requests that were all to be refused", refusable.size())
                .isEqualTo(before);
        assertThat(failures)
                .as("failures (seed %d), the first printed above", seed)
                .isEmpty();
        assertThat(counts.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
    }

    @Test
    void aNewTicketsLocationPointsAtTheFrontWhateverHostTheClientSent() throws IOException {
        String body = """
                {"category":"streetlight","description":"路灯不亮","gridId":"grid-hebin-2","location":{"latitude":30.251,"longitude":120.161}}""";
        FuzzRequest report = new FuzzRequest(
                -1,
                "POST /v1/tickets",
                "forged Host",
                "POST",
                "/v1/tickets",
                List.of(
                        Map.entry("Host", "attacker.example:6666"),
                        Map.entry("X-Forwarded-Host", "attacker.example"),
                        Map.entry("X-Forwarded-Port", "6666"),
                        Map.entry("Authorization", "Bearer " + stack.tokenFor("fuzz-host", "RESIDENT", null)),
                        Map.entry("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8),
                true,
                false);

        RawHttpClient.Answer answer = new RawHttpClient(stack.httpEndpoint()).send(report);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.header("location"))
                .startsWith("http://localhost:" + stack.httpEndpoint().getPort() + "/v1/tickets/");
    }

    private static RawHttpClient.Answer send(
            RawHttpClient client, FuzzRequest request, List<String> failures, String front) {
        try {
            return client.send(request);
        } catch (IOException failure) {
            failures.add(describe(request, front, "got no HTTP answer: " + failure));
            return null;
        }
    }

    private static void check(
            FuzzRequest request,
            RawHttpClient.Answer answer,
            ConcurrentMap<Integer, AtomicLong> byStatus,
            List<String> failures,
            String front) {
        if (answer == null) {
            return;
        }
        byStatus.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
        String problem = problemWith(request, answer);
        if (problem != null) {
            failures.add(describe(
                    request,
                    front,
                    problem + "; answered " + answer.status() + " " + answer.header("content-type") + " "
                            + abbreviated(answer.body())));
        }
    }

    /** What is wrong with the answer, or null. */
    private static String problemWith(FuzzRequest request, RawHttpClient.Answer answer) {
        if (answer.status() >= 500) {
            return "a server error";
        }
        if (answer.status() < 400) {
            return request.write() && request.definite()
                    ? "a write with a defect every API refuses was accepted"
                    : null;
        }
        if (!answer.header("content-type").startsWith("application/problem+json")) {
            return "a refusal that is not application/problem+json";
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException notJson) {
            return "a problem that is not JSON";
        }
        if (body == null || body.path("type").asText("").isBlank()) {
            return "a problem without a type";
        }
        if (answer.status() == 400 || answer.status() == 422) {
            JsonNode errors = body.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return "a " + answer.status() + " without errors[]";
            }
            for (JsonNode error : errors) {
                if (List.of("field", "parameter", "header", "pointer").stream()
                        .allMatch(name -> error.path(name).asText("").isBlank())) {
                    return "an errors[] entry naming no field, parameter or header";
                }
            }
        }
        return null;
    }

    private static String describe(FuzzRequest request, String front, String what) {
        return "request " + request.index() + " (" + request.operation() + ", " + request.mutation() + ") " + what
                + "\n    reproduce: " + request.reproduction(front);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static RequestFuzzer.Caller caller(String role, String organisation) {
        return new RequestFuzzer.Caller(role, stack.tokenFor("fuzz-" + role.toLowerCase(), role, organisation));
    }

    /**
     * The dashboard's routes, which the api function's OpenAPI document does not cover (functions/dashboard/README.md
     * does), and paths no route has, under each function and under none.
     */
    private static List<FuzzOperation> dashboardOperations() {
        JsonNode text = JSON.createObjectNode().put("type", "string");
        JsonNode date = JSON.createObjectNode().put("type", "string").put("format", "date");
        JsonNode metric = JSON.createObjectNode()
                .put("type", "string")
                .set("enum", JSON.createArrayNode().add("time_to_dispatch").add("sla_misses"));
        JsonNode dimension = JSON.createObjectNode()
                .put("type", "string")
                .set("enum", JSON.createArrayNode().add("grid").add("town"));
        JsonNode period = JSON.createObjectNode()
                .put("type", "string")
                .set("enum", JSON.createArrayNode().add("month").add("week"));
        return List.of(
                new FuzzOperation(
                        "GET",
                        "/v1/dashboards/metrics",
                        List.of(
                                new FuzzOperation.Parameter("metric", "query", metric, true),
                                new FuzzOperation.Parameter("dimension", "query", dimension, false),
                                new FuzzOperation.Parameter("period", "query", period, false),
                                new FuzzOperation.Parameter("from", "query", date, false),
                                new FuzzOperation.Parameter("to", "query", date, false),
                                new FuzzOperation.Parameter("scope", "query", text, false)),
                        null),
                new FuzzOperation("GET", "/", List.of(), null),
                new FuzzOperation(
                        "GET",
                        "/dashboard-assets/{name}",
                        List.of(new FuzzOperation.Parameter("name", "path", text, true)),
                        null),
                new FuzzOperation("GET", "/v1/dashboards/zzz", List.of(), null),
                new FuzzOperation("GET", "/v1/no-such-route", List.of(), null),
                new FuzzOperation("GET", "/no-such-route", List.of(), null));
    }

    /** Tokens the front's authorizer must refuse: absent, not JWTs, unsigned, edited, or signed by the issuer's key but wrong. */
    private static List<String> badTokens() throws IOException, GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(
                        new PKCS8EncodedKeySpec(Files.readAllBytes(dataDirectory.resolve("jwt-private-key.der"))));
        long now = Instant.now().getEpochSecond();
        String claims =
                "\"iss\":\"grid-steward-local\",\"aud\":\"grid-steward\",\"sub\":\"fuzz-forger\",\"custom:role\":\"COUNTY_LEADER\",\"custom:org_id\":\"county-qingshan\"";
        String valid = stack.tokenFor("fuzz-victim", "RESIDENT", null);
        String[] parts = valid.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String promoted =
                base64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("RESIDENT", "COUNTY_LEADER")
                        .getBytes(StandardCharsets.UTF_8));
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.addAll(List.of(
                "Bearer",
                "Bearer ",
                "Bearer garbage",
                "Basic ZnV6ejpmdXp6",
                "Bearer a.b.c",
                "Bearer " + valid + "x",
                "Bearer " + parts[0] + "." + promoted + "." + parts[2],
                "Bearer " + base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + parts[1] + ".",
                "Bearer "
                        + signed(
                                key,
                                "{\"alg\":\"RS256\",\"kid\":\"attacker\"}",
                                "{" + claims + ",\"exp\":" + (now + 3600) + "}"),
                "Bearer "
                        + signed(
                                key,
                                "{\"alg\":\"RS256\",\"kid\":\"local\"}",
                                "{" + claims + ",\"exp\":" + (now + 3600) + ",\"nbf\":" + (now + 3000) + "}"),
                "Bearer "
                        + signed(
                                key,
                                "{\"alg\":\"RS256\",\"kid\":\"local\"}",
                                "{" + claims + ",\"exp\":" + (now - 60) + "}"),
                "Bearer "
                        + signed(
                                key,
                                "{\"alg\":\"RS256\",\"kid\":\"local\"}",
                                "{" + claims.replace("grid-steward-local", "evil") + ",\"exp\":" + (now + 3600) + "}"),
                "Bearer "
                        + signed(
                                key,
                                "{\"alg\":\"HS256\",\"kid\":\"local\"}",
                                "{" + claims + ",\"exp\":" + (now + 3600) + "}")));
        return tokens;
    }

    private static String signed(PrivateKey key, String header, String claims) throws GeneralSecurityException {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + base64.encodeToString(signer.sign());
    }
}
