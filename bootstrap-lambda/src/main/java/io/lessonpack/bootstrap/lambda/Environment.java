package io.lessonpack.bootstrap.lambda;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where configuration comes from: the process environment in Lambda, a map in tests and in the
 * local runtime. Read lazily, so credentials (which Lambda refreshes after a SnapStart restore) are
 * looked up when used, not when the snapshot was taken.
 */
@FunctionalInterface
public interface Environment {

    /** The variable's value, or null when it is unset. */
    String get(String name);

    /** The process environment. */
    static Environment system() {
        return System::getenv;
    }

    /** A fixed map of variables. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }

    /** This environment with {@code overrides} taking precedence. */
    default Environment with(Map<String, String> overrides) {
        Map<String, String> copy = Map.copyOf(overrides);
        return name -> copy.containsKey(name) ? copy.get(name) : get(name);
    }

    /** The set variables among {@code names}, trimmed, as a map (for adapter configs that take one). */
    default Map<String, String> subset(String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String v = value(name);
            if (v != null) {
                values.put(name, v);
            }
        }
        return values;
    }

    /** The trimmed value, or null when unset or blank. */
    default String value(String name) {
        String v = get(Objects.requireNonNull(name, "name"));
        return v == null || v.isBlank() ? null : v.strip();
    }
}
