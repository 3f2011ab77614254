package io.lessonpack.bootstrap.local.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The bundled sample learners of the demo: who they are, when they practise which language, and
 * what the analysis of their very first session found. Read from {@code demo/learners.json}.
 */
record DemoScenario(String startDate, List<Learner> learners, List<String> feedbackPool) {

    /** The first simulated day. */
    LocalDate firstDay() {
        return LocalDate.parse(startDate);
    }

    /** A sample learner; {@code recall} is how well they remember, 0..1, driving simulated hits. */
    record Learner(String userId, String name, double recall, List<Session> sessions,
            Map<String, FirstAnalysis> firstAnalysis) {
    }

    /**
     * A recurring session: language, UTC time of day, and on which demo days ({@code all},
     * {@code odd} or {@code even}, counting the first day as 1).
     */
    record Session(String language, String time, String days) {
        LocalTime at() {
            return LocalTime.parse(time);
        }

        boolean on(int dayNumber) {
            return switch (days) {
                case "odd" -> dayNumber % 2 == 1;
                case "even" -> dayNumber % 2 == 0;
                default -> true;
            };
        }
    }

    /** What the analysis of a learner's first session in a language found. */
    record FirstAnalysis(List<String> missed, List<String> hit, List<String> used, String feedback) {
    }

    static DemoScenario bundled() {
        try (InputStream in = DemoScenario.class.getResourceAsStream("/io/lessonpack/bootstrap/local/demo/learners.json")) {
            if (in == null) {
                throw new IllegalStateException("the bundled demo learners are missing from the classpath");
            }
            return new ObjectMapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, DemoScenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo learners are unreadable", e);
        }
    }
}
