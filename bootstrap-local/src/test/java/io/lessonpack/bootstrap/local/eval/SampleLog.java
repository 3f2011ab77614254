package io.lessonpack.bootstrap.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The real review log vendored in the repository's {@code data/} folder (MIT, from py-fsrs). */
final class SampleLog {

    private SampleLog() {
    }

    /** Its path; the build passes the project root, and a run from the module folder finds it one up. */
    static Path path() {
        Path sample = Path.of(System.getProperty("lessonpack.projectRoot", ".."))
                .resolve("data/review_logs_sample.csv").normalize();
        assertThat(sample).as("the vendored sample review log").exists();
        return sample;
    }
}
