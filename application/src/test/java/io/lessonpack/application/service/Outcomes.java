package io.lessonpack.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.FailureReason;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.in.GenerationOutcome.Failed;
import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.GenerationOutcome.Skipped;
import io.lessonpack.application.port.in.SkipReason;

/** Assertions that narrow an outcome to the expected kind and say what it was when it is not. */
final class Outcomes {

    private Outcomes() {
    }

    static Generated generated(GenerationOutcome outcome) {
        assertThat(outcome).as("outcome").isInstanceOf(Generated.class);
        return (Generated) outcome;
    }

    static Skipped skipped(GenerationOutcome outcome, SkipReason reason) {
        assertThat(outcome).as("outcome").isInstanceOf(Skipped.class);
        Skipped skipped = (Skipped) outcome;
        assertThat(skipped.reason()).as("skip reason of %s", outcome).isEqualTo(reason);
        return skipped;
    }

    static Failed failed(GenerationOutcome outcome, FailureReason reason) {
        assertThat(outcome).as("outcome").isInstanceOf(Failed.class);
        Failed failed = (Failed) outcome;
        assertThat(failed.reason()).as("failure reason of %s", outcome).isEqualTo(reason);
        return failed;
    }

    static String detail(GenerationOutcome outcome) {
        return switch (outcome) {
            case Generated g -> "";
            case Skipped s -> s.detail();
            case Failed f -> f.detail();
        };
    }
}
