package io.lessonpack.application.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One log line read as CloudWatch Logs reads an embedded-metric-format (EMF) document, checked
 * against the EMF specification: the line is one JSON object; {@code _aws} holds an integer
 * {@code Timestamp} and {@code CloudWatchMetrics}, and nothing else; each directive holds a
 * {@code Namespace}, {@code Dimensions} (at least one set, each naming root members whose values are
 * strings) and at most 100 {@code Metrics} (each naming a root member whose value is a number, with
 * a CloudWatch unit). Parsing fails with an {@link AssertionError} that names the broken rule.
 *
 * <pre>{@code
 * EmfDocument emf = EmfDocument.parse(line);
 * assertThat(emf.units()).containsEntry("lessons", "Count");
 * assertThat(emf.dimensionSets("lessons")).containsExactly(List.of(), List.of("outcome"));
 * }</pre>
 */
public final class EmfDocument {

    /** The units CloudWatch accepts (MetricDatum), as the EMF schema lists them. */
    public static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final long timestamp;
    private final Set<String> namespaces = new LinkedHashSet<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> dimensionSets = new LinkedHashMap<>();

    private EmfDocument(String line) {
        this.root = read(line);
        JsonNode aws = root.get("_aws");
        check(aws != null && aws.isObject(), "the line has no _aws object");
        checkOnly(aws, "_aws", Set.of("Timestamp", "CloudWatchMetrics"));
        JsonNode time = aws.get("Timestamp");
        check(time != null && time.isIntegralNumber() && time.asLong() > 0, "_aws.Timestamp is not epoch milliseconds");
        this.timestamp = time.asLong();
        JsonNode directives = aws.get("CloudWatchMetrics");
        check(directives != null && directives.isArray() && !directives.isEmpty(), "_aws.CloudWatchMetrics is empty");
        for (JsonNode directive : directives) {
            readDirective(directive);
        }
    }

    /** Reads {@code line} as an EMF document; fails naming the rule it breaks. */
    public static EmfDocument parse(String line) {
        return new EmfDocument(line);
    }

    /** Whether {@code line} is a JSON object with an {@code _aws} member (metrics to extract). */
    public static boolean carriesMetrics(String line) {
        return read(line).has("_aws");
    }

    /** The line as JSON; fails when it is not one JSON object on one line. */
    public static JsonNode read(String line) {
        check(!line.contains("\n") && !line.contains("\r"), "the line spans several lines");
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + e.getOriginalMessage() + " in " + line, e);
        }
        check(node != null && node.isObject(), "not a JSON object: " + line);
        return node;
    }

    private void readDirective(JsonNode directive) {
        check(directive.isObject(), "a directive is not an object");
        checkOnly(directive, "a directive", Set.of("Namespace", "Dimensions", "Metrics"));
        JsonNode namespace = directive.get("Namespace");
        check(namespace != null && namespace.isTextual() && !namespace.asText().isEmpty()
                && namespace.asText().length() <= 255, "a directive's Namespace is not a string of 1-255 characters");
        namespaces.add(namespace.asText());
        JsonNode dimensions = directive.get("Dimensions");
        check(dimensions != null && dimensions.isArray() && !dimensions.isEmpty(), "a directive has no dimension set");
        List<List<String>> sets = new ArrayList<>();
        for (JsonNode set : dimensions) {
            check(set.isArray() && set.size() <= 30, "a dimension set is not an array of at most 30 names");
            List<String> names = new ArrayList<>();
            for (JsonNode name : set) {
                check(name.isTextual(), "a dimension name is not a string");
                JsonNode target = root.get(name.asText());
                check(target != null && target.isTextual(), "dimension " + name + " is not a string member of the line");
                names.add(name.asText());
            }
            sets.add(List.copyOf(names));
        }
        JsonNode metrics = directive.get("Metrics");
        check(metrics != null && metrics.isArray() && !metrics.isEmpty() && metrics.size() <= 100,
                "a directive's Metrics is not 1-100 definitions");
        for (JsonNode metric : metrics) {
            checkOnly(metric, "a metric definition", Set.of("Name", "Unit"));
            JsonNode name = metric.get("Name");
            check(name != null && name.isTextual(), "a metric has no Name");
            JsonNode target = root.get(name.asText());
            check(target != null && target.isNumber(), "metric " + name + " is not a number member of the line");
            JsonNode unit = metric.get("Unit");
            check(unit == null || unit.isTextual() && UNITS.contains(unit.asText()), "metric " + name + " has unit " + unit);
            check(!units.containsKey(name.asText()), "metric " + name + " is defined twice");
            units.put(name.asText(), unit == null ? "None" : unit.asText());
            dimensionSets.put(name.asText(), List.copyOf(sets));
        }
    }

    private static void checkOnly(JsonNode object, String what, Set<String> allowed) {
        object.fieldNames().forEachRemaining(field ->
                check(allowed.contains(field), what + " has a member the specification does not allow: " + field));
    }

    private static void check(boolean holds, String rule) {
        if (!holds) {
            throw new AssertionError("not a valid embedded-metric-format line: " + rule);
        }
    }

    /** The whole line. */
    public JsonNode root() {
        return root;
    }

    /** {@code _aws.Timestamp}, epoch milliseconds. */
    public long timestamp() {
        return timestamp;
    }

    /** The namespaces of the directives, in order, without repeats. */
    public Set<String> namespaces() {
        return Collections.unmodifiableSet(namespaces);
    }

    /** Every metric's unit, by name, in the order they are defined. */
    public Map<String, String> units() {
        return Collections.unmodifiableMap(units);
    }

    /** The dimension sets {@code metric} is published by; fails when it is not a metric of the line. */
    public List<List<String>> dimensionSets(String metric) {
        check(dimensionSets.containsKey(metric), "no metric " + metric + " (metrics: " + units.keySet() + ")");
        return dimensionSets.get(metric);
    }

    /** The value of {@code metric}. */
    public double value(String metric) {
        dimensionSets(metric);
        return root.get(metric).asDouble();
    }

    /** The value of the string member {@code field}, e.g. a dimension's. */
    public String text(String field) {
        JsonNode value = root.get(field);
        check(value != null && value.isTextual(), "no string member " + field);
        return value.asText();
    }
}
