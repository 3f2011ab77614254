package io.lessonpack.bootstrap.local.bench;

import io.lessonpack.application.service.TimeBudget;
import java.time.Duration;
import java.util.List;

/**
 * The bench's time scale. {@link #FULL} is production's: a 60 s Lambda, GPT-4o's 5-50 s, the
 * service's default {@link TimeBudget}. {@link #QUICK} divides every time by ten (and gives the
 * closing time, which does not scale, a little room) so the test suite can run the same rows in
 * seconds and hold the same expectations.
 *
 * @param name       printed with the results
 * @param factor     model delays are the full scale's times this
 * @param countdown  what the Lambda-like context counts down from
 * @param budget     the generation's time budget at this scale
 * @param startRule  the countdown of the row that leaves less than the minimum for the model
 */
record BenchScale(String name, double factor, Duration countdown, TimeBudget budget, Duration startRule) {

    /** Production's times. */
    static final BenchScale FULL = new BenchScale("full", 1.0, Duration.ofSeconds(60), TimeBudget.defaults(),
            Duration.ofSeconds(14));

    /** A tenth of production's times, for the build's own run of the bench. */
    static final BenchScale QUICK = new BenchScale("quick", 0.1, Duration.ofSeconds(10),
            new TimeBudget(Duration.ofMillis(300), Duration.ofSeconds(1)), Duration.ofSeconds(3));

    /** A full-scale model delay at this scale. */
    Duration delay(int fullSeconds) {
        return Duration.ofMillis(Math.round(fullSeconds * 1000 * factor));
    }

    /**
     * One latency row: an invocation with one message per entry of {@code learners} (the index of the
     * row's learner who sent that session), the model answering after {@code modelDelay}, the
     * context counting down from {@code countdown}.
     */
    record Row(String name, Duration modelDelay, Duration countdown, List<Integer> learners) {
        Row {
            learners = List.copyOf(learners);
        }

        int learnerCount() {
            return (int) learners.stream().distinct().count();
        }
    }

    /** The latency rows, in the order they run, named by their full-scale model delay. */
    List<Row> rows() {
        return List.of(batch5(5), batch5(12), batch5(20), batch5(30), batch5(45),
                // Learner A's session, three other learners, then A's second session the same day.
                new Row("mixed@20s", delay(20), countdown, List.of(0, 1, 2, 3, 0)),
                new Row("single@38s", delay(38), countdown, List.of(0)),
                new Row("single@50s", delay(50), countdown, List.of(0)),
                // Too little left for the model's minimum: no request may start.
                new Row("start-rule", delay(38), startRule, List.of(0)));
    }

    private Row batch5(int fullSeconds) {
        return new Row("batch5@" + fullSeconds + "s", delay(fullSeconds), countdown, List.of(0, 1, 2, 3, 4));
    }
}
