package io.lessonpack.adapter.aws.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to build and read attribute values without repeating the SDK's builders. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A number in plain decimal notation, exact for the double (DynamoDB keeps 38 digits). */
    static AttributeValue n(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Attributes::s).toList());
    }

    /** A string attribute, when present and a string. */
    static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? Optional.empty() : Optional.of(v.s());
    }

    /** A number attribute as a long, when present and a whole number. */
    static Optional<Long> longNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.n()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A number attribute as a double, when present and finite. */
    static Optional<Double> doubleNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.n() == null) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(v.n());
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The strings of an {@code L} (string elements only) or {@code SS} attribute; empty when missing. */
    static List<String> stringList(AttributeValue v) {
        return stringList(v, Integer.MAX_VALUE);
    }

    /** The strings of an SS or an L of S, at most {@code max} of them, in order; anything else is empty. */
    static List<String> stringList(AttributeValue v, int max) {
        if (v == null) {
            return List.of();
        }
        if (v.hasSs()) {
            return List.copyOf(v.ss().subList(0, Math.min(max, v.ss().size())));
        }
        if (v.hasL()) {
            List<String> out = new ArrayList<>();
            for (AttributeValue element : v.l()) {
                if (out.size() == max) {
                    break;
                }
                if (element.s() != null) {
                    out.add(element.s());
                }
            }
            return out;
        }
        return List.of();
    }

    /**
     * An update expression that SETs every attribute of {@code values}, with placeholders for names
     * ({@code #a0}) and values ({@code :a0}) so that reserved words ({@code name}, {@code language})
     * are safe. Add the returned names and values to the request.
     */
    static SetClause set(Map<String, AttributeValue> values) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> placeholders = new LinkedHashMap<>();
        List<String> assignments = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            names.put("#a" + i, e.getKey());
            placeholders.put(":a" + i, e.getValue());
            assignments.add("#a" + i + " = :a" + i);
            i++;
        }
        return new SetClause("SET " + String.join(", ", assignments), names, placeholders);
    }

    /** An update expression with its name and value placeholders. */
    record SetClause(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

        /** This clause's names plus {@code more}. */
        Map<String, String> namesWith(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(names);
            all.putAll(more);
            return all;
        }

        /** This clause's values plus {@code more}. */
        Map<String, AttributeValue> valuesWith(Map<String, AttributeValue> more) {
            Map<String, AttributeValue> all = new LinkedHashMap<>(values);
            all.putAll(more);
            return all;
        }
    }
}
