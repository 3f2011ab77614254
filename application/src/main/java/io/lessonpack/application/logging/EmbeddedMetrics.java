package io.lessonpack.application.logging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The metrics one log line carries, in CloudWatch's embedded metric format (EMF): CloudWatch Logs
 * reads the line's {@code _aws} member and publishes the metrics it names from the line's own
 * fields, so a metric costs no API call and always agrees with the line it came from.
 *
 * <p>A metric is a numeric field of the line; its dimensions are string fields the line already
 * has (such as {@code outcome} or {@code reason}). Dimensions must be codes with few values, never
 * ids: every distinct combination is a metric CloudWatch bills. Attach the metrics with
 * {@link LogEvent#metrics(EmbeddedMetrics)}:
 *
 * <pre>{@code
 * LogEvent.of("generation.outcome").with("outcome", "failed").with("reason", reason)
 *         .metrics(EmbeddedMetrics.at(finishedAt)
 *                 .count("failures", 1, DimensionSet.TOTAL, DimensionSet.of("reason")))
 *         .warn(LOG);
 * // {"event":"generation.outcome","outcome":"failed","reason":"...","failures":1,"level":"WARNING",
 * //  "_aws":{"Timestamp":...,"CloudWatchMetrics":[{"Namespace":"lessonpack",
 * //          "Dimensions":[[],["reason"]],"Metrics":[{"Name":"failures","Unit":"Count"}]}]}}
 * }</pre>
 *
 * <p>The namespace is {@value #DEFAULT_NAMESPACE} unless the system property
 * {@value #NAMESPACE_PROPERTY} names another (a bootstrap sets it, never the application); set to
 * blank, it switches the metrics off and the lines carry neither {@code _aws} nor the metric
 * fields, e.g. for a service that embeds lessonpack and ships its logs to CloudWatch itself.
 */
public final class EmbeddedMetrics {

    /** The CloudWatch namespace of lessonpack's metrics, unless {@value #NAMESPACE_PROPERTY} says otherwise. */
    public static final String DEFAULT_NAMESPACE = "lessonpack";

    /** System property naming the namespace; blank switches the metrics off. */
    public static final String NAMESPACE_PROPERTY = "lessonpack.metrics.namespace";

    /** CloudWatch's unit of a metric, as EMF spells it. */
    public enum Unit {
        COUNT("Count"),
        MILLISECONDS("Milliseconds"),
        NONE("None");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        /** The name CloudWatch uses, e.g. {@code Milliseconds}. */
        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    /**
     * The names of the line's string fields a metric is published by; CloudWatch publishes the
     * metric once per set. {@link #TOTAL} (no dimension) gives the series over every value.
     */
    public record DimensionSet(List<String> names) {

        /** No dimension: the metric's total. */
        public static final DimensionSet TOTAL = new DimensionSet(List.of());

        public DimensionSet {
            names = List.copyOf(names);
        }

        /** The set of the named fields, e.g. {@code DimensionSet.of("reason")}. */
        public static DimensionSet of(String... names) {
            return new DimensionSet(List.of(names));
        }
    }

    /** One metric of the line: its field name, unit, value and the dimension sets it is published by. */
    private record Metric(String name, Unit unit, Number value, List<DimensionSet> dimensionSets) {
    }

    private final String namespace;
    private final Instant timestamp;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    private EmbeddedMetrics(String namespace, Instant timestamp) {
        this.namespace = namespace;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Metrics timestamped {@code timestamp} (the moment the line reports on, from the caller's
     * clock), in the namespace {@value #NAMESPACE_PROPERTY} names, else {@value #DEFAULT_NAMESPACE}.
     */
    public static EmbeddedMetrics at(Instant timestamp) {
        String property = System.getProperty(NAMESPACE_PROPERTY);
        return new EmbeddedMetrics(property == null ? DEFAULT_NAMESPACE : property.strip(), timestamp);
    }

    /** Metrics timestamped {@code timestamp} in {@code namespace}; a blank namespace switches them off. */
    public static EmbeddedMetrics at(Instant timestamp, String namespace) {
        return new EmbeddedMetrics(Objects.requireNonNull(namespace, "namespace").strip(), timestamp);
    }

    /** Adds a {@link Unit#COUNT} metric. */
    public EmbeddedMetrics count(String name, long value, DimensionSet... dimensionSets) {
        return metric(name, Unit.COUNT, value, dimensionSets);
    }

    /** Adds a {@link Unit#MILLISECONDS} metric. */
    public EmbeddedMetrics milliseconds(String name, long value, DimensionSet... dimensionSets) {
        return metric(name, Unit.MILLISECONDS, value, dimensionSets);
    }

    /**
     * Adds a metric: the line gets the field {@code name} with {@code value}, and CloudWatch
     * publishes it once per dimension set (at least one; {@link DimensionSet#TOTAL} for no
     * dimension). A value that is not a finite number is left out, as CloudWatch would refuse it.
     */
    public EmbeddedMetrics metric(String name, Unit unit, Number value, DimensionSet... dimensionSets) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        if (dimensionSets.length == 0) {
            throw new IllegalArgumentException("metric " + name + " needs at least one dimension set (TOTAL for none)");
        }
        if (Double.isFinite(value.doubleValue())) {
            metrics.put(name, new Metric(name, unit, value, List.of(dimensionSets)));
        }
        return this;
    }

    /** Whether the line gets no metrics: none were added, or the namespace is blank (metrics off). */
    public boolean isEmpty() {
        return namespace.isEmpty() || metrics.isEmpty();
    }

    /** The namespace the metrics are published in. */
    public String namespace() {
        return namespace;
    }

    /** The metric fields to add to the line, by name, in the order they were added; none when off. */
    Map<String, Number> values() {
        Map<String, Number> values = new LinkedHashMap<>();
        if (!isEmpty()) {
            metrics.values().forEach(m -> values.put(m.name(), m.value()));
        }
        return values;
    }

    /**
     * The {@code _aws} member's value for a line whose fields {@code fieldOf} looks up, or null when
     * there is nothing to publish: one metric directive per distinct list of dimension sets. Only
     * what CloudWatch accepts is named: a metric whose field is a finite number, a dimension set
     * whose every field is a string (CloudWatch refuses a line whose dimension is missing or not a
     * string), a metric only while it has a set.
     */
    String awsJson(Function<String, Object> fieldOf) {
        if (isEmpty()) {
            return null;
        }
        Predicate<String> isString = name -> {
            Object value = fieldOf.apply(name);
            return value != null && !(value instanceof Number) && !(value instanceof Boolean);
        };
        Map<List<DimensionSet>, List<Metric>> directives = new LinkedHashMap<>();
        for (Metric metric : metrics.values()) {
            if (!(fieldOf.apply(metric.name()) instanceof Number value) || !Double.isFinite(value.doubleValue())) {
                continue;
            }
            List<DimensionSet> usable = metric.dimensionSets().stream()
                    .filter(set -> set.names().stream().allMatch(isString))
                    .distinct()
                    .toList();
            if (!usable.isEmpty()) {
                directives.computeIfAbsent(usable, k -> new ArrayList<>()).add(metric);
            }
        }
        if (directives.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("{\"Timestamp\":").append(timestamp.toEpochMilli())
                .append(",\"CloudWatchMetrics\":[");
        appendJoined(json, List.copyOf(directives.entrySet()), (out, directive) -> {
            out.append("{\"Namespace\":");
            LogEvent.quote(out, namespace).append(",\"Dimensions\":[");
            appendJoined(out, directive.getKey(), (sets, set) -> {
                sets.append('[');
                appendJoined(sets, set.names(), LogEvent::quote);
                sets.append(']');
            });
            out.append("],\"Metrics\":[");
            appendJoined(out, directive.getValue(), (defs, metric) -> {
                defs.append("{\"Name\":");
                LogEvent.quote(defs, metric.name()).append(",\"Unit\":\"").append(metric.unit().cloudWatchName())
                        .append("\"}");
            });
            out.append("]}");
        });
        return json.append("]}").toString();
    }

    private interface Appender<T> {
        void append(StringBuilder out, T item);
    }

    private static <T> void appendJoined(StringBuilder out, List<T> items, Appender<T> appender) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appender.append(out, items.get(i));
        }
    }
}
