package io.gridsteward.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * The repository's template.yaml, read for what the local stack must mirror: the table (keys, index, stream, TTL),
 * the functions (code, handler, timeout, memory, environment) and the stream's event-source mapping. Reading it
 * here, instead of restating it, is what keeps local and production from drifting apart.
 */
public final class SamTemplate {
    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    /** An intrinsic function such as {@code !Ref Table} or {@code !Sub ...}, kept with its tag. */
    public record Intrinsic(String tag, Object value) {}

    /** The table: a CreateTable request (name left to the caller) and the TTL attribute, if any. */
    public record TableSpecification(
            String logicalId, CreateTableRequest request, Optional<String> timeToLiveAttribute) {}

    /** A DynamoDB stream event source of a function. */
    public record StreamMapping(
            int batchSize,
            Duration batchingWindow,
            boolean bisectOnFunctionError,
            int maximumRetryAttempts,
            boolean reportBatchItemFailures,
            List<String> filterPatterns) {}

    /** An HTTP API route of a function; {@code authorized} unless its event sets {@code Auth.Authorizer: NONE}. */
    public record HttpRoute(String method, String path, boolean authorized) {}

    /** A {@code Schedule} event: its expression ({@code rate(5 minutes)}, {@code cron(...)}) and fixed input, if any. */
    public record ScheduleEvent(String name, String expression, Optional<String> input) {}

    /**
     * A function as deployed ({@code reservedConcurrency}: its {@code ReservedConcurrentExecutions}, if it has one);
     * {@code name} is its module directory, taken from {@code CodeUri}, followed by the Quarkus
     * handler it picks with {@code QUARKUS_LAMBDA_HANDLER} when it names one ({@code jobs-auto-check-out}).
     */
    public record FunctionSpecification(
            String logicalId,
            String name,
            String codeUri,
            String handler,
            Duration timeout,
            int memoryMegabytes,
            Optional<Integer> reservedConcurrency,
            Map<String, Object> environment,
            List<HttpRoute> routes,
            List<ScheduleEvent> schedules,
            Optional<StreamMapping> streamMapping) {}

    private static final String HANDLER_VARIABLE = "QUARKUS_LAMBDA_HANDLER";

    private final Path file;
    private final Map<String, Object> root;

    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    public static SamTemplate load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "template " + file + " does not exist; run from the repository root or pass --functions-directory");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml(new TolerantConstructor()).load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IOException(file + " is not a YAML mapping");
            }
            return new SamTemplate(file, cast(map));
        }
    }

    public TableSpecification table() {
        Map.Entry<String, Map<String, Object>> resource = resourcesOfType(TABLE_TYPE).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " declares no " + TABLE_TYPE));
        Map<String, Object> properties = map(resource.getValue(), "Properties");
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .billingMode(text(properties, "BillingMode")
                        .map(BillingMode::fromValue)
                        .orElse(BillingMode.PAY_PER_REQUEST))
                .attributeDefinitions(list(properties, "AttributeDefinitions").stream()
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName(required(definition, "AttributeName"))
                                .attributeType(required(definition, "AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(list(properties, "KeySchema")));
        List<GlobalSecondaryIndex> indexes = list(properties, "GlobalSecondaryIndexes").stream()
                .map(index -> {
                    Map<String, Object> projection = map(index, "Projection");
                    List<String> nonKey = projection.get("NonKeyAttributes") instanceof List<?> attributes
                            ? attributes.stream().map(String::valueOf).toList()
                            : List.of();
                    return GlobalSecondaryIndex.builder()
                            .indexName(required(index, "IndexName"))
                            .keySchema(keySchema(list(index, "KeySchema")))
                            .projection(Projection.builder()
                                    .projectionType(required(projection, "ProjectionType"))
                                    .nonKeyAttributes(nonKey.isEmpty() ? null : nonKey)
                                    .build())
                            .build();
                })
                .toList();
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        text(map(properties, "StreamSpecification"), "StreamViewType")
                .ifPresent(viewType -> request.streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(viewType)
                        .build()));
        Map<String, Object> timeToLive = map(properties, "TimeToLiveSpecification");
        Optional<String> timeToLiveAttribute =
                Boolean.TRUE.equals(timeToLive.get("Enabled")) ? text(timeToLive, "AttributeName") : Optional.empty();
        return new TableSpecification(resource.getKey(), request.build(), timeToLiveAttribute);
    }

    public List<FunctionSpecification> functions() {
        Map<String, Object> globals = map(map(root, "Globals"), "Function");
        List<FunctionSpecification> functions = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> resource : resourcesOfType(FUNCTION_TYPE)) {
            Map<String, Object> properties = map(resource.getValue(), "Properties");
            String codeUri = text(properties, "CodeUri")
                    .orElseThrow(() -> new IllegalStateException(resource.getKey() + " has no CodeUri"));
            Map<String, Object> environment = new LinkedHashMap<>(map(map(globals, "Environment"), "Variables"));
            environment.putAll(map(map(properties, "Environment"), "Variables"));
            List<HttpRoute> routes = map(properties, "Events").values().stream()
                    .map(SamTemplate::asMap)
                    .filter(event -> "HttpApi".equals(event.get("Type")))
                    .map(event -> map(event, "Properties"))
                    .map(event -> new HttpRoute(
                            text(event, "Method").orElse("ANY").toUpperCase(Locale.ROOT),
                            text(event, "Path")
                                    .orElseThrow(() -> new IllegalStateException(
                                            resource.getKey() + " has an HttpApi event without Path")),
                            !"NONE".equals(map(event, "Auth").get("Authorizer"))))
                    .toList();
            List<ScheduleEvent> schedules = map(properties, "Events").entrySet().stream()
                    .filter(event -> "Schedule".equals(asMap(event.getValue()).get("Type")))
                    .map(event -> {
                        Map<String, Object> scheduleProperties = map(asMap(event.getValue()), "Properties");
                        return new ScheduleEvent(
                                resource.getKey() + "-" + event.getKey(),
                                required(scheduleProperties, "Schedule"),
                                text(scheduleProperties, "Input"));
                    })
                    .toList();
            Optional<StreamMapping> streamMapping = map(properties, "Events").values().stream()
                    .map(SamTemplate::asMap)
                    .filter(event -> "DynamoDB".equals(event.get("Type")))
                    .map(event -> streamMapping(map(event, "Properties")))
                    .findFirst();
            // Functions sharing a package pick one of its handlers; each runs as a process of its own, so each needs a
            // name of its own.
            String name = Optional.ofNullable(environment.get(HANDLER_VARIABLE))
                    .map(handler -> moduleName(codeUri) + "-" + handler)
                    .orElse(moduleName(codeUri));
            if (functions.stream().anyMatch(function -> function.name().equals(name))) {
                throw new IllegalStateException(resource.getKey() + " and another function both run as " + name
                        + "; give one a " + HANDLER_VARIABLE);
            }
            functions.add(new FunctionSpecification(
                    resource.getKey(),
                    name,
                    codeUri,
                    text(properties, "Handler")
                            .or(() -> text(globals, "Handler"))
                            .orElseThrow(() -> new IllegalStateException(resource.getKey() + " has no Handler")),
                    Duration.ofSeconds(number(properties, "Timeout")
                            .or(() -> number(globals, "Timeout"))
                            .orElse(3)),
                    number(properties, "MemorySize")
                            .or(() -> number(globals, "MemorySize"))
                            .orElse(128),
                    number(properties, "ReservedConcurrentExecutions"),
                    environment,
                    routes,
                    schedules,
                    streamMapping));
        }
        return functions;
    }

    /** A parameter's default value, what {@code !Ref Parameter} means when nothing overrides it. */
    public Optional<String> parameterDefault(String name) {
        return text(map(map(root, "Parameters"), name), "Default");
    }

    private static StreamMapping streamMapping(Map<String, Object> properties) {
        List<String> patterns = list(map(properties, "FilterCriteria"), "Filters").stream()
                .map(filter -> required(filter, "Pattern"))
                .toList();
        Object responseTypes = properties.get("FunctionResponseTypes");
        return new StreamMapping(
                number(properties, "BatchSize").orElse(100),
                Duration.ofSeconds(
                        number(properties, "MaximumBatchingWindowInSeconds").orElse(0)),
                Boolean.TRUE.equals(properties.get("BisectBatchOnFunctionError")),
                number(properties, "MaximumRetryAttempts").orElse(-1),
                responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures"),
                patterns);
    }

    /** {@code functions/api/target/function.zip} → {@code api}. */
    static String moduleName(String codeUri) {
        String[] parts = codeUri.split("/");
        int target = List.of(parts).indexOf("target");
        if (target < 1) {
            throw new IllegalStateException("CodeUri " + codeUri + " is not a module's target/ artifact");
        }
        return parts[target - 1];
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream()
                .map(element -> KeySchemaElement.builder()
                        .attributeName(required(element, "AttributeName"))
                        .keyType(required(element, "KeyType"))
                        .build())
                .toList();
    }

    private List<Map.Entry<String, Map<String, Object>>> resourcesOfType(String type) {
        return map(root, "Resources").entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Map<?, ?> resource && type.equals(resource.get("Type")))
                .map(entry -> Map.entry(entry.getKey(), asMap(entry.getValue())))
                .toList();
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key));
    }

    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> list
                ? list.stream().map(SamTemplate::asMap).toList()
                : List.of();
    }

    private static Optional<String> text(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null || value instanceof Intrinsic || value instanceof Map || value instanceof List
                ? Optional.empty()
                : Optional.of(String.valueOf(value));
    }

    private static Optional<Integer> number(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Number number ? Optional.of(number.intValue()) : Optional.empty();
    }

    private static String required(Map<String, Object> parent, String key) {
        return text(parent, key)
                .orElseThrow(() -> new IllegalStateException("template: " + key + " is missing in " + parent));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Safe YAML loading that keeps CloudFormation's short-form intrinsics ({@code !Ref}, {@code !Sub}...) as {@link Intrinsic}s. */
    private static final class TolerantConstructor extends SafeConstructor {
        TolerantConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object value = switch (node) {
                        case ScalarNode scalar -> constructScalar(scalar);
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> null;
                    };
                    return new Intrinsic(node.getTag().getValue(), value);
                }
            });
        }
    }
}
