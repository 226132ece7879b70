package io.gridsteward.dynamodb.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridsteward.dynamodb.emulator.expression.Expressions;
import io.gridsteward.dynamodb.emulator.server.ApiException;
import io.gridsteward.dynamodb.emulator.server.Parameters;
import io.gridsteward.dynamodb.emulator.storage.Database;
import io.gridsteward.dynamodb.emulator.storage.IndexDefinition;
import io.gridsteward.dynamodb.emulator.storage.ItemCollection;
import io.gridsteward.dynamodb.emulator.storage.SortKey;
import io.gridsteward.dynamodb.emulator.storage.TableData;
import io.gridsteward.dynamodb.emulator.storage.TableMetadata;
import io.gridsteward.dynamodb.emulator.value.AttributeValue;
import io.gridsteward.dynamodb.emulator.value.ScalarOrder;
import io.gridsteward.dynamodb.emulator.wire.ItemCodec;
import io.gridsteward.dynamodb.emulator.wire.ItemSize;
import io.gridsteward.dynamodb.emulator.wire.JsonText;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Query and Scan: one page at a time, at most Limit items evaluated and at most 1 MB read. */
public final class ReadOperations {
    public static final long PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECTS =
            Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    private static final Set<String> COMMON = Set.of(
            "TableName",
            "IndexName",
            "FilterExpression",
            "ProjectionExpression",
            "ExpressionAttributeNames",
            "ExpressionAttributeValues",
            "Limit",
            "ExclusiveStartKey",
            "Select",
            "ConsistentRead",
            "ReturnConsumedCapacity",
            "AttributesToGet",
            "ConditionalOperator");

    private static final Set<String> QUERY_MEMBERS =
            Parameters.names(COMMON, "KeyConditionExpression", "ScanIndexForward", "KeyConditions", "QueryFilter");
    private static final Set<String> SCAN_MEMBERS = Parameters.names(COMMON, "Segment", "TotalSegments", "ScanFilter");

    static final String OUTSIDE_QUERY_BOUNDARIES =
            "The provided starting key is outside query boundaries based on provided conditions";

    private final Database database;

    public ReadOperations(Database database) {
        this.database = database;
    }

    /** What a Query or Scan reads from: the table or one of its indexes. */
    private record Source(TableData table, Optional<IndexDefinition> index, ItemCollection collection) {
        String hashKey() {
            return collection.hashKey();
        }

        Optional<String> rangeKey() {
            return index.map(definition -> Optional.ofNullable(definition.rangeKey()))
                    .orElse(table.definition().range());
        }
    }

    private record Settings(
            Optional<Expressions.Condition> filter,
            Optional<Expressions.Projection> projection,
            String select,
            int limit,
            Map<String, AttributeValue> exclusiveStartKey) {}

    public ObjectNode query(JsonNode request) {
        Parameters parameters = Parameters.of(request, "Query", QUERY_MEMBERS);
        Capacity.check(parameters);
        LegacyParameters.requireNotMixed(parameters);
        Optional<String> keyConditionText = parameters.string("KeyConditionExpression");
        if (keyConditionText.isEmpty() && !parameters.has("KeyConditions")) {
            throw ApiException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        boolean forward = parameters.bool("ScanIndexForward").orElse(true);
        return database.read(() -> {
            Source source = source(parameters);
            RequestExpressions expressions = new RequestExpressions(parameters);
            Expressions.KeyCondition keyCondition = keyConditionText.isPresent()
                    ? expressions.keyCondition(keyConditionText.get(), source.hashKey(), source.rangeKey())
                    : LegacyParameters.keyConditions(parameters, source.hashKey(), source.rangeKey())
                            .orElseThrow();
            Settings settings = settings(parameters, expressions, source, "QueryFilter");
            requireNoKeyInFilter(source, settings, parameters.has("QueryFilter") ? "QueryFilter" : "Filter Expression");
            checkKeyConditionTypes(source, keyCondition);
            NavigableMap<SortKey, Map<String, AttributeValue>> range = sortKeyRange(
                    source.collection().partition(keyCondition.hashKeyValue()), keyCondition.sortKeyCondition());
            if (!settings.exclusiveStartKey().isEmpty()
                    && source.rangeKey().isEmpty()
                    && source.index().isEmpty()) {
                // A partition of a table without a sort key holds one item: there is nothing to start after.
                throw ApiException.validation(
                        "The provided starting key is invalid: ExclusiveStartKey cannot be used in a Query of a table without a sort key");
            }
            if (!settings.exclusiveStartKey().isEmpty()) {
                AttributeValue startHash = settings.exclusiveStartKey().get(source.hashKey());
                boolean outside = !startHash.equals(keyCondition.hashKeyValue())
                        || keyCondition
                                .sortKeyCondition()
                                .map(condition -> !condition.matches(settings.exclusiveStartKey()))
                                .orElse(false);
                if (outside) {
                    throw ApiException.validation(OUTSIDE_QUERY_BOUNDARIES);
                }
                SortKey start = source.collection().sortKeyOf(settings.exclusiveStartKey());
                range = forward ? range.tailMap(start, false) : range.headMap(start, false);
            }
            Iterator<Map<String, AttributeValue>> items =
                    (forward ? range : range.descendingMap()).values().iterator();
            Predicate<Map<String, AttributeValue>> beginsWith = beginsWithFilter(keyCondition);
            return page(source, settings, items, beginsWith, forward, parameters);
        });
    }

    public ObjectNode scan(JsonNode request) {
        Parameters parameters = Parameters.of(request, "Scan", SCAN_MEMBERS);
        Capacity.check(parameters);
        LegacyParameters.requireNotMixed(parameters);
        int[] segment = segment(parameters);
        return database.read(() -> {
            Source source = source(parameters);
            RequestExpressions expressions = new RequestExpressions(parameters);
            Settings settings = settings(parameters, expressions, source, "ScanFilter");
            NavigableMap<AttributeValue, TreeMap<SortKey, Map<String, AttributeValue>>> partitions =
                    source.collection().partitions();
            Stream<Map<String, AttributeValue>> items;
            if (settings.exclusiveStartKey().isEmpty()) {
                items = partitions.entrySet().stream()
                        .filter(partition -> inSegment(partition.getKey(), segment))
                        .flatMap(partition -> partition.getValue().values().stream());
            } else {
                AttributeValue startHash = settings.exclusiveStartKey().get(source.hashKey());
                SortKey start = source.collection().sortKeyOf(settings.exclusiveStartKey());
                items = partitions.tailMap(startHash, true).entrySet().stream()
                        .filter(partition -> inSegment(partition.getKey(), segment))
                        .flatMap(partition -> (partition.getKey().equals(startHash)
                                        ? partition.getValue().tailMap(start, false)
                                        : partition.getValue())
                                .values().stream());
            }
            return page(source, settings, items.iterator(), item -> true, true, parameters);
        });
    }

    private static int[] segment(Parameters parameters) {
        boolean hasSegment = parameters.has("Segment");
        boolean hasTotal = parameters.has("TotalSegments");
        if (hasSegment != hasTotal) {
            throw ApiException.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (!hasSegment) {
            return null;
        }
        int segment = parameters.integer("Segment").getAsInt();
        int total = parameters.integerBetween("TotalSegments", 1, 1, 1000000);
        if (segment < 0 || segment >= total) {
            throw ApiException.validation(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                            + segment + " is not less than TotalSegments: " + total);
        }
        return new int[] {segment, total};
    }

    private static boolean inSegment(AttributeValue hash, int[] segment) {
        return segment == null || Math.floorMod(hash.hashCode(), segment[1]) == segment[0];
    }

    private Source source(Parameters parameters) {
        TableData table = database.table(parameters.requiredString("TableName"));
        Optional<String> indexName = parameters.string("IndexName");
        if (indexName.isEmpty()) {
            return new Source(table, Optional.empty(), table.primary());
        }
        IndexDefinition index = table.definition()
                .index(indexName.get())
                .orElseThrow(() ->
                        ApiException.validation("The table does not have the specified index: " + indexName.get()));
        if (index.global() && parameters.bool("ConsistentRead").orElse(false)) {
            throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new Source(table, Optional.of(index), table.index(index.name()));
    }

    private Settings settings(
            Parameters parameters, RequestExpressions expressions, Source source, String legacyFilter) {
        Optional<Expressions.Condition> filter = parameters.has("FilterExpression")
                ? expressions.condition(parameters.string("FilterExpression"), "FilterExpression")
                : LegacyParameters.condition(parameters, legacyFilter);
        Optional<Expressions.Projection> projection = parameters.has("ProjectionExpression")
                ? expressions.projection(parameters.string("ProjectionExpression"))
                : LegacyParameters.attributesToGet(parameters);
        String projectionParameter = parameters.has("AttributesToGet") ? "AttributesToGet" : "ProjectionExpression";
        expressions.finish();
        String defaultSelect = projection.isPresent()
                ? "SPECIFIC_ATTRIBUTES"
                : source.index().isPresent() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        String select = parameters.choice("Select", defaultSelect, SELECTS);
        if (projection.isPresent() && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw ApiException.validation(
                    "Cannot specify the " + projectionParameter + " when choosing to get " + select);
        }
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection.isEmpty()) {
            throw ApiException.validation("Select type SPECIFIC_ATTRIBUTES requires a ProjectionExpression");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && source.index().isEmpty()) {
            throw ApiException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES")
                && source.index().isPresent()
                && source.index().get().global()
                && !source.index().get().projectionType().equals("ALL")) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                            + source.index().get().name() + " because its projection type is not ALL");
        }
        int limit = parameters.integer("Limit").orElse(Integer.MAX_VALUE);
        if (limit < 1) {
            throw ApiException.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        Map<String, AttributeValue> exclusiveStartKey = parameters.item("ExclusiveStartKey");
        if (!exclusiveStartKey.isEmpty()) {
            checkStartKey(source, exclusiveStartKey);
        }
        return new Settings(filter, projection, select, limit, exclusiveStartKey);
    }

    /** A Query filters only non-key attributes: the key condition is where keys are matched. */
    private static void requireNoKeyInFilter(Source source, Settings settings, String filterName) {
        if (settings.filter().isEmpty()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        keys.add(source.hashKey());
        source.rangeKey().ifPresent(keys::add);
        for (String attribute : settings.filter().get().referencedAttributes()) {
            if (keys.contains(attribute)) {
                throw ApiException.validation(filterName
                        + " can only contain non-primary key attributes: Primary key attribute: " + attribute);
            }
        }
    }

    private static void checkStartKey(Source source, Map<String, AttributeValue> startKey) {
        TableMetadata definition = source.table().definition();
        Set<String> expected = new HashSet<>(definition.keyOf(Map.of()).keySet());
        source.index().ifPresent(index -> {
            expected.add(index.hashKey());
            if (index.rangeKey() != null) {
                expected.add(index.rangeKey());
            }
        });
        if (!startKey.keySet().equals(expected)) {
            throw ApiException.validation(
                    "The provided starting key is invalid: The provided key element does not match the schema");
        }
        for (Map.Entry<String, AttributeValue> element : startKey.entrySet()) {
            if (!element.getValue()
                    .typeDescriptor()
                    .equals(definition.attributeTypes().get(element.getKey()))) {
                throw ApiException.validation(
                        "The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
    }

    private static void checkKeyConditionTypes(Source source, Expressions.KeyCondition keyCondition) {
        Map<String, String> types = source.table().definition().attributeTypes();
        if (!keyCondition.hashKeyValue().typeDescriptor().equals(types.get(source.hashKey()))) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        keyCondition.sortKeyCondition().ifPresent(condition -> {
            String declared = types.get(condition.attributeName());
            if (!condition.value().typeDescriptor().equals(declared)
                    || condition
                            .upperBound()
                            .map(bound -> !bound.typeDescriptor().equals(declared))
                            .orElse(false)) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
            if (condition.operator() == Expressions.SortKeyCondition.Operator.BEGINS_WITH && declared.equals("N")) {
                throw ApiException.validation(
                        "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
            }
            if (condition.operator() == Expressions.SortKeyCondition.Operator.BETWEEN
                    && ScalarOrder.compare(
                                    condition.value(), condition.upperBound().orElseThrow())
                            > 0) {
                throw ApiException.validation(
                        "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
                                + JsonText.text(ItemCodec.encodeValue(condition.value()))
                                + ", upper bound operand: AttributeValue: "
                                + JsonText.text(ItemCodec.encodeValue(
                                        condition.upperBound().get())));
            }
        });
    }

    private static NavigableMap<SortKey, Map<String, AttributeValue>> sortKeyRange(
            NavigableMap<SortKey, Map<String, AttributeValue>> partition,
            Optional<Expressions.SortKeyCondition> condition) {
        if (condition.isEmpty()) {
            return partition;
        }
        AttributeValue value = condition.get().value();
        return switch (condition.get().operator()) {
            case EQUAL -> partition.subMap(SortKey.before(value), true, SortKey.after(value), true);
            case LESS_THAN -> partition.headMap(SortKey.before(value), false);
            case LESS_THAN_OR_EQUAL -> partition.headMap(SortKey.after(value), false);
            case GREATER_THAN -> partition.tailMap(SortKey.after(value), false);
            case GREATER_THAN_OR_EQUAL, BEGINS_WITH -> partition.tailMap(SortKey.before(value), false);
            case BETWEEN ->
                partition.subMap(
                        SortKey.before(value),
                        true,
                        SortKey.after(condition.get().upperBound().orElseThrow()),
                        true);
        };
    }

    /** begins_with selects a contiguous run of sort keys; the predicate tells where it starts and ends. */
    private static Predicate<Map<String, AttributeValue>> beginsWithFilter(Expressions.KeyCondition keyCondition) {
        Optional<Expressions.SortKeyCondition> condition = keyCondition.sortKeyCondition();
        if (condition.isEmpty() || condition.get().operator() != Expressions.SortKeyCondition.Operator.BEGINS_WITH) {
            return item -> true;
        }
        return condition.get()::matches;
    }

    private ObjectNode page(
            Source source,
            Settings settings,
            Iterator<Map<String, AttributeValue>> items,
            Predicate<Map<String, AttributeValue>> withinRange,
            boolean forward,
            Parameters parameters) {
        ObjectNode response = Json.object();
        ArrayNode resultItems = Json.NODES.arrayNode();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        boolean stoppedEarly = false;
        boolean inRange = forward;
        while (items.hasNext()) {
            if (scanned >= settings.limit() || bytes >= PAGE_BYTES) {
                stoppedEarly = true;
                break;
            }
            Map<String, AttributeValue> item = items.next();
            if (!withinRange.test(item)) {
                // Forward, the run starts at once; backward, it starts after the keys above it.
                if (inRange) {
                    break;
                }
                continue;
            }
            inRange = true;
            scanned++;
            bytes += ItemSize.of(item);
            last = item;
            Map<String, AttributeValue> full = fullItem(source, settings, item);
            if (settings.filter().isPresent() && !settings.filter().get().test(full)) {
                continue;
            }
            count++;
            if (!settings.select().equals("COUNT")) {
                resultItems.add(ItemCodec.encodeItem(settings.projection()
                        .map(projection -> projection.project(full))
                        .orElse(full)));
            }
        }
        if (!settings.select().equals("COUNT")) {
            response.set("Items", resultItems);
        }
        response.put("Count", count);
        response.put("ScannedCount", scanned);
        if (stoppedEarly && last != null) {
            response.set("LastEvaluatedKey", ItemCodec.encodeItem(lastEvaluatedKey(source, last)));
        }
        Capacity.read(
                parameters,
                response,
                source.table().definition().name(),
                bytes,
                parameters.bool("ConsistentRead").orElse(false));
        return response;
    }

    /** A local index whose projection lacks attributes fetches them from the table, as DynamoDB does for ALL_ATTRIBUTES. */
    private static Map<String, AttributeValue> fullItem(
            Source source, Settings settings, Map<String, AttributeValue> item) {
        if (source.index().isEmpty()
                || source.index().get().projectionType().equals("ALL")
                || source.index().get().global()
                || settings.select().equals("ALL_PROJECTED_ATTRIBUTES")
                || settings.select().equals("COUNT")) {
            return item;
        }
        Map<String, AttributeValue> full =
                source.table().get(source.table().definition().keyOf(item));
        return full == null ? item : full;
    }

    private static Map<String, AttributeValue> lastEvaluatedKey(Source source, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key =
                new LinkedHashMap<>(source.table().definition().keyOf(item));
        source.index().ifPresent(index -> {
            key.put(index.hashKey(), item.get(index.hashKey()));
            if (index.rangeKey() != null) {
                key.put(index.rangeKey(), item.get(index.rangeKey()));
            }
        });
        return key;
    }
}
