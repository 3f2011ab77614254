package io.lessonpack.bootstrap.local.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One invariant's verdict: held, or BROKEN with how many counterexamples the soak found and the
 * first {@value #KEPT} of them (ids, days and reason codes, never learner text).
 */
record InvariantResult(int number, String title, int violations, List<String> counterexamples) {

    /** Counterexamples kept per invariant. */
    static final int KEPT = 50;

    InvariantResult {
        Objects.requireNonNull(title, "title");
        counterexamples = List.copyOf(counterexamples);
    }

    boolean held() {
        return violations == 0;
    }

    /** The first counterexample, or an empty string when the invariant held. */
    String firstCounterexample() {
        return counterexamples.isEmpty() ? "" : counterexamples.get(0);
    }

    /** Collects the counterexamples of one invariant as a check finds them. */
    static final class Builder {
        private final int number;
        private final String title;
        private int violations;
        private final List<String> kept = new ArrayList<>();

        Builder(int number, String title) {
            this.number = number;
            this.title = title;
        }

        void violation(String counterexample) {
            violations++;
            if (kept.size() < KEPT) {
                kept.add(counterexample);
            }
        }

        InvariantResult build() {
            return new InvariantResult(number, title, violations, kept);
        }
    }
}
