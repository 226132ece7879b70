package io.gridsteward.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One operation of the API as its OpenAPI document describes it: method, path template, parameters and the schema of
 * its JSON body (references resolved), which is all the fuzzer needs to aim at it.
 */
record FuzzOperation(String method, String path, List<Parameter> parameters, JsonNode bodySchema) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Parameter(String name, String in, JsonNode schema, boolean required) {}

    FuzzOperation {
        parameters = List.copyOf(parameters);
    }

    String name() {
        return method + " " + path;
    }

    boolean writes() {
        return !method.equals("GET");
    }

    List<Parameter> in(String location) {
        return parameters.stream()
                .filter(parameter -> parameter.in().equals(location))
                .toList();
    }

    /** Every operation of an OpenAPI 3 document, in the document's order. */
    static List<FuzzOperation> of(JsonNode document) {
        List<FuzzOperation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
            path.getValue().properties().forEach(entry -> {
                if (!METHODS.contains(entry.getKey())) {
                    return;
                }
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(document, operation.path("parameters")));
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode schema = content.isObject() && content.size() > 0
                        ? resolve(document, content.elements().next().path("schema"), 0)
                        : null;
                operations.add(
                        new FuzzOperation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, schema));
            });
        });
        return operations;
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        list.forEach(node -> {
            JsonNode parameter = resolve(document, node, 0);
            parameters.add(new Parameter(
                    parameter.path("name").asText(),
                    parameter.path("in").asText(),
                    parameter.path("schema"),
                    parameter.path("required").asBoolean(false)));
        });
        return parameters;
    }

    /** The schema with every {@code $ref} replaced by what it points at (a recursive schema stops at depth 8). */
    static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return JSON.createObjectNode();
        }
        if (schema.has("$ref")) {
            String[] pointer = schema.path("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String step : pointer) {
                target = target.path(step);
            }
            return resolve(document, target, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode resolved = schema.deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = resolved.putObject("properties");
            schema.path("properties")
                    .properties()
                    .forEach(property ->
                            properties.set(property.getKey(), resolve(document, property.getValue(), depth + 1)));
        }
        if (schema.has("items")) {
            resolved.set("items", resolve(document, schema.path("items"), depth + 1));
        }
        if (schema.has("allOf")) {
            ObjectNode merged = resolved.deepCopy();
            merged.remove("allOf");
            ObjectNode properties =
                    merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
            schema.path("allOf")
                    .forEach(part -> resolve(document, part, depth + 1)
                            .path("properties")
                            .properties()
                            .forEach(property -> properties.set(property.getKey(), property.getValue())));
            return merged;
        }
        return resolved;
    }
}
