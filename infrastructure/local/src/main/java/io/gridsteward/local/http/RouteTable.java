package io.gridsteward.local.http;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes as template.yaml declares them ({@code GET /}, {@code ANY /v1/{proxy+}}...), matched as
 * API Gateway does: literal segments must be equal, {@code {name}} takes one segment, {@code {name+}} takes the
 * rest; the most specific route wins (no greedy parameter before greedy, then the longer literal prefix).
 */
public final class RouteTable {

    /** A declared route: method ({@code ANY} for all), path template, function, and whether the JWT authorizer guards it. */
    public record Definition(String method, String path, String functionName, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }

        boolean greedy() {
            return path.contains("+}");
        }

        int literalSegments() {
            return (int) segments(path).stream()
                    .filter(segment -> !segment.startsWith("{"))
                    .count();
        }
    }

    private final List<Definition> definitions;

    public RouteTable(List<Definition> definitions) {
        this.definitions = definitions.stream()
                .sorted(Comparator.comparing(Definition::greedy)
                        .thenComparing(Comparator.comparingInt(Definition::literalSegments)
                                .reversed())
                        .thenComparing(definition -> definition.method().equals("ANY")))
                .toList();
    }

    public List<Definition> definitions() {
        return definitions;
    }

    public Optional<Route> match(String method, String path) {
        for (Definition definition : definitions) {
            if (!definition.method().equals("ANY") && !definition.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> parameters = bind(segments(definition.path()), segments(path));
            if (parameters.isPresent()) {
                return Optional.of(new Route(
                        definition.routeKey(), definition.functionName(), definition.authorized(), parameters.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> bind(List<String> template, List<String> actual) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int index = 0; index < template.size(); index++) {
            String segment = template.get(index);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (index >= actual.size()) {
                    return Optional.empty();
                }
                parameters.put(
                        segment.substring(1, segment.length() - 2),
                        String.join("/", actual.subList(index, actual.size())));
                return Optional.of(parameters);
            }
            if (index >= actual.size()) {
                return Optional.empty();
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), actual.get(index));
            } else if (!segment.equals(actual.get(index))) {
                return Optional.empty();
            }
        }
        return template.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
