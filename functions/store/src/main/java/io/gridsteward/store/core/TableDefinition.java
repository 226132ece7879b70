package io.gridsteward.store.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table of docs/contracts.md as a CreateTable request, for tests and local tools; in AWS, template.yaml
 * creates it. The TTL on {@code expiresAt} is a separate UpdateTimeToLive call.
 */
public final class TableDefinition {

    public static final String DEFAULT_TABLE_NAME = "grid-steward";
    public static final String TIME_TO_LIVE_ATTRIBUTE = "expiresAt";

    private TableDefinition() {}

    /** {@code TABLE_NAME} from the environment, as every function reads it. */
    public static String tableNameFromEnvironment() {
        String name = System.getenv("TABLE_NAME");
        return name == null || name.isBlank() ? DEFAULT_TABLE_NAME : name;
    }

    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions())
                .keySchema(key(Keys.PARTITION, KeyType.HASH), key(Keys.SORT, KeyType.RANGE))
                .globalSecondaryIndexes(Arrays.stream(TableIndex.values())
                        .map(index -> GlobalSecondaryIndex.builder()
                                .indexName(index.indexName())
                                .keySchema(
                                        key(index.partitionAttribute(), KeyType.HASH),
                                        key(index.sortAttribute(), KeyType.RANGE))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.ALL)
                                        .build())
                                .build())
                        .toList())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build())
                .build();
    }

    private static List<AttributeDefinition> attributeDefinitions() {
        List<AttributeDefinition> definitions =
                new ArrayList<>(List.of(stringAttribute(Keys.PARTITION), stringAttribute(Keys.SORT)));
        for (TableIndex index : TableIndex.values()) {
            definitions.add(stringAttribute(index.partitionAttribute()));
            definitions.add(stringAttribute(index.sortAttribute()));
        }
        return definitions;
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
