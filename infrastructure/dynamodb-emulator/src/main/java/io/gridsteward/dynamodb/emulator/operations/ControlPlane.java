package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.Database;
import io.gridsteward.dynamodb.emulator.storage.IndexDefinition;
import io.gridsteward.dynamodb.emulator.storage.TableData;
import io.gridsteward.dynamodb.emulator.storage.TableMetadata;
import io.gridsteward.dynamodb.emulator.stream.StreamMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTable, UpdateTimeToLive and DescribeTimeToLive. */
public final class ControlPlane {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Set<String> VIEW_TYPES = Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "KEYS_ONLY", "INCLUDE");
    private static final Set<String> BILLING_MODES = Set.of("PROVISIONED", "PAY_PER_REQUEST");

    private final Database database;

    public ControlPlane(Database database) {
        this.database = database;
    }

    public ObjectNode createTable(JsonNode request) {
        Parameters parameters = Parameters.of(
                request,
                "CreateTable",
                Set.of(
                        "TableName",
                        "KeySchema",
                        "AttributeDefinitions",
                        "GlobalSecondaryIndexes",
                        "LocalSecondaryIndexes",
                        "BillingMode",
                        "ProvisionedThroughput",
                        "StreamSpecification",
                        "Tags",
                        "SSESpecification"));
        Parameters encryption = parameters.object("SSESpecification", Set.of("Enabled", "SSEType", "KMSMasterKeyId"));
        if (encryption != null && encryption.bool("Enabled").orElse(false)) {
            throw ApiException.validation(
                    "The parameter SSESpecification with Enabled true is not supported by this emulator (CreateTable)");
        }
        String name = tableName(parameters);
        Map<String, String> tags = parameters.has("Tags") ? Tagging.tags(parameters.node("Tags")) : Map.of();
        Map<String, String> attributeTypes = attributeDefinitions(parameters.node("AttributeDefinitions"));
        List<String> keySchema = keySchema(parameters.node("KeySchema"), "KeySchema", true);
        String billingMode = parameters.choice("BillingMode", "PROVISIONED", BILLING_MODES);
        long[] throughput = throughput(parameters.node("ProvisionedThroughput"), billingMode, "table");
        String hashKey = keySchema.get(0);
        String rangeKey = keySchema.size() > 1 ? keySchema.get(1) : null;
        List<IndexDefinition> indexes = new ArrayList<>();
        JsonNode globalIndexes = parameters.node("GlobalSecondaryIndexes");
        if (globalIndexes != null) {
            requireNonEmptyArray(globalIndexes, "GlobalSecondaryIndexes");
            for (JsonNode index : globalIndexes) {
                indexes.add(index(index, true, billingMode, hashKey, rangeKey));
            }
        }
        JsonNode localIndexes = parameters.node("LocalSecondaryIndexes");
        if (localIndexes != null) {
            requireNonEmptyArray(localIndexes, "LocalSecondaryIndexes");
            for (JsonNode index : localIndexes) {
                indexes.add(index(index, false, billingMode, hashKey, rangeKey));
            }
        }
        Set<String> indexNames = new LinkedHashSet<>();
        for (IndexDefinition index : indexes) {
            if (!indexNames.add(index.name())) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Duplicate index name: " + index.name());
            }
        }
        checkAttributeDefinitions(attributeTypes, keyAttributes(hashKey, rangeKey, indexes), true);
        String viewType = streamSpecification(parameters.node("StreamSpecification"));
        return database.write(() -> {
            if (database.findTable(name).isPresent()) {
                throw ApiException.resourceInUse("Table already exists: " + name);
            }
            TableMetadata definition = new TableMetadata(
                    name,
                    UUID.randomUUID().toString(),
                    database.nowMillis(),
                    attributeTypes,
                    hashKey,
                    rangeKey,
                    indexes,
                    billingMode,
                    throughput[0],
                    throughput[1],
                    null,
                    null,
                    null,
                    null,
                    false,
                    tags);
            if (viewType != null) {
                StreamMetadata stream = database.newStream(definition, viewType);
                database.putStream(stream);
                definition = definition.withStream(viewType, stream.arn(), stream.label());
            }
            database.putDefinition(definition);
            ObjectNode response = Json.object();
            response.set("TableDescription", describe(database.table(name), "ACTIVE"));
            return response;
        });
    }

    public ObjectNode describeTable(JsonNode request) {
        Parameters parameters = Parameters.of(request, "DescribeTable", Set.of("TableName"));
        String name = parameters.requiredString("TableName");
        return database.read(() -> {
            ObjectNode response = Json.object();
            response.set("Table", describe(database.table(name), "ACTIVE"));
            return response;
        });
    }

    public ObjectNode listTables(JsonNode request) {
        Parameters parameters = Parameters.of(request, "ListTables", Set.of("ExclusiveStartTableName", "Limit"));
        int limit = parameters.integerBetween("Limit", 100, 1, 100);
        String start = parameters.string("ExclusiveStartTableName").orElse(null);
        return database.read(() -> {
            ObjectNode response = Json.object();
            ArrayNode names = response.putArray("TableNames");
            List<String> all = new ArrayList<>();
            database.tables().forEach(table -> all.add(table.definition().name()));
            int count = 0;
            String last = null;
            for (String name : all) {
                if (start != null && name.compareTo(start) <= 0) {
                    continue;
                }
                if (count == limit) {
                    response.put("LastEvaluatedTableName", last);
                    break;
                }
                names.add(name);
                last = name;
                count++;
            }
            return response;
        });
    }

    public ObjectNode deleteTable(JsonNode request) {
        Parameters parameters = Parameters.of(request, "DeleteTable", Set.of("TableName"));
        String name = parameters.requiredString("TableName");
        return database.write(() -> {
            TableData table = database.table(name);
            ObjectNode description = describeDeleted(table);
            if (table.definition().streamEnabled()) {
                database.disableStream(table.definition().latestStreamArn());
            }
            database.dropTable(name);
            ObjectNode response = Json.object();
            response.set("TableDescription", description);
            return response;
        });
    }

    public ObjectNode updateTable(JsonNode request) {
        Parameters parameters = Parameters.of(
                request,
                "UpdateTable",
                Set.of(
                        "TableName",
                        "AttributeDefinitions",
                        "GlobalSecondaryIndexUpdates",
                        "StreamSpecification",
                        "BillingMode",
                        "ProvisionedThroughput"));
        String name = tableName(parameters);
        Map<String, String> newAttributes = parameters.has("AttributeDefinitions")
                ? attributeDefinitions(parameters.node("AttributeDefinitions"))
                : Map.of();
        JsonNode indexUpdates = parameters.node("GlobalSecondaryIndexUpdates");
        JsonNode streamSpecification = parameters.node("StreamSpecification");
        return database.write(() -> {
            TableData table = database.table(name);
            TableMetadata definition = table.definition();
            String billingMode = parameters.choice("BillingMode", definition.billingMode(), BILLING_MODES);
            if (parameters.has("BillingMode") || parameters.has("ProvisionedThroughput")) {
                long[] throughput = parameters.has("ProvisionedThroughput") || billingMode.equals("PAY_PER_REQUEST")
                        ? throughput(parameters.node("ProvisionedThroughput"), billingMode, "table")
                        : new long[] {definition.readCapacity(), definition.writeCapacity()};
                definition = definition.withBilling(billingMode, throughput[0], throughput[1]);
            }
            if (indexUpdates != null) {
                definition = updateIndexes(definition, indexUpdates, newAttributes);
            } else if (!newAttributes.isEmpty()) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: AttributeDefinitions can only be given with a GlobalSecondaryIndexUpdates Create action");
            }
            if (streamSpecification != null) {
                definition = updateStream(definition, streamSpecification);
            }
            database.putDefinition(definition);
            ObjectNode response = Json.object();
            response.set("TableDescription", describe(database.table(name), "ACTIVE"));
            return response;
        });
    }

    private TableMetadata updateIndexes(TableMetadata definition, JsonNode updates, Map<String, String> newAttributes) {
        requireNonEmptyArray(updates, "GlobalSecondaryIndexUpdates");
        List<IndexDefinition> indexes = new ArrayList<>(definition.indexes());
        Map<String, String> attributeTypes = new LinkedHashMap<>(definition.attributeTypes());
        for (Map.Entry<String, String> attribute : newAttributes.entrySet()) {
            String existing = attributeTypes.putIfAbsent(attribute.getKey(), attribute.getValue());
            if (existing != null && !existing.equals(attribute.getValue())) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Cannot change the type of attribute "
                                + attribute.getKey() + " from " + existing + " to " + attribute.getValue());
            }
        }
        for (JsonNode update : updates) {
            Parameters action =
                    Parameters.of(update, "GlobalSecondaryIndexUpdates", Set.of("Create", "Update", "Delete"));
            if (action.has("Create")) {
                IndexDefinition index = index(
                        action.node("Create"),
                        true,
                        definition.billingMode(),
                        definition.hashKey(),
                        definition.rangeKey());
                if (definition.index(index.name()).isPresent()) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Attempting to create an index which already exists");
                }
                indexes.add(index);
            } else if (action.has("Delete")) {
                String indexName = Parameters.of(action.node("Delete"), "Delete", Set.of("IndexName"))
                        .requiredString("IndexName");
                IndexDefinition existing = definition
                        .index(indexName)
                        .filter(IndexDefinition::global)
                        .orElseThrow(() -> ApiException.resourceNotFound(
                                "Requested resource not found: Index: " + indexName + " not found"));
                indexes.remove(existing);
            } else if (action.has("Update")) {
                Parameters change =
                        Parameters.of(action.node("Update"), "Update", Set.of("IndexName", "ProvisionedThroughput"));
                String indexName = change.requiredString("IndexName");
                IndexDefinition existing = definition
                        .index(indexName)
                        .filter(IndexDefinition::global)
                        .orElseThrow(() -> ApiException.resourceNotFound(
                                "Requested resource not found: Index: " + indexName + " not found"));
                long[] throughput = throughput(change.node("ProvisionedThroughput"), definition.billingMode(), "index");
                indexes.set(
                        indexes.indexOf(existing),
                        new IndexDefinition(
                                existing.name(),
                                true,
                                existing.hashKey(),
                                existing.rangeKey(),
                                existing.projectionType(),
                                existing.nonKeyAttributes(),
                                throughput[0],
                                throughput[1]));
            } else {
                throw ApiException.validation(
                        "One or more parameter values were invalid: One of Create, Update or Delete must be given in a GlobalSecondaryIndexUpdate");
            }
        }
        checkAttributeDefinitions(
                attributeTypes, keyAttributes(definition.hashKey(), definition.rangeKey(), indexes), false);
        return definition.withIndexes(indexes, attributeTypes);
    }

    private TableMetadata updateStream(TableMetadata definition, JsonNode specification) {
        String viewType = streamSpecification(specification);
        if (viewType == null) {
            if (!definition.streamEnabled()) {
                throw ApiException.validation("Table already has stream disabled: " + definition.name());
            }
            database.disableStream(definition.latestStreamArn());
            return definition.withStream(null, definition.latestStreamArn(), definition.latestStreamLabel());
        }
        if (definition.streamEnabled()) {
            throw ApiException.validation("Table already has an enabled stream: " + definition.latestStreamArn());
        }
        StreamMetadata stream = database.newStream(definition, viewType);
        database.putStream(stream);
        return definition.withStream(viewType, stream.arn(), stream.label());
    }

    public ObjectNode updateTimeToLive(JsonNode request) {
        Parameters parameters =
                Parameters.of(request, "UpdateTimeToLive", Set.of("TableName", "TimeToLiveSpecification"));
        String name = parameters.requiredString("TableName");
        Parameters specification = parameters.object("TimeToLiveSpecification", Set.of("Enabled", "AttributeName"));
        if (specification == null) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        }
        boolean enabled = specification
                .bool("Enabled")
                .orElseThrow(
                        () -> ApiException.validation(
                                "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null"));
        String attribute = specification.requiredString("AttributeName");
        if (attribute.isEmpty() || attribute.length() > 255) {
            throw ApiException.validation("1 validation error detected: Value '" + attribute
                    + "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length "
                    + (attribute.isEmpty() ? "greater than or equal to 1" : "less than or equal to 255"));
        }
        return database.write(() -> {
            TableMetadata definition = database.table(name).definition();
            if (enabled && definition.ttlEnabled()) {
                throw ApiException.validation("TimeToLive is already enabled");
            }
            if (!enabled && !definition.ttlEnabled()) {
                throw ApiException.validation("TimeToLive is already disabled");
            }
            if (!enabled && !attribute.equals(definition.ttlAttribute())) {
                throw ApiException.validation(
                        "TimeToLive is active on a different AttributeName: current AttributeName is "
                                + definition.ttlAttribute());
            }
            database.putDefinition(definition.withTimeToLive(attribute, enabled));
            ObjectNode response = Json.object();
            response.putObject("TimeToLiveSpecification")
                    .put("Enabled", enabled)
                    .put("AttributeName", attribute);
            return response;
        });
    }

    public ObjectNode describeTimeToLive(JsonNode request) {
        Parameters parameters = Parameters.of(request, "DescribeTimeToLive", Set.of("TableName"));
        String name = parameters.requiredString("TableName");
        return database.read(() -> {
            TableMetadata definition = database.table(name).definition();
            ObjectNode response = Json.object();
            ObjectNode description = response.putObject("TimeToLiveDescription");
            description.put("TimeToLiveStatus", definition.ttlEnabled() ? "ENABLED" : "DISABLED");
            if (definition.ttlEnabled()) {
                description.put("AttributeName", definition.ttlAttribute());
            }
            return response;
        });
    }

    // ---- parsing ----

    private static String tableName(Parameters parameters) {
        String name = parameters.requiredString("TableName");
        checkName(name, "tableName");
        return name;
    }

    private static void checkName(String name, String member) {
        if (!NAME.matcher(name).matches()) {
            throw ApiException.validation(
                    "1 validation error detected: Value '" + name + "' at '" + member
                            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
        }
    }

    private static Map<String, String> attributeDefinitions(JsonNode node) {
        if (node == null) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        }
        requireNonEmptyArray(node, "AttributeDefinitions");
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode definition : node) {
            Parameters attribute =
                    Parameters.of(definition, "AttributeDefinition", Set.of("AttributeName", "AttributeType"));
            String name = attribute.requiredString("AttributeName");
            checkAttributeNameLength(name, "attributeDefinitions.member.attributeName");
            String type = attribute.choice("AttributeType", null, Set.of("S", "N", "B"));
            if (type == null) {
                throw ApiException.validation(
                        "1 validation error detected: Value null at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must not be null");
            }
            if (types.put(name, type) != null) {
                throw ApiException.validation(
                        "Cannot have two attributes with the same name: Duplicate AttributeName in AttributeDefinitions: "
                                + name);
            }
        }
        return types;
    }

    /** Key attribute names are 1 to 255 characters long. */
    private static void checkAttributeNameLength(String name, String member) {
        if (name.isEmpty() || name.length() > 255) {
            throw ApiException.validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length "
                    + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 255"));
        }
    }

    /** Returns the hash key and, if given, the range key. */
    private static List<String> keySchema(JsonNode node, String context, boolean table) {
        if (node == null) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        }
        requireNonEmptyArray(node, context);
        if (node.size() > 2) {
            throw ApiException.validation(
                    "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode element : node) {
            Parameters key = Parameters.of(element, "KeySchemaElement", Set.of("AttributeName", "KeyType"));
            names.add(key.requiredString("AttributeName"));
            checkAttributeNameLength(names.getLast(), "keySchema.member.attributeName");
            types.add(key.choice("KeyType", "", Set.of("HASH", "RANGE")));
        }
        if (!types.get(0).equals("HASH") || (types.size() == 2 && !types.get(1).equals("RANGE"))) {
            throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type"
                    + (table ? "" : " (" + context + ")"));
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw ApiException.validation(
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        return names;
    }

    private static IndexDefinition index(
            JsonNode node, boolean global, String billingMode, String tableHashKey, String tableRangeKey) {
        Parameters index = Parameters.of(
                node,
                global ? "GlobalSecondaryIndex" : "LocalSecondaryIndex",
                global
                        ? Set.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput")
                        : Set.of("IndexName", "KeySchema", "Projection"));
        String name = index.requiredString("IndexName");
        checkName(name, "indexName");
        List<String> keys = keySchema(index.node("KeySchema"), name, false);
        Parameters projection = index.object("Projection", Set.of("ProjectionType", "NonKeyAttributes"));
        if (projection == null) {
            throw ApiException.validation(
                    "1 validation error detected: Value null at 'projection' failed to satisfy constraint: Member must not be null");
        }
        String projectionType = projection.choice("ProjectionType", null, PROJECTION_TYPES);
        if (projectionType == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Unknown ProjectionType: null (index " + name + ")");
        }
        List<String> nonKeyAttributes = new ArrayList<>();
        JsonNode nonKey = projection.node("NonKeyAttributes");
        if (nonKey != null) {
            if (!projectionType.equals("INCLUDE")) {
                throw ApiException.validation("One or more parameter values were invalid: ProjectionType is "
                        + projectionType + ", but NonKeyAttributes is specified");
            }
            for (JsonNode attribute : nonKey) {
                if (!attribute.isTextual()) {
                    throw ApiException.serialization("Expected strings in NonKeyAttributes");
                }
                if (nonKeyAttributes.contains(attribute.textValue())) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Duplicate attribute in NonKeyAttributes: "
                                    + attribute.textValue() + " (index " + name + ")");
                }
                nonKeyAttributes.add(attribute.textValue());
            }
        } else if (projectionType.equals("INCLUDE")) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        String rangeKey = keys.size() > 1 ? keys.get(1) : null;
        Long readCapacity = null;
        Long writeCapacity = null;
        if (global) {
            long[] throughput = throughput(index.node("ProvisionedThroughput"), billingMode, "index " + name);
            if (billingMode.equals("PROVISIONED")) {
                readCapacity = throughput[0];
                writeCapacity = throughput[1];
            }
        } else {
            if (tableRangeKey == null) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            if (!keys.get(0).equals(tableHashKey) || rangeKey == null) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                                + name + ". index hash key: " + keys.get(0) + ", table hash key: " + tableHashKey);
            }
        }
        return new IndexDefinition(
                name, global, keys.get(0), rangeKey, projectionType, nonKeyAttributes, readCapacity, writeCapacity);
    }

    private static long[] throughput(JsonNode node, String billingMode, String what) {
        if (billingMode.equals("PAY_PER_REQUEST")) {
            if (node != null) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (node == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        Parameters throughput =
                Parameters.of(node, "ProvisionedThroughput", Set.of("ReadCapacityUnits", "WriteCapacityUnits"));
        long read = throughput.longInteger("ReadCapacityUnits").orElse(0L);
        long write = throughput.longInteger("WriteCapacityUnits").orElse(0L);
        if (read < 1 || write < 1) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be at least 1 for the "
                            + what);
        }
        return new long[] {read, write};
    }

    /** Returns the view type, or null when the stream is to be disabled. */
    private static String streamSpecification(JsonNode node) {
        if (node == null) {
            return null;
        }
        Parameters specification =
                Parameters.of(node, "StreamSpecification", Set.of("StreamEnabled", "StreamViewType"));
        boolean enabled = specification
                .bool("StreamEnabled")
                .orElseThrow(
                        () -> ApiException.validation(
                                "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null"));
        String viewType = specification.choice("StreamViewType", null, VIEW_TYPES);
        if (enabled && viewType == null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: StreamViewType must be specified when StreamEnabled is true");
        }
        if (!enabled && viewType != null) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
        }
        return enabled ? viewType : null;
    }

    private static Set<String> keyAttributes(String hashKey, String rangeKey, List<IndexDefinition> indexes) {
        Set<String> used = new LinkedHashSet<>();
        used.add(hashKey);
        if (rangeKey != null) {
            used.add(rangeKey);
        }
        for (IndexDefinition index : indexes) {
            used.add(index.hashKey());
            if (index.rangeKey() != null) {
                used.add(index.rangeKey());
            }
        }
        return used;
    }

    private static void checkAttributeDefinitions(Map<String, String> attributeTypes, Set<String> used, boolean exact) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(attributeTypes.keySet());
        if (!missing.isEmpty()) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: "
                            + missing + ", AttributeDefinitions: " + attributeTypes.keySet());
        }
        if (exact && !used.containsAll(attributeTypes.keySet())) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }

    private static void requireNonEmptyArray(JsonNode node, String name) {
        if (!node.isArray()) {
            throw ApiException.serialization("Expected a list for " + name);
        }
        if (node.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value '[]' at '" + name
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
    }

    // ---- descriptions ----

    /** DeleteTable describes what is going, not the table's shape: no key schema, attribute definitions or indexes. */
    private static ObjectNode describeDeleted(TableData table) {
        TableMetadata definition = table.definition();
        ObjectNode description = Json.object();
        description.put("TableName", definition.name());
        description.put("TableStatus", "DELETING");
        description.put("TableId", definition.tableId());
        description.put("TableArn", definition.arn());
        description.put("TableSizeBytes", table.sizeBytes());
        description.put("ItemCount", table.itemCount());
        description.set("ProvisionedThroughput", throughputNode(definition.readCapacity(), definition.writeCapacity()));
        if (definition.billingMode().equals("PAY_PER_REQUEST")) {
            description
                    .putObject("BillingModeSummary")
                    .put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", Json.seconds(definition.createdAtMillis()));
        }
        return description;
    }

    ObjectNode describe(TableData table, String status) {
        TableMetadata definition = table.definition();
        ObjectNode description = Json.object();
        ArrayNode attributes = description.putArray("AttributeDefinitions");
        definition.attributeTypes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(attribute -> attributes
                        .addObject()
                        .put("AttributeName", attribute.getKey())
                        .put("AttributeType", attribute.getValue()));
        description.put("TableName", definition.name());
        description.set("KeySchema", keySchemaNode(definition.hashKey(), definition.rangeKey()));
        description.put("TableStatus", status);
        description.put("CreationDateTime", Json.seconds(definition.createdAtMillis()));
        description.set("ProvisionedThroughput", throughputNode(definition.readCapacity(), definition.writeCapacity()));
        description.put("TableSizeBytes", table.sizeBytes());
        description.put("ItemCount", table.itemCount());
        description.put("TableArn", definition.arn());
        description.put("TableId", definition.tableId());
        if (definition.billingMode().equals("PAY_PER_REQUEST")) {
            description
                    .putObject("BillingModeSummary")
                    .put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", Json.seconds(definition.createdAtMillis()));
        }
        ArrayNode globals = Json.NODES.arrayNode();
        ArrayNode locals = Json.NODES.arrayNode();
        for (IndexDefinition index : definition.indexes()) {
            ObjectNode node = (index.global() ? globals : locals).addObject();
            node.put("IndexName", index.name());
            node.set("KeySchema", keySchemaNode(index.hashKey(), index.rangeKey()));
            ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projectionType());
            if (!index.nonKeyAttributes().isEmpty()) {
                ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                index.nonKeyAttributes().forEach(nonKey::add);
            }
            if (index.global()) {
                node.put("IndexStatus", "ACTIVE");
                node.set(
                        "ProvisionedThroughput",
                        throughputNode(
                                index.readCapacity() == null ? 0 : index.readCapacity(),
                                index.writeCapacity() == null ? 0 : index.writeCapacity()));
            }
            node.put("IndexSizeBytes", table.index(index.name()).sizeBytes());
            node.put("ItemCount", table.index(index.name()).itemCount());
            node.put("IndexArn", definition.arn() + "/index/" + index.name());
        }
        if (!globals.isEmpty()) {
            description.set("GlobalSecondaryIndexes", globals);
        }
        if (!locals.isEmpty()) {
            description.set("LocalSecondaryIndexes", locals);
        }
        if (definition.streamEnabled()) {
            description
                    .putObject("StreamSpecification")
                    .put("StreamEnabled", true)
                    .put("StreamViewType", definition.streamViewType());
        }
        if (definition.latestStreamArn() != null) {
            description.put("LatestStreamLabel", definition.latestStreamLabel());
            description.put("LatestStreamArn", definition.latestStreamArn());
        }
        description.put("DeletionProtectionEnabled", false);
        return description;
    }

    static ArrayNode keySchemaNode(String hashKey, String rangeKey) {
        ArrayNode schema = Json.NODES.arrayNode();
        schema.addObject().put("AttributeName", hashKey).put("KeyType", "HASH");
        if (rangeKey != null) {
            schema.addObject().put("AttributeName", rangeKey).put("KeyType", "RANGE");
        }
        return schema;
    }

    private static ObjectNode throughputNode(long read, long write) {
        return Json.object()
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", read)
                .put("WriteCapacityUnits", write);
    }
}
