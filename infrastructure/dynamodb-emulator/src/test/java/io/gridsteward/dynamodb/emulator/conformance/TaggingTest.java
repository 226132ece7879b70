package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.attribute;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Tags on tables (Tags on CreateTable, TagResource, UntagResource, ListTagsOfResource), by the developer guide's tagging rules. */
class TaggingTest {
    @RegisterExtension
    static final DynamoDbEmulatorExtension EMULATOR = new DynamoDbEmulatorExtension();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static String arn(DynamoDbClient client, String table) {
        return client.describeTable(request -> request.tableName(table)).table().tableArn();
    }

    @Test
    void tagsGivenAtCreationAreListedAndCanBeChanged() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.uniqueTableName("tagged");
        client.createTable(request -> request.tableName(table)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .tags(tag("project", "grid-steward"), tag("owner", "")));
        String arn = arn(client, table);

        assertThat(client.listTagsOfResource(request -> request.resourceArn(arn))
                        .tags())
                .containsExactlyInAnyOrder(tag("project", "grid-steward"), tag("owner", ""));

        client.tagResource(request -> request.resourceArn(arn).tags(tag("owner", "town office"), tag("stage", "test")));
        client.untagResource(request -> request.resourceArn(arn).tagKeys("project", "never-set"));

        assertThat(client.listTagsOfResource(request -> request.resourceArn(arn))
                        .tags())
                .containsExactlyInAnyOrder(tag("owner", "town office"), tag("stage", "test"));
    }

    @Test
    void tagsBreakingTheRulesAreRefusedAndChangeNothing() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createSimpleTable(client, "tag-rules");
        String arn = arn(client, table);
        client.tagResource(request -> request.resourceArn(arn)
                .tags(IntStream.range(0, 50)
                        .mapToObj(number -> tag("k" + number, "v"))
                        .toList()));

        assertThatThrownBy(() ->
                        client.tagResource(request -> request.resourceArn(arn).tags(tag("one-too-many", "v"))))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() ->
                        client.tagResource(request -> request.resourceArn(arn).tags(tag("x".repeat(129), "v"))))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() ->
                        client.tagResource(request -> request.resourceArn(arn).tags(tag("k0", "v".repeat(257)))))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() ->
                        client.tagResource(request -> request.resourceArn(arn).tags(tag("k0", "hi!"))))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() ->
                        client.tagResource(request -> request.resourceArn(arn).tags(List.of())))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> client.createTable(request -> request.tableName(Fixtures.uniqueTableName("too-many"))
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                        .keySchema(key("id", KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .tags(IntStream.range(0, 51)
                                .mapToObj(number -> tag("k" + number, "v"))
                                .toList())))
                .satisfies(Fixtures::isValidationError);

        assertThat(client.listTagsOfResource(request -> request.resourceArn(arn))
                        .tags())
                .hasSize(50)
                .contains(tag("k0", "v"));
    }

    @Test
    void onlyATablesOwnArnCarriesTags() {
        DynamoDbClient client = EMULATOR.dynamoDbClient();
        String table = Fixtures.createProjectTable(client, "tag-arns");
        String arn = arn(client, table);
        String indexArn = client.describeTable(request -> request.tableName(table))
                .table()
                .globalSecondaryIndexes()
                .get(0)
                .indexArn();

        assertThatThrownBy(() -> client.listTagsOfResource(request -> request.resourceArn(indexArn)))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("Invalid ResourceArn");
        assertThatThrownBy(() -> client.tagResource(
                        request -> request.resourceArn("not-an-arn").tags(tag("a", "b"))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("ARNs must start with 'arn:'");
        assertThatThrownBy(() -> client.tagResource(
                        request -> request.resourceArn(arn + "x").tags(tag("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
