package io.gridsteward.dynamodb.emulator.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

/** Tables and items the conformance tests share: the project's table shape (pk/sk, GSI gsi1, NEW_AND_OLD_IMAGES stream). */
final class Fixtures {
    private static final AtomicInteger TABLES = new AtomicInteger();
    /** Keeps names apart between runs against one external endpoint. */
    private static final String RUN =
            Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));

    private Fixtures() {}

    static String uniqueTableName(String prefix) {
        return prefix + "-" + RUN + "-" + TABLES.incrementAndGet();
    }

    /** pk (S, hash), sk (S, range), GSI gsi1 on gsi1pk/gsi1sk with projection ALL, stream NEW_AND_OLD_IMAGES, on demand. */
    static String createProjectTable(DynamoDbClient client, String prefix) {
        String name = uniqueTableName(prefix);
        client.createTable(CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S),
                        attribute("sk", ScalarAttributeType.S),
                        attribute("gsi1pk", ScalarAttributeType.S),
                        attribute("gsi1sk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("gsi1")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                        .build())
                .build());
        return name;
    }

    /** A hash-only table keyed by id (S), no stream. */
    static String createSimpleTable(DynamoDbClient client, String prefix) {
        String name = uniqueTableName(prefix);
        client.createTable(CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build());
        return name;
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** The SDK has no class of its own for ValidationException: it is a DynamoDbException with that error code. */
    static void isValidationError(Throwable thrown) {
        org.assertj.core.api.Assertions.assertThat(thrown)
                .isExactlyInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
        software.amazon.awssdk.services.dynamodb.model.DynamoDbException error =
                (software.amazon.awssdk.services.dynamodb.model.DynamoDbException) thrown;
        org.assertj.core.api.Assertions.assertThat(error.awsErrorDetails().errorCode())
                .isEqualTo("ValidationException");
        org.assertj.core.api.Assertions.assertThat(error.statusCode()).isEqualTo(400);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** An item from alternating names and values; values are Strings (S) or AttributeValues. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            Object value = namesAndValues[index + 1];
            item.put(
                    (String) namesAndValues[index],
                    value instanceof AttributeValue attribute ? attribute : s((String) value));
        }
        return item;
    }
}
