package io.gridsteward.api.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CloudWatch's Embedded Metric Format, as Lambda Powertools writes it: one JSON object per line on standard output,
 * which CloudWatch Logs turns into metrics of {@code namespace} (no API call, no SDK, nothing to wait for). Every
 * line carries the {@code service} dimension; the line's own dimensions are added to it, and its properties are kept
 * in the log line only, for Logs Insights, never as dimensions (each dimension value is a metric that is paid for).
 */
public final class EmbeddedMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Units CloudWatch knows, as EMF spells them. */
    public enum Unit {
        COUNT("Count"),
        MILLISECONDS("Milliseconds");

        private final String emfName;

        Unit(String emfName) {
            this.emfName = emfName;
        }
    }

    public record Metric(String name, Unit unit, double value) {
        public static Metric count(String name, long value) {
            return new Metric(name, Unit.COUNT, value);
        }
    }

    private final String namespace;
    private final String service;
    private final Clock clock;
    private final Consumer<String> output;

    public EmbeddedMetrics(String namespace, String service, Clock clock, Consumer<String> output) {
        this.namespace = requireNonNull(namespace, "namespace");
        this.service = requireNonNull(service, "service");
        this.clock = requireNonNull(clock, "clock");
        this.output = requireNonNull(output, "output");
    }

    /** Standard output, where Lambda's log capture picks the lines up. */
    public static EmbeddedMetrics toStandardOutput(String namespace, String service, Clock clock) {
        return new EmbeddedMetrics(namespace, service, clock, line -> System.out.println(line));
    }

    /** One line: these metrics under {@code service} plus {@code dimensions}, with {@code properties} beside them. */
    public void put(Map<String, String> dimensions, Map<String, String> properties, List<Metric> metrics) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode directive = line.putObject("_aws");
        directive.put("Timestamp", clock.millis());
        ObjectNode metricDirective = directive.putArray("CloudWatchMetrics").addObject();
        metricDirective.put("Namespace", namespace);
        ArrayNode dimensionSet = metricDirective.putArray("Dimensions").addArray();
        dimensionSet.add("service");
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode definitions = metricDirective.putArray("Metrics");
        line.put("service", service);
        dimensions.forEach(line::put);
        properties.forEach(line::put);
        for (Metric metric : metrics) {
            definitions.addObject().put("Name", metric.name()).put("Unit", metric.unit().emfName);
            line.put(metric.name(), metric.value());
        }
        output.accept(line.toString());
    }
}
