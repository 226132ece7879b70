package io.gridsteward.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class SamTemplateTest {
    /** Surefire runs in the module directory; the template is at the repository root. */
    private static final Path REPOSITORY_TEMPLATE = Path.of("../../template.yaml");

    @Test
    void theRepositoryTemplatesTableIsTheContractsTable() throws Exception {
        SamTemplate.TableSpecification table =
                SamTemplate.load(REPOSITORY_TEMPLATE).table();
        CreateTableRequest request = table.request();

        assertThat(request.keySchema())
                .extracting(key -> key.attributeName() + " " + key.keyTypeAsString())
                .containsExactly("pk HASH", "sk RANGE");
        GlobalSecondaryIndex indexOne = request.globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals("gsi1"))
                .findFirst()
                .orElseThrow();
        assertThat(indexOne.keySchema())
                .extracting(KeySchemaElement::attributeName)
                .containsExactly("gsi1pk", "gsi1sk");
        assertThat(request.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.timeToLiveAttribute()).contains("expiresAt");
    }

    @Test
    void theRepositoryTemplatesFunctionsAreTheContractsFunctions() throws Exception {
        List<SamTemplate.FunctionSpecification> functions =
                SamTemplate.load(REPOSITORY_TEMPLATE).functions();

        assertThat(functions)
                .extracting(SamTemplate.FunctionSpecification::name)
                .doesNotHaveDuplicates()
                .contains("api", "lake-writer", "dashboard", "jobs", "jobs-auto-check-out", "jobs-claim-expiry");
        assertThat(functions).allSatisfy(function -> {
            assertThat(function.handler())
                    .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            String module = SamTemplate.moduleName(function.codeUri());
            assertThat(function.codeUri()).isEqualTo("functions/" + module + "/target/function.zip");
            assertThat(function.name())
                    .isEqualTo(
                            function.environment().containsKey("QUARKUS_LAMBDA_HANDLER")
                                    ? module + "-" + function.environment().get("QUARKUS_LAMBDA_HANDLER")
                                    : module);
        });
        assertThat(functions)
                .filteredOn(function -> function.name().equals("dashboard"))
                .singleElement()
                .extracting(SamTemplate.FunctionSpecification::routes)
                .asInstanceOf(LIST)
                .containsExactlyInAnyOrder(
                        new SamTemplate.HttpRoute("GET", "/", false),
                        new SamTemplate.HttpRoute("GET", "/dashboard-assets/{proxy+}", false),
                        new SamTemplate.HttpRoute("ANY", "/v1/dashboards/{proxy+}", true));
        assertThat(functions)
                .filteredOn(function -> function.name().equals("api"))
                .singleElement()
                .extracting(SamTemplate.FunctionSpecification::routes)
                .asInstanceOf(LIST)
                .containsExactlyInAnyOrder(
                        new SamTemplate.HttpRoute("ANY", "/v1/{proxy+}", true),
                        new SamTemplate.HttpRoute("GET", "/v1/openapi", false),
                        new SamTemplate.HttpRoute("GET", "/v1/docs", false),
                        new SamTemplate.HttpRoute("GET", "/v1/docs/{proxy+}", false));
        SamTemplate.FunctionSpecification lakeWriter = functions.stream()
                .filter(function -> function.name().equals("lake-writer"))
                .findFirst()
                .orElseThrow();
        assertThat(functions.stream().filter(function -> function.name().equals("api")))
                .singleElement()
                .satisfies(api -> assertThat(api.reservedConcurrency())
                        .hasValueSatisfying(limit -> assertThat(limit).isGreaterThan(1)));
        assertThat(lakeWriter.streamMapping()).hasValueSatisfying(mapping -> {
            assertThat(mapping.reportBatchItemFailures()).isTrue();
            assertThat(mapping.bisectOnFunctionError()).isTrue();
            assertThat(mapping.maximumRetryAttempts()).isPositive();
        });
    }

    @Test
    void intrinsicsOfEveryShapeAreKeptAndGlobalsApply(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Parameters:
                  Zone:
                    Type: String
                    Default: Asia/Shanghai
                Globals:
                  Function:
                    Timeout: 30
                    MemorySize: 512
                    Handler: example.Handler::handleRequest
                    Environment:
                      Variables:
                        TABLE_NAME: !Ref Table
                        ZONE: !Ref Zone
                        PLAIN: value
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "t-${Stage}"
                      AttributeDefinitions:
                        - {AttributeName: id, AttributeType: S}
                      KeySchema:
                        - {AttributeName: id, KeyType: HASH}
                  Writer:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/writer/target/function.zip
                      Timeout: 120
                      ReservedConcurrentExecutions: 3
                      Environment:
                        Variables:
                          PLAIN: overridden
                      Events:
                        Stream:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Table.StreamArn
                            BatchSize: 10
                            MaximumBatchingWindowInSeconds: 2
                            MaximumRetryAttempts: 3
                        Sweep:
                          Type: Schedule
                          Properties:
                            Schedule: rate(5 minutes)
                      Policies: !If [Something, [!Ref A], !Ref AWS::NoValue]
                """);

        SamTemplate template = SamTemplate.load(file);
        SamTemplate.FunctionSpecification writer = template.functions().getFirst();

        assertThat(template.table().request().keySchema()).hasSize(1);
        assertThat(template.table().request().streamSpecification()).isNull();
        assertThat(template.table().timeToLiveAttribute()).isEmpty();
        assertThat(template.parameterDefault("Zone")).contains("Asia/Shanghai");
        assertThat(writer.name()).isEqualTo("writer");
        assertThat(writer.handler()).isEqualTo("example.Handler::handleRequest");
        assertThat(writer.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(writer.memoryMegabytes()).isEqualTo(512);
        assertThat(writer.reservedConcurrency()).contains(3);
        assertThat(writer.environment())
                .containsEntry("PLAIN", "overridden")
                .containsEntry("TABLE_NAME", new SamTemplate.Intrinsic("!Ref", "Table"));
        assertThat(writer.schedules())
                .containsExactly(new SamTemplate.ScheduleEvent("Writer-Sweep", "rate(5 minutes)", Optional.empty()));
        assertThat(writer.streamMapping())
                .contains(new SamTemplate.StreamMapping(10, Duration.ofSeconds(2), false, 3, false, List.of()));
    }
}
