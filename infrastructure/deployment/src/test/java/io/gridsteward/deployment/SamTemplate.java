package io.gridsteward.deployment;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** template.yaml as plain maps; CloudFormation's short-form tags become {"Fn::X": value} the way the long form reads. */
final class SamTemplate
{
    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document)
    {
        this.document = document;
    }

    static SamTemplate load(Path file)
            throws IOException
    {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new SamTemplate(new Yaml(new IntrinsicFunctionConstructor()).load(reader));
        }
    }

    Map<String, Map<String, Object>> resourcesOfType(String type)
    {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        map(document, "Resources").forEach((name, resource) -> {
            Map<String, Object> definition = asMap(resource);
            if (type.equals(definition.get("Type"))) {
                matching.put(name, definition);
            }
        });
        return matching;
    }

    Map<String, Object> globalFunctionProperties()
    {
        return map(map(document, "Globals"), "Function");
    }

    static Map<String, Object> map(Map<String, Object> parent, String key)
    {
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value)
    {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key)
    {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    private static final class IntrinsicFunctionConstructor
            extends SafeConstructor
    {
        IntrinsicFunctionConstructor()
        {
            super(new LoaderOptions());
            for (String function : List.of("Ref", "Sub", "GetAtt", "If", "Not", "Equals", "Select", "Split", "Join", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr", "And", "Or", "Condition")) {
                this.yamlConstructors.put(new Tag("!" + function), new IntrinsicFunction(function));
            }
        }

        private final class IntrinsicFunction
                extends AbstractConstruct
        {
            private final String name;

            IntrinsicFunction(String name)
            {
                this.name = name;
            }

            @Override
            public Object construct(Node node)
            {
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
