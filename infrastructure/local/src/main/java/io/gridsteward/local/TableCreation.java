package io.gridsteward.local;

import io.gridsteward.local.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The template's table on the emulator, created once: a data directory that has it keeps it. */
public final class TableCreation {

    private TableCreation() {}

    public static void createIfMissing(
            DynamoDbClient dynamoDb, SamTemplate.TableSpecification table, String tableName) {
        try {
            dynamoDb.describeTable(request -> request.tableName(tableName));
            return;
        } catch (ResourceNotFoundException missing) {
            dynamoDb.createTable(
                    table.request().toBuilder().tableName(tableName).build());
        }
        table.timeToLiveAttribute()
                .ifPresent(attribute -> dynamoDb.updateTimeToLive(request -> request.tableName(tableName)
                        .timeToLiveSpecification(specification ->
                                specification.attributeName(attribute).enabled(true))));
    }
}
