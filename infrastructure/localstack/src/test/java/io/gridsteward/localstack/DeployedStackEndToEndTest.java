package io.gridsteward.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.analytics.query.DuckDbQueryRunner;
import io.gridsteward.analytics.query.LakeMirror;
import io.gridsteward.domain.core.OrganisationId;
import io.gridsteward.domain.organisation.Organisation;
import io.gridsteward.store.organisation.OrganisationStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The embedded stack's end-to-end scenario on LocalStack: template.yaml deployed as one CloudFormation stack (SAM
 * transform and all), then report → dispatch through the deployed api function → the table's stream → the deployed
 * lake writer through its event-source mapping → Parquet in the deployed lake bucket → the dashboards' SQL over it.
 *
 * <p>Needs a Docker engine (skipped without one, by Testcontainers) and {@code LOCALSTACK_AUTH_TOKEN} (skipped
 * without it, by the assumption below): the template uses Cognito, HTTP APIs, Glue and Athena, which LocalStack
 * serves under a licence, and its releases since March 2026 start only with a token. The image is
 * {@code -Dlocalstack.image=...} ({@value #DEFAULT_IMAGE} by default). Lambda runs each function in a container of
 * its own, so LocalStack is given the Docker socket.
 *
 * <p>The api function is invoked with the payload-2.0 events API Gateway sends it after the JWT authorizer, claims
 * included: signing in through Cognito would test Cognito, not this system. Every endpoint reaches the functions
 * through the SDK's standard settings only: here the system-property twins of {@code AWS_ENDPOINT_URL} and the
 * credentials, in the functions the {@code AWS_ENDPOINT_URL} LocalStack gives every Lambda container.
 */
@Testcontainers(disabledWithoutDocker = true)
class DeployedStackEndToEndTest {

    static final String DEFAULT_IMAGE = "localstack/localstack-pro:4.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT_ROOT =
            Path.of(Objects.requireNonNullElse(System.getProperty("project.root"), "../.."));
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final String TOWN = "town-e2e";
    private static final String GRID = "grid-e2e-1";
    private static final List<String> SDK_SETTINGS =
            List.of("aws.endpointUrl", "aws.region", "aws.accessKeyId", "aws.secretAccessKey");

    @TempDir
    static Path workDirectory;

    private static LocalStackContainer localstack;
    private static DeployedStack stack;
    private static LambdaClient lambda;
    private static S3Client s3;

    @BeforeAll
    static void deployTheTemplateToLocalStack() throws IOException {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        assumeTrue(
                token != null && !token.isBlank(),
                "LOCALSTACK_AUTH_TOKEN is not set: the template's Cognito, HTTP API, Glue and "
                        + "Athena need LocalStack's licensed services, and its current images need a token to start (a free one will do)");
        localstack = new LocalStackContainer(
                        DockerImageName.parse(System.getProperty("localstack.image", DEFAULT_IMAGE))
                                .asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv("LOCALSTACK_AUTH_TOKEN", token)
                // A Java function's first start in a fresh container takes longer than LocalStack's default wait.
                .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "120")
                .withFileSystemBind(
                        DockerClientFactory.instance().getRemoteDockerUnixSocketPath(),
                        "/var/run/docker.sock",
                        BindMode.READ_WRITE)
                .withStartupTimeout(Duration.ofMinutes(3));
        localstack.start();
        System.setProperty("aws.endpointUrl", localstack.getEndpoint().toString());
        System.setProperty("aws.region", localstack.getRegion());
        System.setProperty("aws.accessKeyId", localstack.getAccessKey());
        System.setProperty("aws.secretAccessKey", localstack.getSecretKey());

        s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .build();
        lambda = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration -> configuration.apiCallTimeout(PATIENCE))
                .build();
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            stack = new StackDeployer(cloudFormation, s3, new PrintStream(System.out, true, StandardCharsets.UTF_8))
                    .deploy(LocalStackDeployment.deployment(PROJECT_ROOT, "qingshan", "e2e"));
        }
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            OrganisationStore organisations = new OrganisationStore(dynamoDb, stack.output("TableName"));
            OrganisationId county = new OrganisationId("county-e2e");
            OrganisationId town = new OrganisationId(TOWN);
            OrganisationId community = new OrganisationId("community-e2e");
            List.of(
                            Organisation.county(county, "青山县"),
                            Organisation.town(town, "石桥镇", county),
                            Organisation.community(community, "朝阳社区", town),
                            Organisation.grid(new OrganisationId(GRID), "朝阳一网格", community, town))
                    .forEach(organisations::put);
        }
    }

    @AfterAll
    static void stopLocalStack() {
        SDK_SETTINGS.forEach(System::clearProperty);
        if (lambda != null) {
            lambda.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Test
    void aReportedAndDispatchedTicketsEventsReachTheLakeAsParquetAndTheDashboardsSqlReadsThem() throws Exception {
        JsonNode reported = invokeApi(
                "POST",
                "/v1/tickets",
                Map.of("sub", "e2e-resident", "custom:role", "RESIDENT"),
                """
                {"category":"road-damage","description":"路面塌陷，车辆难以通行","gridId":"%s","location":{"latitude":30.27,"longitude":120.15}}""".formatted(GRID),
                201);
        String ticketId = reported.path("id").asText();
        assertThat(reported.path("status").asText()).isEqualTo("REPORTED");
        JsonNode dispatched = invokeApi(
                "POST",
                "/v1/tickets/" + ticketId + "/dispatch",
                Map.of("sub", "e2e-dispatcher", "custom:role", "TOWN_DISPATCHER", "custom:org_id", TOWN),
                "{\"assigneeOrgId\":\"" + GRID + "\",\"expectedVersion\":1}",
                200);
        assertThat(dispatched.path("status").asText()).isEqualTo("DISPATCHED");

        String lakeBucket = stack.output("LakeBucketName");
        List<String> objects = waitFor("the ticket's events as Parquet objects in " + lakeBucket, () -> {
            List<String> keys =
                    s3.listObjectsV2(request -> request.bucket(lakeBucket).prefix("ticket_events/")).contents().stream()
                            .map(S3Object::key)
                            .toList();
            return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
        });
        assertThat(objects)
                .allSatisfy(key -> assertThat(key).matches("ticket_events/dt=\\d{4}-\\d{2}-\\d{2}/.+\\.parquet"));

        DuckDbQueryRunner lake =
                new DuckDbQueryRunner(new LakeMirror(s3, lakeBucket, workDirectory.resolve("lake-mirror")));
        List<Map<String, Object>> rows = waitFor("both events in the deduplicated view", () -> {
            List<Map<String, Object>> ticketRows = lake.run("views/ticket_events_deduplicated.sql").rows().stream()
                    .filter(row -> ticketId.equals(row.get("ticket_id")))
                    .sorted(Comparator.comparingLong(row -> (Long) row.get("sequence")))
                    .toList();
            return ticketRows.size() >= 2 ? Optional.of(ticketRows) : Optional.empty();
        });
        assertThat(rows).extracting(row -> row.get("event_type")).containsExactly("REPORTED", "DISPATCHED");
        assertThat(rows)
                .extracting(row -> row.get("event_id"))
                .containsExactly(
                        dispatched.path("events").get(0).path("eventId").asText(),
                        dispatched.path("events").get(1).path("eventId").asText());
        assertThat(rows.get(1).get("assignee_org_id")).isEqualTo(GRID);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("town_id")).isEqualTo(TOWN));
    }

    /** The api function's alias, invoked with the event API Gateway's HTTP API sends after its JWT authorizer. */
    private static JsonNode invokeApi(
            String method, String path, Map<String, String> claims, String body, int expectedStatus)
            throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0")
                .put("routeKey", "ANY /v1/{proxy+}")
                .put("rawPath", path)
                .put("rawQueryString", "");
        event.putObject("headers")
                .put("content-type", "application/json")
                .put("host", "api.grid-steward.local")
                .put("x-forwarded-proto", "https");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000")
                .put("apiId", "e2e")
                .put("domainName", "api.grid-steward.local")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", "ANY /v1/{proxy+}")
                .put("stage", "e2e")
                .put("timeEpoch", Instant.now().toEpochMilli());
        context.putObject("http")
                .put("method", method)
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1")
                .put("userAgent", "grid-steward-e2e");
        ObjectNode jwtClaims = context.putObject("authorizer").putObject("jwt").putObject("claims");
        claims.forEach(jwtClaims::put);
        event.put("body", body).put("isBase64Encoded", false);

        InvokeResponse response = lambda.invoke(request -> request.functionName(stack.output("ApiFunctionName"))
                .qualifier("live")
                .payload(SdkBytes.fromUtf8String(event.toString())));
        String payload = response.payload().asUtf8String();
        assertThat(response.functionError())
                .as("%s %s: %s", method, path, payload)
                .isNull();
        JsonNode answer = JSON.readTree(payload);
        assertThat(answer.path("statusCode").asInt())
                .as("%s %s: %s", method, path, payload)
                .isEqualTo(expectedStatus);
        return JSON.readTree(answer.path("body").asText());
    }

    private static <T> T waitFor(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("no " + what + " after " + PATIENCE);
    }
}
