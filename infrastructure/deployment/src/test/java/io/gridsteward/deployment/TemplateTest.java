package io.gridsteward.deployment;

import static io.gridsteward.deployment.TemplateDocument.asMap;
import static io.gridsteward.deployment.TemplateDocument.list;
import static io.gridsteward.deployment.TemplateDocument.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Path PROJECT_ROOT =
            Path.of(Objects.requireNonNullElse(System.getProperty("project.root"), "../.."));
    private static final String FUNCTION = "AWS::Serverless::Function";
    /** Functions that only read what the system holds; a new read-only function is added here. */
    private static final Set<String> READ_ONLY_FUNCTIONS = Set.of("DashboardFunction");
    /** Verbs of IAM actions that read. */
    private static final Pattern READING_ACTION = Pattern.compile("\\w+:(Get|List|Describe|Query|Scan|BatchGet)\\w*");

    private static final Set<String> REQUIRED_TAGS = Set.of("application", "stage", "county");
    /** The resource types that take tags and hold data or cost money: a county's bill is read by these tags. */
    private static final Set<String> TAGGED_TYPES = Set.of(
            "AWS::DynamoDB::Table",
            "AWS::S3::Bucket",
            "AWS::SQS::Queue",
            "AWS::Logs::LogGroup",
            "AWS::Athena::WorkGroup",
            "AWS::Serverless::HttpApi",
            "AWS::SecretsManager::Secret");

    private static TemplateDocument template;

    @BeforeAll
    static void loadTemplate() throws IOException {
        template = TemplateDocument.load(PROJECT_ROOT.resolve("template.yaml"));
    }

    @Test
    void declaresEveryFunctionOfTheBuild() {
        assertThat(functions().keySet())
                .containsExactlyInAnyOrder(
                        "ApiFunction",
                        "LakeWriterFunction",
                        "DashboardFunction",
                        "SlaSweeperFunction",
                        "LakeMaintenanceFunction",
                        "AutoCheckOutFunction",
                        "ClaimExpiryFunction");
    }

    /** A function module the template forgot would build and never deploy: every built zip is some function's code. */
    @Test
    void everyBuiltFunctionZipIsTheCodeOfAFunctionOfTheTemplate() throws IOException {
        List<String> codeUris = functions().values().stream()
                .map(function -> (String) properties(function).get("CodeUri"))
                .toList();
        try (Stream<Path> modules = Files.list(PROJECT_ROOT.resolve("functions"))) {
            List<String> builtZips = modules.map(module -> module.resolve("target/function.zip"))
                    .filter(Files::isRegularFile)
                    .map(zip -> PROJECT_ROOT.relativize(zip).toString().replace('\\', '/'))
                    .toList();
            assertThat(builtZips).isNotEmpty();
            assertThat(codeUris).containsAll(builtZips);
        }
    }

    @Test
    void everyFunctionsCodeLocationIsABuiltZipThatContainsItsHandlerClass() throws IOException {
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Path zip = zipOf(function.getValue());
            String handler = (String) properties(function.getValue())
                    .getOrDefault("Handler", template.globalFunctionProperties().get("Handler"));

            assertThat(zip)
                    .as("%s's CodeUri (build the project first)", function.getKey())
                    .isRegularFile();
            assertThat(handler).as("%s's handler", function.getKey()).matches("[\\w.$]+::\\w+");
            String handlerClass = handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".class";
            assertThat(containsClass(zip, handlerClass))
                    .as("%s contains %s", zip, handlerClass)
                    .isTrue();
        }
    }

    @Test
    void functionsRunOnTheJava21RuntimeWithSnapStartOnPublishedVersionsAndXRay() {
        Map<String, Object> globals = template.globalFunctionProperties();
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(map(globals, "SnapStart").get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(globals.get("AutoPublishAliasAllProperties")).isEqualTo(true);
        assertThat(globals.get("Tracing")).isEqualTo("Active");
        assertThat(functions().values())
                .allSatisfy(function -> assertThat(properties(function))
                        .doesNotContainKeys("SnapStart", "AutoPublishAlias", "Tracing", "Runtime"));
    }

    /** What each zip's Quarkus application was built with: SnapStart priming and JSON logs. */
    @Test
    void everyFunctionsZipIsPrimedForSnapStartAndLogsJson() throws IOException {
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Path zip = zipOf(function.getValue());
            Properties configuration = new Properties();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                ZipEntry entry = archive.getEntry("application.properties");
                assertThat(entry).as("%s holds application.properties", zip).isNotNull();
                try (InputStream input = archive.getInputStream(entry)) {
                    configuration.load(input);
                }
                assertThat(archive.getEntry("META-INF/quarkus-generated-preload-classes.txt"))
                        .as("%s lists its classes for SnapStart to preload", zip)
                        .isNotNull();
            }
            assertThat(configuration)
                    .as(function.getKey())
                    .containsEntry("quarkus.snapstart.enabled", "true")
                    .containsEntry("quarkus.snapstart.preload-classes", "true")
                    .containsEntry("quarkus.snapstart.initialize-classes", "true")
                    .containsEntry("quarkus.log.console.json.enabled", "true");
            assertThat(containsClass(zip, "io/quarkus/logging/json/runtime/JsonFormatter.class"))
                    .as("%s carries quarkus-logging-json", zip)
                    .isTrue();
        }
    }

    @Test
    void everyFunctionStatesItsMemoryAndTimeoutWithTheReason() {
        assertThat(template.globalFunctionProperties()).doesNotContainKeys("MemorySize", "Timeout");
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Map<String, Object> properties = properties(function.getValue());
            assertThat(properties.get("MemorySize"))
                    .as("%s MemorySize", function.getKey())
                    .isInstanceOf(Integer.class);
            assertThat((Integer) properties.get("MemorySize")).isBetween(128, 10_240);
            assertThat((Integer) properties.get("Timeout"))
                    .as("%s Timeout", function.getKey())
                    .isBetween(1, 900);
            assertThat(template.commentAbove(function.getKey(), "MemorySize"))
                    .as("%s: why this memory", function.getKey())
                    .startsWith(properties.get("MemorySize") + " MB:");
            assertThat(template.commentAbove(function.getKey(), "Timeout"))
                    .as("%s: why this timeout", function.getKey())
                    .startsWith(properties.get("Timeout") + " s");
        }
    }

    @Test
    void functionsBehindTheHttpApiEndBeforeItsThirtySecondIntegrationLimit() {
        functions().forEach((name, function) -> {
            boolean servesHttp = map(properties(function), "Events").values().stream()
                    .anyMatch(event -> "HttpApi".equals(asMap(event).get("Type")));
            if (servesHttp) {
                assertThat((Integer) properties(function).get("Timeout"))
                        .as(name)
                        .isLessThan(30);
            }
        });
    }

    /** SnapStart snapshots what init left: each function behind the HTTP API runs its request path dry before the snapshot. */
    @Test
    void everyFunctionBehindTheHttpApiPrimesItsRequestPathBeforeTheSnapshot() throws IOException {
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            boolean servesHttp = map(properties(function.getValue()), "Events").values().stream()
                    .anyMatch(event -> "HttpApi".equals(asMap(event).get("Type")));
            if (servesHttp) {
                try (ZipFile archive = new ZipFile(zipOf(function.getValue()).toFile())) {
                    assertThat(archive.stream().map(ZipEntry::getName))
                            .as(
                                    "%s carries a SnapStartPriming (an org.crac resource sending dry requests)",
                                    function.getKey())
                            .anyMatch(name ->
                                    name.startsWith("io/gridsteward/") && name.endsWith("/SnapStartPriming.class"));
                }
            }
        }
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithRetention() {
        Map<String, Map<String, Object>> resources = template.resources();
        functions().forEach((name, function) -> {
            Map<String, Object> properties = properties(function);
            Object logGroupReference = map(properties, "LoggingConfig").get("LogGroup");
            assertThat(logGroupReference).as("%s LoggingConfig.LogGroup", name).isInstanceOf(Map.class);
            String logGroup = (String) asMap(logGroupReference).get("Ref");
            Map<String, Object> group = resources.get(logGroup);
            assertThat(group).as("%s's log group %s", name, logGroup).isNotNull();
            assertThat(group.get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(properties(group).get("RetentionInDays")).isEqualTo(Map.of("Ref", "LogRetentionDays"));
            // Lambda writes to /aws/lambda/<function name>; the group must be that one, or the retention applies to
            // nothing.
            String functionName = (String) asMap(properties.get("FunctionName")).get("Fn::Sub");
            assertThat(properties(group).get("LogGroupName"))
                    .isEqualTo(Map.of("Fn::Sub", "/aws/lambda/" + functionName));
        });
    }

    @Test
    void stageAndCountyNameEveryFunctionAndTagEverything() {
        assertThat(template.parameters()).containsKeys("Stage", "County", "LogRetentionDays", "AlarmTopicArn");
        functions()
                .forEach((name, function) -> assertThat((String)
                                asMap(properties(function).get("FunctionName")).get("Fn::Sub"))
                        .as(name)
                        .contains("${County}", "${Stage}"));
        assertThat(tagKeys(template.globalFunctionProperties().get("Tags"))).containsAll(REQUIRED_TAGS);
        assertThat(template.globalFunctionProperties().get("PropagateTags")).isEqualTo(true);
        template.resources().forEach((name, resource) -> {
            if (TAGGED_TYPES.contains((String) resource.get("Type"))) {
                assertThat(tagKeys(properties(resource).get("Tags")))
                        .as("%s's tags", name)
                        .containsAll(REQUIRED_TAGS);
            }
        });
    }

    @Test
    void tableKeepsItsHistoryAndStreamsItAsTheStoreAndTheLakeWriterExpect() {
        Map<String, Object> resource =
                template.resourcesOfType("AWS::DynamoDB::Table").get("Table");
        Map<String, Object> table = properties(resource);

        assertThat(list(table, "KeySchema"))
                .containsExactly(
                        Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE"));
        assertThat(list(table, "GlobalSecondaryIndexes"))
                .extracting(index -> asMap(index).get("IndexName"))
                .containsExactly("gsi1", "gsi2", "gsi3", "gsi4");
        assertThat(map(table, "StreamSpecification").get("StreamViewType")).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(map(table, "TimeToLiveSpecification").get("AttributeName")).isEqualTo("expiresAt");
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(map(table, "PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled"))
                .isEqualTo(true);
        assertThat(table.get("DeletionProtectionEnabled")).isEqualTo(true);
        assertThat(map(table, "SSESpecification").get("SSEEnabled")).isEqualTo(true);
        assertThat(resource).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void everyEventSourceMappingReportsPartialFailuresBisectsAndGivesUpToAQueueItMaySendTo() {
        List<String> mappings = new ArrayList<>();
        functions()
                .forEach((name, function) -> map(properties(function), "Events").forEach((eventName, event) -> {
                    if (Set.of("DynamoDB", "Kinesis", "SQS")
                            .contains((String) asMap(event).get("Type"))) {
                        mappings.add(name + "." + eventName);
                        assertEventSourceMapping(name + "." + eventName, properties(asMap(event)), function);
                    }
                }));
        template.resourcesOfType("AWS::Lambda::EventSourceMapping").forEach((name, mapping) -> {
            mappings.add(name);
            assertEventSourceMapping(name, properties(mapping), Map.of());
        });

        assertThat(mappings).contains("LakeWriterFunction.TableStream");
    }

    private static void assertEventSourceMapping(
            String name, Map<String, Object> mapping, Map<String, Object> function) {
        assertThat(list(mapping, "FunctionResponseTypes"))
                .as("%s FunctionResponseTypes", name)
                .containsExactly("ReportBatchItemFailures");
        assertThat(mapping.get("BisectBatchOnFunctionError"))
                .as("%s BisectBatchOnFunctionError", name)
                .isEqualTo(true);
        assertThat((Integer) mapping.get("MaximumRetryAttempts"))
                .as("%s MaximumRetryAttempts", name)
                .isBetween(0, 10);
        assertThat(mapping).as(name).containsKey("MaximumRecordAgeInSeconds");
        Object destination = map(map(mapping, "DestinationConfig"), "OnFailure").get("Destination");
        assertThat(destination).as("%s on-failure destination", name).isInstanceOf(Map.class);
        String queue = referencedResource(asMap(destination));
        assertThat(template.resourcesOfType("AWS::SQS::Queue"))
                .as("%s's destination is a queue of the template", name)
                .containsKey(queue);
        if (!function.isEmpty()) {
            assertThat(statements(function))
                    .as("%s's function may send to its destination", name)
                    .anySatisfy(statement -> {
                        assertThat(actions(statement)).contains("sqs:SendMessage");
                        assertThat(resources(statement))
                                .extracting(resource -> referencedResource(asMap(resource)))
                                .contains(queue);
                    });
        }
    }

    @Test
    void schedulesRunTheSweeperEveryFiveMinutesAndTheLakeMaintenanceNightly() {
        Map<String, Object> sweeper =
                map(map(properties(functions().get("SlaSweeperFunction")), "Events"), "EveryFiveMinutes");
        Map<String, Object> maintenance = map(properties(functions().get("LakeMaintenanceFunction")), "Events");

        assertThat(properties(sweeper).get("Schedule")).isEqualTo("rate(5 minutes)");
        assertThat(properties(map(maintenance, "NightlyCompaction")))
                .containsEntry("Schedule", "cron(30 1 * * ? *)")
                .containsEntry("Input", "{\"job\":\"compaction\"}");
        assertThat(properties(map(maintenance, "NightlyReconciliation")))
                .containsEntry("Schedule", "cron(30 2 * * ? *)")
                .containsEntry("Input", "{\"job\":\"reconciliation\"}");
    }

    @Test
    void theAutoCheckOutRunsEveryFiveMinutesAsTheJobsPackagesOtherHandler() {
        Map<String, Object> function = properties(functions().get("AutoCheckOutFunction"));
        Map<String, Object> schedule = map(map(map(function, "Events"), "EveryFiveMinutes"), "Properties");

        assertThat(schedule.get("Schedule")).isEqualTo("rate(5 minutes)");
        assertThat(map(map(function, "Environment"), "Variables").get("QUARKUS_LAMBDA_HANDLER"))
                .isEqualTo("auto-check-out");
        assertThat(function.get("CodeUri")).isEqualTo("functions/jobs/target/function.zip");
    }

    @Test
    void theClaimExpiryRunsHourlyAsTheJobsPackagesThirdHandler() {
        Map<String, Object> function = properties(functions().get("ClaimExpiryFunction"));
        Map<String, Object> schedule = map(map(map(function, "Events"), "Hourly"), "Properties");

        assertThat(schedule.get("Schedule")).isEqualTo("rate(1 hour)");
        assertThat(map(map(function, "Environment"), "Variables").get("QUARKUS_LAMBDA_HANDLER"))
                .isEqualTo("claim-expiry");
        assertThat(function.get("CodeUri")).isEqualTo("functions/jobs/target/function.zip");
    }

    /**
     * Least privilege, checkable: every policy is an inline statement list (SAM policy templates and managed policies
     * would hide their actions from this test), no action has a wildcard, and every resource is one of this stack's
     * resources (or Glue's catalog of this account, which GetTable also authorises against), never "*".
     */
    @Test
    void everyPolicyNamesItsActionsAndTheStacksOwnResources() {
        Set<String> logicalIds = template.resources().keySet();
        functions().forEach((name, function) -> {
            assertThat(list(properties(function), "Policies"))
                    .as("%s's policies", name)
                    .isNotEmpty()
                    .allSatisfy(policy -> assertThat(asMap(policy).keySet())
                            .as("%s: inline statements only", name)
                            .containsExactly("Statement"));
            for (Map<String, Object> statement : statements(function)) {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                assertThat(actions(statement))
                        .as("%s actions", name)
                        .isNotEmpty()
                        .allSatisfy(action -> assertThat(action).matches("[a-z0-9]+:[A-Za-z]+"));
                assertThat(resources(statement))
                        .as("%s resources", name)
                        .isNotEmpty()
                        .allSatisfy(resource -> {
                            assertThat(resource).as(name).isNotEqualTo("*").isInstanceOf(Map.class);
                            String referenced = referencedResource(asMap(resource));
                            assertThat(referenced.equals("glue-catalog") || logicalIds.contains(referenced))
                                    .as("%s: %s is a resource of this stack", name, resource)
                                    .isTrue();
                        });
            }
        });
    }

    /**
     * The API presigns uploads under three prefixes and HEADs what a request cites before counting it: without
     * s3:GetObject the HEAD is refused, and without s3:ListBucket a key nobody uploaded is a 403 instead of a 404.
     */
    @Test
    void theApiMayUploadToAndLookAtEveryPrefixItPresignsFor() {
        List<Map<String, Object>> statements = statements(functions().get("ApiFunction"));
        for (String prefix : List.of("attachments", "receipts", "resources/projects")) {
            Map<String, Object> objects = Map.of("Fn::Sub", "${AttachmentsBucket.Arn}/" + prefix + "/*");
            assertThat(statements).as(prefix).anySatisfy(statement -> {
                assertThat(actions(statement)).contains("s3:PutObject", "s3:GetObject");
                assertThat(resources(statement)).contains(objects);
            });
        }
        assertThat(statements).anySatisfy(statement -> {
            assertThat(actions(statement)).containsExactly("s3:ListBucket");
            assertThat(resources(statement)).containsExactly(Map.of("Fn::GetAtt", "AttachmentsBucket.Arn"));
        });
    }

    /**
     * A read-only function reads: the table, the lake and the catalog only through reading actions; its one write is
     * Athena's query results into the results bucket, which Athena needs to answer at all.
     */
    @Test
    void readOnlyFunctionsHaveReadOnlyPolicies() {
        assertThat(functions().keySet()).containsAll(READ_ONLY_FUNCTIONS);
        for (String name : READ_ONLY_FUNCTIONS) {
            for (Map<String, Object> statement : statements(functions().get(name))) {
                for (String action : actions(statement)) {
                    if (READING_ACTION.matcher(action).matches() || action.equals("athena:StartQueryExecution")) {
                        continue;
                    }
                    assertThat(action)
                            .as("%s writes only Athena's results", name)
                            .isEqualTo("s3:PutObject");
                    assertThat(resources(statement))
                            .allSatisfy(resource -> assertThat(referencedResource(asMap(resource)))
                                    .as("%s puts objects only in the Athena results bucket", name)
                                    .isEqualTo("AthenaResultsBucket"));
                }
            }
        }
    }

    @Test
    void everyBucketBlocksPublicAccessAndIsEncrypted() {
        Map<String, Map<String, Object>> buckets = template.resourcesOfType("AWS::S3::Bucket");
        assertThat(buckets).containsKeys("LakeBucket", "AttachmentsBucket", "AthenaResultsBucket");
        buckets.forEach((name, bucket) -> {
            assertThat(map(properties(bucket), "PublicAccessBlockConfiguration"))
                    .as(name)
                    .isEqualTo(Map.of(
                            "BlockPublicAcls",
                            true,
                            "BlockPublicPolicy",
                            true,
                            "IgnorePublicAcls",
                            true,
                            "RestrictPublicBuckets",
                            true));
            List<Object> encryption =
                    list(map(properties(bucket), "BucketEncryption"), "ServerSideEncryptionConfiguration");
            assertThat(encryption)
                    .as("%s encryption", name)
                    .singleElement()
                    .satisfies(rule -> assertThat(map(asMap(rule), "ServerSideEncryptionByDefault")
                                    .get("SSEAlgorithm"))
                            .isIn("AES256", "aws:kms"));
        });
        assertThat(template.resourcesOfType("AWS::SQS::Queue").values())
                .allSatisfy(queue -> assertThat(properties(queue).get("SqsManagedSseEnabled"))
                        .isEqualTo(true));
    }

    @Test
    void theHttpApiChecksJwtsOnEveryRouteButThePagesAndTheirAssetsAndIsThrottledAndLogged() {
        Map<String, Object> api =
                properties(template.resourcesOfType("AWS::Serverless::HttpApi").get("HttpApi"));
        Map<String, Object> authorizer = map(
                map(map(api, "Auth"), "Authorizers"), (String) map(api, "Auth").get("DefaultAuthorizer"));

        assertThat(map(authorizer, "JwtConfiguration")).containsKeys("issuer", "audience");
        assertThat(authorizer.get("IdentitySource")).isEqualTo("$request.header.Authorization");
        assertThat(map(api, "DefaultRouteSettings")).containsKeys("ThrottlingRateLimit", "ThrottlingBurstLimit");
        assertThat(map(api, "AccessLogSettings").get("DestinationArn"))
                .isEqualTo(Map.of("Fn::GetAtt", "HttpApiAccessLogGroup.Arn"));
        assertThat((String) map(api, "AccessLogSettings").get("Format"))
                .contains("$context.routeKey", "$context.status", "$context.requestId");
        List<String> openRoutes = new ArrayList<>();
        functions()
                .forEach((name, function) -> map(properties(function), "Events").forEach((eventName, event) -> {
                    Map<String, Object> properties = properties(asMap(event));
                    if ("HttpApi".equals(asMap(event).get("Type"))
                            && "NONE".equals(map(properties, "Auth").get("Authorizer"))) {
                        openRoutes.add(properties.get("Method") + " " + properties.get("Path"));
                    }
                }));
        // The dashboard page, the API's description and their static assets hold no data; every answer with data needs
        // a token.
        assertThat(openRoutes)
                .as("routes without the JWT authorizer")
                .containsExactlyInAnyOrder(
                        "GET /",
                        "GET /dashboard-assets/{proxy+}",
                        "GET /v1/openapi",
                        "GET /v1/docs",
                        "GET /v1/docs/{proxy+}");
    }

    @Test
    void alarmsWatchTheStreamTheDeadLetterQueueAndEveryFunction() {
        Map<String, Map<String, Object>> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");

        assertThat(alarms.values())
                .anySatisfy(alarm -> assertThat(properties(alarm))
                        .containsEntry("MetricName", "IteratorAge")
                        .containsEntry(
                                "Dimensions",
                                List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", "LakeWriterFunction")))));
        assertThat(alarms.values())
                .anySatisfy(alarm -> assertThat(properties(alarm))
                        .containsEntry("Namespace", "AWS/SQS")
                        .containsEntry(
                                "Dimensions",
                                List.of(Map.of(
                                        "Name",
                                        "QueueName",
                                        "Value",
                                        Map.of("Fn::GetAtt", "LakeDeadLetterQueue.QueueName")))));
        for (String function : functions().keySet()) {
            assertThat(alarms.values())
                    .as("an errors alarm for %s", function)
                    .anySatisfy(alarm -> assertThat(properties(alarm))
                            .containsEntry("MetricName", "Errors")
                            .containsEntry(
                                    "Dimensions",
                                    List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", function)))));
        }
        assertThat(alarms.values())
                .allSatisfy(alarm -> assertThat(properties(alarm).get("AlarmActions"))
                        .isEqualTo(Map.of(
                                "Fn::If",
                                List.of(
                                        "HasAlarmTopic",
                                        List.of(Map.of("Ref", "AlarmTopicArn")),
                                        Map.of("Ref", "AWS::NoValue")))));
    }

    private static Map<String, Map<String, Object>> functions() {
        return template.resourcesOfType(FUNCTION);
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource, "Properties");
    }

    private static Path zipOf(Map<String, Object> function) {
        return PROJECT_ROOT.resolve((String) properties(function).get("CodeUri"));
    }

    private static List<Map<String, Object>> statements(Map<String, Object> function) {
        return list(properties(function), "Policies").stream()
                .flatMap(policy -> list(asMap(policy), "Statement").stream())
                .map(TemplateDocument::asMap)
                .toList();
    }

    private static List<String> actions(Map<String, Object> statement) {
        return statement.get("Action") instanceof List<?> actions
                ? actions.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(statement.get("Action")));
    }

    private static List<Object> resources(Map<String, Object> statement) {
        return statement.get("Resource") instanceof List<?> resources
                ? List.copyOf(resources)
                : List.of(statement.get("Resource"));
    }

    /** The logical id a resource expression names: {@code !GetAtt X.Arn}, {@code !Ref X}, {@code !Sub "${X.Arn}/..."}. */
    private static String referencedResource(Map<String, Object> expression) {
        if (expression.get("Fn::GetAtt") instanceof List<?> attribute) {
            return String.valueOf(attribute.getFirst());
        }
        if (expression.get("Fn::GetAtt") instanceof String attribute) {
            return attribute.substring(0, attribute.indexOf('.'));
        }
        if (expression.get("Ref") instanceof String reference) {
            return reference;
        }
        String text = String.valueOf(expression.get("Fn::Sub"));
        if (text.matches("arn:\\$\\{AWS::Partition}:glue:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:catalog")) {
            return "glue-catalog";
        }
        Matcher variable = Pattern.compile("\\$\\{(\\w+)(\\.\\w+)?}").matcher(text);
        while (variable.find()) {
            if (!variable.group(1).startsWith("AWS")) {
                return variable.group(1);
            }
        }
        return text;
    }

    private static List<String> tagKeys(Object tags) {
        if (tags instanceof List<?> pairs) {
            return pairs.stream()
                    .map(pair -> String.valueOf(asMap(pair).get("Key")))
                    .toList();
        }
        return List.copyOf(asMap(tags).keySet());
    }

    private static boolean containsClass(Path zip, String classFile) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (archive.getEntry(classFile) != null) {
                return true;
            }
            for (ZipEntry entry : archive.stream()
                    .filter(candidate -> candidate.getName().startsWith("lib/")
                            && candidate.getName().endsWith(".jar"))
                    .toList()) {
                try (InputStream input = archive.getInputStream(entry);
                        ZipInputStream jar = new ZipInputStream(input)) {
                    for (ZipEntry inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getName().equals(classFile)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
