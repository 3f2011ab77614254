package io.lessonpack.bootstrap.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.FsrsOptimizer;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.Recall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSchedulerFitTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);

    /**
     * In time order: a Good on the 1st, b Good on the 2nd, a Good on the 3rd (training, scored), then from
     * the cutoff at the 4th review on: b Good on the 8th (scored), a Again on the 10th (scored), c Good.
     */
    private static final String SPLIT_LOG = String.join("\n",
            "card_id,review_rating,review_time",
            "a,1,2025-01-10T10:00:00Z",
            "a,3,2025-01-01T10:00:00Z",
            "b,3,2025-01-02T10:00:00Z",
            "a,3,2025-01-03T10:00:00Z",
            "b,3,2025-01-08T10:00:00Z",
            "c,3,2025-01-11T10:00:00Z");

    @TempDir
    Path dir;

    private final Captured io = new Captured();

    @Test
    void fit_sampleLog_fittedWeightsBeatTheDefaultsOnTheTestPart_andTheRunIsDeterministic() {
        List<String> args = List.of(SampleLog.path().toString(), "--fit", "--train-share", "0.7");

        assertThat(new EvalSchedulerCommand().run(args, io.out, io.err)).as(io.errText()).isZero();
        String first = io.outText();
        io.clearOut();
        assertThat(new EvalSchedulerCommand().run(args, io.out, io.err)).as(io.errText()).isZero();
        String second = io.outText();

        double defaults = Double.parseDouble(find(first, "(?m)^  FSRS-6 default\\s+(\\S+)"));
        double fitted = Double.parseDouble(find(first, "(?m)^  FSRS-6 fitted\\s+(\\S+)"));
        assertThat(fitted).isLessThan(defaults);
        assertThat(first).contains("Verdict: the fitted weights predict better than the defaults on the test part");
        assertThat(withoutFitTime(second)).isEqualTo(withoutFitTime(first));
        assertThat(find(first, "fitted weights w0..w20\\s+((?:\\S+\\s+){20}\\S+)").split("\\s+")).hasSize(21);
        System.out.println(first);
    }

    @Test
    void fit_smallLog_trainsOnReviewsBeforeTheCutoffAndScoresTheRestReplayingWholeHistories() throws IOException {
        Path csv = Files.writeString(dir.resolve("split.csv"), SPLIT_LOG, StandardCharsets.UTF_8);
        Fsrs defaults = Fsrs.withDefaults();
        Fsrs fitted = new Fsrs(new FsrsOptimizer().fit(List.of(
                List.of(recall(0, 3), recall(2, 3)),
                List.of(recall(1, 3)))).parameters());

        int exit = new EvalSchedulerCommand().run(List.of(csv.toString(), "--fit", "--train-share", "0.5"), io.out, io.err);

        assertThat(exit).as(io.errText()).isZero();
        assertThat(io.outText()).contains("reviews              6  (train: 3 before 2025-01-08T10:00:00Z; test: 3 from then on)")
                .contains("fit                  1 scored reviews")
                .contains("test predictions     2");
        assertThat(find(io.outText(), "(?m)^  FSRS-6 default\\s+(\\S+)")).isEqualTo(f4(testLogLoss(defaults)));
        assertThat(find(io.outText(), "(?m)^  FSRS-6 fitted\\s+(\\S+)")).isEqualTo(f4(testLogLoss(fitted)));
    }

    @Test
    void fit_trainShareLeavingNoTestReview_exitsTwoSayingSo() throws IOException {
        Path csv = Files.writeString(dir.resolve("split.csv"), SPLIT_LOG, StandardCharsets.UTF_8);
        assertThat(new EvalSchedulerCommand().run(List.of(csv.toString(), "--fit", "--train-share", "0.95"), io.out, io.err))
                .isEqualTo(2);
        assertThat(io.errText()).contains("leaves no review to test on");
        assertThat(io.outText()).isEmpty();
    }

    @Test
    void fit_trainingPartWithNothingToScore_exitsTwoSayingSo() throws IOException {
        Path csv = Files.writeString(dir.resolve("split.csv"), SPLIT_LOG, StandardCharsets.UTF_8);
        assertThat(new EvalSchedulerCommand().run(List.of(csv.toString(), "--fit", "--train-share", "0.3"), io.out, io.err))
                .isEqualTo(2);
        assertThat(io.errText()).contains("the training part: nothing to fit");
    }

    @Test
    void learningCurve_syntheticLog_printsEverySizeTheLogAllowsAndAnIdenticalFitUnderTheCap() throws IOException {
        Path csv = Files.writeString(dir.resolve("learner.csv"), SyntheticLog.csv(160, 11), StandardCharsets.UTF_8);

        int exit = new EvalSchedulerCommand().run(List.of(csv.toString(), "--learning-curve"), io.out, io.err);

        assertThat(exit).as(io.errText()).isZero();
        assertThat(io.outText()).contains("Learning curve:", "Adoption check:", "Quarters:", "History cap:");
        for (int size : List.of(50, 100, 200, 300, 400)) {
            assertThat(io.outText()).containsPattern("(?m)^\\s+" + size + "\\s+\\d+\\s+\\d+\\s+\\d+ \\|");
        }
        assertThat(io.outText()).containsPattern("(?m)^  32\\s+0\\s+0\\s+\\S+\\s+none \\(identical weights\\)$");
    }

    private static double testLogLoss(Fsrs fsrs) {
        MemoryState b = fsrs.first(Rating.GOOD, JAN.plusDays(1));
        MemoryState a = fsrs.review(fsrs.first(Rating.GOOD, JAN), Rating.GOOD, JAN.plusDays(2));
        double pB = fsrs.retrievability(b, JAN.plusDays(7));
        double pA = fsrs.retrievability(a, JAN.plusDays(9));
        return -(Math.log(pB) + Math.log(1 - pA)) / 2;
    }

    private static Recall recall(int day, int grade) {
        return new Recall(JAN.plusDays(day), Rating.ofGrade(grade));
    }

    private static String withoutFitTime(String report) {
        return report.replaceAll("iterations, \\S+ s", "iterations, (time) s");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("report has %s:%n%s", regex, text).isTrue();
        return m.group(1);
    }

    private static String f4(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
