package io.gridsteward.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** template.yaml as plain maps, for tests that look anywhere in it (the local stack reads it typed: local's SamTemplate); CloudFormation's short-form tags become {"Fn::X": value} the way the long form reads. */
final class TemplateDocument {
    private final Map<String, Object> document;
    private final List<String> lines;

    private TemplateDocument(Map<String, Object> document, List<String> lines) {
        this.document = document;
        this.lines = lines;
    }

    static TemplateDocument load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new TemplateDocument(
                    new Yaml(new IntrinsicFunctionConstructor()).load(reader), Files.readAllLines(file));
        }
    }

    /** Every resource by logical id. */
    Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(document, "Resources").forEach((name, resource) -> resources.put(name, asMap(resource)));
        return resources;
    }

    Map<String, Object> parameters() {
        return map(document, "Parameters");
    }

    Map<String, Object> globals(String section) {
        return map(map(document, "Globals"), section);
    }

    /**
     * The comment lines right above {@code property} in a resource's top-level properties, joined; empty if there are
     * none. Comments are lost to the YAML parser, so they are read from the text.
     */
    String commentAbove(String resource, String property) {
        int resourceLine = lines.indexOf("  " + resource + ":");
        if (resourceLine < 0) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        for (int line = resourceLine + 1;
                line < lines.size() && !lines.get(line).matches("  \\w+:");
                line++) {
            if (lines.get(line).startsWith("      " + property + ":")) {
                StringBuilder comment = new StringBuilder();
                for (int above = line - 1; lines.get(above).trim().startsWith("#"); above--) {
                    comment.insert(0, lines.get(above).trim().substring(1).trim() + " ");
                }
                return comment.toString().trim();
            }
        }
        throw new IllegalArgumentException(resource + " has no property " + property);
    }

    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        map(document, "Resources").forEach((name, resource) -> {
            Map<String, Object> definition = asMap(resource);
            if (type.equals(definition.get("Type"))) {
                matching.put(name, definition);
            }
        });
        return matching;
    }

    Map<String, Object> globalFunctionProperties() {
        return globals("Function");
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    private static final class IntrinsicFunctionConstructor extends SafeConstructor {
        IntrinsicFunctionConstructor() {
            super(new LoaderOptions());
            for (String function : List.of(
                    "Ref",
                    "Sub",
                    "GetAtt",
                    "If",
                    "Not",
                    "Equals",
                    "Select",
                    "Split",
                    "Join",
                    "FindInMap",
                    "GetAZs",
                    "ImportValue",
                    "Base64",
                    "Cidr",
                    "And",
                    "Or",
                    "Condition")) {
                this.yamlConstructors.put(new Tag("!" + function), new IntrinsicFunction(function));
            }
        }

        private final class IntrinsicFunction extends AbstractConstruct {
            private final String name;

            IntrinsicFunction(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object argument = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("unexpected node " + node);
                };
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                return Map.of(key, argument);
            }
        }
    }
}
