package io.gridsteward.dynamodb.emulator.conformance;

import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.attribute;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.item;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.key;
import static io.gridsteward.dynamodb.emulator.conformance.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridsteward.dynamodb.emulator.junit.DynamoDbEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable, UpdateTimeToLive, DescribeTimeToLive. */
class ControlPlaneTest {
    @RegisterExtension
    final DynamoDbEmulatorExtension emulator = new DynamoDbEmulatorExtension();

    @Test
    void createdTableIsDescribedActiveWithItsIndexesAndStream() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createProjectTable(client, "described");
        client.putItem(
                request -> request.tableName(name).item(item("pk", "a", "sk", "1", "gsi1pk", "g", "gsi1sk", "1")));
        client.putItem(request -> request.tableName(name).item(item("pk", "a", "sk", "2")));

        TableDescription table =
                client.describeTable(request -> request.tableName(name)).table();

        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).containsExactly(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
        assertThat(table.itemCount()).isEqualTo(2);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("gsi1");
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index.itemCount()).isEqualTo(1);
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn())
                .startsWith("arn:aws:dynamodb:us-east-1:")
                .contains(":table/" + name + "/stream/");
        assertThat(table.latestStreamLabel()).isNotBlank();
        assertThat(table.tableArn()).endsWith(":table/" + name);
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createSimpleTable(client, "twice");

        assertThatThrownBy(() -> client.createTable(request -> request.tableName(name)
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                        .keySchema(key("id", KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void attributeDefinitionsMustMatchTheKeys() {
        DynamoDbClient client = emulator.dynamoDbClient();

        assertThatThrownBy(() -> client.createTable(request -> request.tableName(
                                Fixtures.uniqueTableName("unused-definition"))
                        .attributeDefinitions(
                                attribute("id", ScalarAttributeType.S), attribute("other", ScalarAttributeType.S))
                        .keySchema(key("id", KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() ->
                        client.createTable(request -> request.tableName(Fixtures.uniqueTableName("missing-definition"))
                                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                                .keySchema(key("id", KeyType.HASH), key("sort", KeyType.RANGE))
                                .billingMode(BillingMode.PAY_PER_REQUEST)))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("sort");
    }

    @Test
    void provisionedTablesNeedThroughput() {
        DynamoDbClient client = emulator.dynamoDbClient();

        assertThatThrownBy(() ->
                        client.createTable(request -> request.tableName(Fixtures.uniqueTableName("no-throughput"))
                                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                                .keySchema(key("id", KeyType.HASH))))
                .satisfies(Fixtures::isValidationError);

        String provisioned = Fixtures.uniqueTableName("provisioned");
        client.createTable(request -> request.tableName(provisioned)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .provisionedThroughput(ProvisionedThroughput.builder()
                        .readCapacityUnits(5L)
                        .writeCapacityUnits(5L)
                        .build()));
        assertThat(client.describeTable(request -> request.tableName(provisioned))
                        .table()
                        .provisionedThroughput()
                        .readCapacityUnits())
                .isEqualTo(5L);
    }

    @Test
    void localSecondaryIndexesShareTheHashKey() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String withLocalIndex = Fixtures.uniqueTableName("with-lsi");
        client.createTable(request -> request.tableName(withLocalIndex)
                .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S),
                        attribute("sk", ScalarAttributeType.S),
                        attribute("rank", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("by-rank")
                        .keySchema(key("pk", KeyType.HASH), key("rank", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST));

        assertThat(client.describeTable(request -> request.tableName(withLocalIndex))
                        .table()
                        .localSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-rank"));
        assertThatThrownBy(() -> client.createTable(request -> request.tableName(Fixtures.uniqueTableName("bad-lsi"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S),
                                attribute("sk", ScalarAttributeType.S),
                                attribute("other", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder()
                                .indexName("wrong-hash")
                                .keySchema(key("other", KeyType.HASH), key("sk", KeyType.RANGE))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.ALL)
                                        .build())
                                .build())
                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .satisfies(Fixtures::isValidationError);
    }

    @Test
    void listTablesPagesThroughNamesInOrder() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String prefix = Fixtures.uniqueTableName("list");
        for (String name : List.of(prefix + "-c", prefix + "-a", prefix + "-b")) {
            client.createTable(request -> request.tableName(name)
                    .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                    .keySchema(key("id", KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page =
                    client.listTables(request -> request.limit(2).exclusiveStartTableName(from));
            names.addAll(page.tableNames());
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
            start = page.lastEvaluatedTableName();
        } while (start != null);

        assertThat(names)
                .filteredOn(name -> name.startsWith(prefix))
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
        assertThat(client.listTablesPaginator(request -> request.limit(1)).tableNames())
                .filteredOn(name -> name.startsWith(prefix))
                .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
    }

    @Test
    void deletedTableIsGone() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createSimpleTable(client, "deleted");

        assertThat(client.deleteTable(request -> request.tableName(name))
                        .tableDescription()
                        .tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> client.describeTable(request -> request.tableName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.deleteTable(request -> request.tableName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void addedGlobalIndexIsBackfilled() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createSimpleTable(client, "backfill");
        client.putItem(request -> request.tableName(name).item(item("id", "1", "colour", "red")));
        client.putItem(request -> request.tableName(name).item(item("id", "2", "colour", "blue")));
        client.putItem(request -> request.tableName(name).item(item("id", "3")));

        client.updateTable(request -> request.tableName(name)
                .attributeDefinitions(attribute("colour", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(update -> update.create(CreateGlobalSecondaryIndexAction.builder()
                        .indexName("by-colour")
                        .keySchema(key("colour", KeyType.HASH))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build())));

        assertThat(client.describeTable(request -> request.tableName(name))
                        .table()
                        .globalSecondaryIndexes())
                .singleElement()
                .satisfies(index -> assertThat(index.itemCount()).isEqualTo(2));
        assertThat(client.query(request -> request.tableName(name)
                                .indexName("by-colour")
                                .keyConditionExpression("colour = :colour")
                                .expressionAttributeValues(java.util.Map.of(":colour", s("red"))))
                        .items())
                .singleElement()
                .satisfies(found -> assertThat(found).containsEntry("id", s("1")));
    }

    @Test
    void deletedGlobalIndexCanNoLongerBeQueried() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createProjectTable(client, "drop-index");

        client.updateTable(request -> request.tableName(name)
                .globalSecondaryIndexUpdates(update -> update.delete(delete -> delete.indexName("gsi1"))));

        assertThat(client.describeTable(request -> request.tableName(name))
                        .table()
                        .hasGlobalSecondaryIndexes())
                .isFalse();
        assertThatThrownBy(() -> client.query(request -> request.tableName(name)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :v")
                        .expressionAttributeValues(java.util.Map.of(":v", s("x")))))
                .satisfies(Fixtures::isValidationError);
        assertThatThrownBy(() -> client.updateTable(request -> request.tableName(name)
                        .globalSecondaryIndexUpdates(update -> update.delete(delete -> delete.indexName("gsi1")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unsupportedCreateTableParametersAreNamed() {
        DynamoDbClient client = emulator.dynamoDbClient();

        assertThatThrownBy(() -> client.createTable(request -> request.tableName(Fixtures.uniqueTableName("tagged"))
                        .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                        .keySchema(key("id", KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .sseSpecification(encryption -> encryption.enabled(true))))
                .satisfies(Fixtures::isValidationError)
                .hasMessageContaining("SSESpecification");
    }

    @Test
    void enablingAStreamAgainGivesANewArn() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createProjectTable(client, "restream");
        String first =
                client.describeTable(request -> request.tableName(name)).table().latestStreamArn();

        client.updateTable(
                request -> request.tableName(name).streamSpecification(stream -> stream.streamEnabled(false)));
        TableDescription disabled =
                client.describeTable(request -> request.tableName(name)).table();
        assertThat(disabled.streamSpecification()).isNull();
        assertThatThrownBy(() -> client.updateTable(
                        request -> request.tableName(name).streamSpecification(stream -> stream.streamEnabled(false))))
                .satisfies(Fixtures::isValidationError);

        client.updateTable(request -> request.tableName(name)
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        TableDescription enabled =
                client.describeTable(request -> request.tableName(name)).table();

        assertThat(enabled.latestStreamArn()).isNotEqualTo(first);
        assertThat(enabled.streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThatThrownBy(() -> client.updateTable(request -> request.tableName(name)
                        .streamSpecification(
                                stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))))
                .satisfies(Fixtures::isValidationError);
    }

    @Test
    void timeToLiveIsEnabledAndDescribed() {
        DynamoDbClient client = emulator.dynamoDbClient();
        String name = Fixtures.createSimpleTable(client, "ttl");

        assertThat(client.describeTimeToLive(request -> request.tableName(name))
                        .timeToLiveDescription()
                        .timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        client.updateTimeToLive(request -> request.tableName(name)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("expiresAt")));

        assertThat(client.describeTimeToLive(request -> request.tableName(name)).timeToLiveDescription())
                .satisfies(description -> {
                    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(description.attributeName()).isEqualTo("expiresAt");
                });
        assertThatThrownBy(() -> client.updateTimeToLive(request -> request.tableName(name)
                        .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("expiresAt"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("already enabled");
    }
}
