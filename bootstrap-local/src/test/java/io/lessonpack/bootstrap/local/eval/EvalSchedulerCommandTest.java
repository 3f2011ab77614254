package io.lessonpack.bootstrap.local.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSchedulerCommandTest {

    private static final double DECAY = -0.1542;
    private static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1;

    /**
     * Columns reordered with an extra one, CRLF line ends, blank lines, three offset spellings.
     * a: Good, Good two days later (scored, recalled). b: Again at 23:59 UTC, Hard two minutes later on the
     * next UTC day (scored, recalled). c: Good, Again the same day, Again four days later (scored, forgotten).
     * d: one Easy review. e: Good, then Good at 01:30+02:00 the next local day, which is the same UTC day.
     */
    private static final String SMALL_LOG = String.join("\r\n",
            "review_duration,review_time,card_id,review_rating",
            "1200,2025-01-01T10:00:00.000000+00:00,a,3",
            "",
            "800,2025-01-03T09:00:00Z,a,3",
            "500,2025-01-01T23:59:00+00:00,b,1",
            "700,2025-01-02T00:01:00+00:00,b,2",
            "900,2025-01-01T08:00:00Z,c,3",
            "900,2025-01-01T09:00:00Z,c,1",
            "900,2025-01-05T09:00:00Z,c,1",
            "300,2025-01-04T09:00:00Z,d,4",
            "400,2025-01-01T10:00:00Z,e,3",
            "400,2025-01-02T01:30:00+02:00,e,3",
            "",
            "");

    @TempDir
    Path dir;

    private final Captured captured = new Captured();
    private final PrintStream out = captured.out;
    private final PrintStream err = captured.err;

    @Test
    void run_smallLog_reportsFiguresComputedFromTheFormulas() throws IOException {
        Path csv = write("small.csv", SMALL_LOG);
        double p1 = r(2, 2.3065);
        double p2 = r(1, 0.212);
        double sameDayAgain = 2.3065 * Math.exp(0.5425 * (1 - 3 + 0.0912)) * Math.pow(2.3065, -0.0658);
        double p3 = r(4, sameDayAgain);
        double logLoss = -(Math.log(p1) + Math.log(p2) + Math.log(1 - p3)) / 3;
        double rmse = Math.sqrt((sq(1 - p1) + sq(1 - p2) + sq(p3)) / 3);
        double mean = 2.0 / 3;
        double constantLogLoss = -(2 * Math.log(mean) + Math.log(1 - mean)) / 3;
        double constantRmse = Math.sqrt(mean * (1 - mean));

        int exit = new EvalSchedulerCommand().run(List.of(csv.toString()), out, err);

        assertThat(exit).as(err()).isZero();
        Report report = Report.parse(out());
        assertThat(report.cards).isEqualTo(5);
        assertThat(report.reviews).isEqualTo(10);
        assertThat(report.scored).isEqualTo(3);
        assertThat(out()).contains("mean recall          " + f4(mean));
        assertThat(report.fsrsLogLoss).isEqualTo(f4(logLoss));
        assertThat(report.fsrsRmse).isEqualTo(f4(rmse));
        assertThat(report.constantLogLoss).isEqualTo(f4(constantLogLoss));
        assertThat(report.constantRmse).isEqualTo(f4(constantRmse));
        String verdict = logLoss < constantLogLoss ? "better" : "worse";
        assertThat(out()).contains("Verdict: FSRS-6 predicts " + verdict + " than the constant average: log-loss "
                + f4(Math.abs(constantLogLoss - logLoss)));
        assertThat(err()).contains("read 10 reviews").contains("replaying 5 cards");
    }

    @Test
    void run_wholeCommandLine_isAlsoAccepted() throws IOException {
        Path csv = write("small.csv", SMALL_LOG);
        assertThat(new EvalSchedulerCommand().run(List.of("eval-scheduler", csv.toString()), out, err)).isZero();
        assertThat(Report.parse(out()).scored).isEqualTo(3);
    }

    @Test
    void run_noArguments_printsUsageAndExitsTwo() {
        assertThat(new EvalSchedulerCommand().run(List.of(), out, err)).isEqualTo(2);
        assertThat(err()).contains("usage: eval-scheduler FILE.csv");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_missingFile_exitsTwoNamingTheFile() {
        Path missing = dir.resolve("nope.csv");
        assertThat(new EvalSchedulerCommand().run(List.of(missing.toString()), out, err)).isEqualTo(2);
        assertThat(err()).contains("no such file").contains("nope.csv");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_missingColumns_exitsTwoNamingThem() throws IOException {
        Path csv = write("cols.csv", "card_id,rating,when\n1,3,2025-01-01T00:00:00Z\n");
        assertThat(new EvalSchedulerCommand().run(List.of(csv.toString()), out, err)).isEqualTo(2);
        assertThat(err()).contains("review_rating, review_time").doesNotContain("no column card_id");
    }

    @Test
    void run_badRating_exitsTwoWithLineNumberButNotTheLine() throws IOException {
        Path csv = write("bad.csv", "card_id,review_rating,review_time,review_duration\n"
                + "c1,3,2025-01-01T00:00:00Z,10\n\n"
                + "private-card-7,5,2025-01-02T00:00:00Z,98765\n");
        assertThat(new EvalSchedulerCommand().run(List.of(csv.toString()), out, err)).isEqualTo(2);
        assertThat(err()).contains("line 4").contains("review_rating must be 1, 2, 3 or 4, got \"5\"")
                .doesNotContain("private-card-7").doesNotContain("98765");
    }

    @Test
    void run_badTime_exitsTwoWithLineNumber() throws IOException {
        Path csv = write("bad.csv", "card_id,review_rating,review_time\n"
                + "c1,3,2025-01-01T00:00:00Z\n"
                + "c1,3,2025-01-02 00:00:00\n");
        assertThat(new EvalSchedulerCommand().run(List.of(csv.toString()), out, err)).isEqualTo(2);
        assertThat(err()).contains("line 3").contains("review_time").doesNotContain("c1,3");
    }

    @Test
    void run_nothingToScore_exitsTwoSayingWhy() throws IOException {
        Path csv = write("one-day.csv", "card_id,review_rating,review_time\nc1,3,2025-01-01T00:00:00Z\n");
        assertThat(new EvalSchedulerCommand().run(List.of(csv.toString()), out, err)).isEqualTo(2);
        assertThat(err()).contains("nothing to score");
    }

    @Test
    void run_realSampleLog_fsrsBeatsTheConstant() {
        int exit = new EvalSchedulerCommand().run(List.of(SampleLog.path().toString()), out, err);

        assertThat(exit).as(err()).isZero();
        Report report = Report.parse(out());
        assertThat(report.cards).isPositive();
        assertThat(report.scored).isGreaterThan(1000);
        assertThat(Double.parseDouble(report.fsrsLogLoss)).isLessThan(Double.parseDouble(report.constantLogLoss));
        assertThat(out()).contains("predicts better");
        System.out.println(out());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String out() {
        return captured.outText();
    }

    private String err() {
        return captured.errText();
    }

    private static double r(double t, double s) {
        return Math.pow(1 + FACTOR * t / s, DECAY);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static String f4(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    /** The figures of a printed report, as printed. */
    private record Report(int cards, int reviews, int scored, String fsrsLogLoss, String fsrsRmse,
            String constantLogLoss, String constantRmse) {

        static Report parse(String text) {
            Matcher fsrs = find(text, "FSRS-6 default\\s+(\\S+)\\s+(\\S+)");
            Matcher constant = find(text, "constant \\S+\\s+(\\S+)\\s+(\\S+)");
            return new Report(
                    Integer.parseInt(find(text, "cards\\s+(\\d+)").group(1)),
                    Integer.parseInt(find(text, "reviews\\s+(\\d+)").group(1)),
                    Integer.parseInt(find(text, "scored predictions\\s+(\\d+)").group(1)),
                    fsrs.group(1), fsrs.group(2), constant.group(1), constant.group(2));
        }

        private static Matcher find(String text, String regex) {
            Matcher m = Pattern.compile(regex).matcher(text);
            assertThat(m.find()).as("report has %s:%n%s", regex, text).isTrue();
            return m;
        }
    }
}
