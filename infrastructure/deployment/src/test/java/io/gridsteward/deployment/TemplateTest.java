package io.gridsteward.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static io.gridsteward.deployment.SamTemplate.asMap;
import static io.gridsteward.deployment.SamTemplate.list;
import static io.gridsteward.deployment.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateTest
{
    private static final Path PROJECT_ROOT = Path.of(Objects.requireNonNullElse(System.getProperty("project.root"), "../.."));

    private static SamTemplate template;

    @BeforeAll
    static void loadTemplate()
            throws IOException
    {
        template = SamTemplate.load(PROJECT_ROOT.resolve("template.yaml"));
    }

    @Test
    void declaresEveryFunctionOfTheBuild()
    {
        assertThat(template.resourcesOfType("AWS::Serverless::Function").keySet())
                .containsExactlyInAnyOrder("ApiFunction", "LakeWriterFunction", "DashboardFunction", "SlaSweeperFunction",
                        "LakeMaintenanceFunction");
    }

    @Test
    void everyFunctionsCodeLocationIsABuiltZipThatContainsItsHandlerClass()
            throws IOException
    {
        for (Map.Entry<String, Map<String, Object>> function : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> properties = map(function.getValue(), "Properties");
            Path zip = PROJECT_ROOT.resolve((String) properties.get("CodeUri"));
            String handler = (String) properties.getOrDefault("Handler", template.globalFunctionProperties().get("Handler"));

            assertThat(zip).as("%s's CodeUri (build the project first)", function.getKey()).isRegularFile();
            assertThat(handler).as("%s's handler", function.getKey()).matches("[\\w.$]+::\\w+");
            String handlerClass = handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".class";
            assertThat(containsClass(zip, handlerClass)).as("%s contains %s", zip, handlerClass).isTrue();
        }
    }

    @Test
    void functionsRunOnTheJava21RuntimeWithSnapStart()
    {
        Map<String, Object> globals = template.globalFunctionProperties();
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(map(globals, "SnapStart").get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals).containsKey("AutoPublishAlias");
    }

    @Test
    void tableMatchesTheContractOfTheStoreAndTheLakeWriter()
    {
        Map<String, Object> table = map(template.resourcesOfType("AWS::DynamoDB::Table").get("Table"), "Properties");

        assertThat(list(table, "KeySchema")).containsExactly(
                Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE"));
        assertThat(list(table, "GlobalSecondaryIndexes")).extracting(index -> asMap(index).get("IndexName"))
                .containsExactly("gsi1", "gsi2", "gsi3", "gsi4");
        assertThat(map(table, "StreamSpecification").get("StreamViewType")).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(map(table, "TimeToLiveSpecification").get("AttributeName")).isEqualTo("expiresAt");
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void lakeWriterReportsPartialBatchFailuresAndGivesUpToADestination()
    {
        Map<String, Object> stream = map(map(map(map(template.resourcesOfType("AWS::Serverless::Function").get("LakeWriterFunction"),
                "Properties"), "Events"), "TableStream"), "Properties");

        assertThat(list(stream, "FunctionResponseTypes")).containsExactly("ReportBatchItemFailures");
        assertThat(stream.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat((Integer) stream.get("MaximumRetryAttempts")).isBetween(0, 10);
        assertThat(map(map(stream, "DestinationConfig"), "OnFailure")).containsKey("Destination");
    }

    @Test
    void theSlaSweeperRunsEveryFiveMinutes()
    {
        Map<String, Object> schedule = map(map(map(map(template.resourcesOfType("AWS::Serverless::Function").get("SlaSweeperFunction"),
                "Properties"), "Events"), "EveryFiveMinutes"), "Properties");

        assertThat(schedule.get("Schedule")).isEqualTo("rate(5 minutes)");
    }

    @Test
    void noFunctionHasWildcardActionsOrResources()
    {
        for (Map.Entry<String, Map<String, Object>> function : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            for (Object policy : list(map(function.getValue(), "Properties"), "Policies")) {
                for (Object statement : list(asMap(policy), "Statement")) {
                    Map<String, Object> body = asMap(statement);
                    assertThat(String.valueOf(body.get("Action"))).as("%s action", function.getKey()).doesNotContain("*");
                    assertThat(body.get("Resource")).as("%s resource", function.getKey()).isNotEqualTo("*");
                }
            }
        }
    }

    private static boolean containsClass(Path zip, String classFile)
            throws IOException
    {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (archive.getEntry(classFile) != null) {
                return true;
            }
            for (ZipEntry entry : archive.stream().filter(candidate -> candidate.getName().startsWith("lib/") && candidate.getName().endsWith(".jar")).toList()) {
                try (InputStream input = archive.getInputStream(entry); ZipInputStream jar = new ZipInputStream(input)) {
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
