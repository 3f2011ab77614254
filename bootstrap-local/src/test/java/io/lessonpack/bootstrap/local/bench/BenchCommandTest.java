package io.lessonpack.bootstrap.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command's options, rows, verdicts and output; {@link QuickBenchTest} runs the rows themselves. */
class BenchCommandTest {

    @Test
    void rows_pickedByName_inTheOrderGiven() {
        assertThat(BenchCommand.rows(BenchScale.FULL, List.of("single@38s", "batch5@5s")).stream()
                .map(BenchScale.Row::name)).containsExactly("single@38s", "batch5@5s");
        assertThatThrownBy(() -> BenchCommand.parse(List.of("--rows", "batch5@7s")))
                .hasMessageContaining("unknown row batch5@7s");
    }

    @Test
    void rows_asTheIssueAsksAtFullScale_aTenthAtQuickScale() {
        assertThat(BenchScale.FULL.rows().stream().map(BenchScale.Row::name)).containsExactly("batch5@5s", "batch5@12s",
                "batch5@20s", "batch5@30s", "batch5@45s", "mixed@20s", "single@38s", "single@50s", "start-rule");
        BenchScale.Row mixed = BenchCommand.rows(BenchScale.FULL, List.of("mixed@20s")).get(0);
        assertThat(mixed.learners()).containsExactly(0, 1, 2, 3, 0);
        assertThat(mixed.learnerCount()).isEqualTo(4);
        assertThat(mixed.modelDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(BenchCommand.rows(BenchScale.QUICK, List.of("batch5@45s")).get(0).modelDelay())
                .isEqualTo(Duration.ofMillis(4_500));
    }

    @Test
    void startRuleRow_leavesLessThanTheMinimumForTheModelAtEitherScale() {
        for (BenchScale scale : List.of(BenchScale.FULL, BenchScale.QUICK)) {
            BenchScale.Row row = BenchCommand.rows(scale, List.of("start-rule")).get(0);
            Duration authorTime = row.countdown().minus(SqsVoiceSessionBatchProcessor.CLOSING_TIME)
                    .minus(scale.budget().authorReserve());
            assertThat(authorTime).as(scale.name()).isLessThan(scale.budget().minimumAuthorTime());
            assertThat(scale.rows().stream().filter(r -> !r.name().equals("start-rule")))
                    .allSatisfy(r -> assertThat(r.countdown()).isEqualTo(scale.countdown()));
        }
    }

    @Test
    void options_quickJsonNoColdStart() {
        BenchCommand.Options options = BenchCommand.parse(List.of("--quick", "--json", "--no-cold-start"));

        assertThat(options.scale()).isSameAs(BenchScale.QUICK);
        assertThat(options.json()).isTrue();
        assertThat(options.coldStart()).isFalse();
        assertThat(BenchCommand.parse(List.of("--help"))).isNull();
    }

    @Test
    void unknownOption_exitsWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new BenchCommand().run(List.of("--rows", "nope"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown row nope", "usage: bench", "start-rule");
    }

    @Test
    void shortfalls_nameARowThatLostALessonOrStartedARequestItShouldNot() {
        BenchScale.Row batch = BenchCommand.rows(BenchScale.FULL, List.of("batch5@20s")).get(0);
        BenchScale.Row rule = BenchCommand.rows(BenchScale.FULL, List.of("start-rule")).get(0);
        BenchResults good = results(new BenchResults.RowResult(batch, 5, 5, 0, 0, Duration.ofSeconds(20),
                new ModelStandIn.Counts(5, 5, 0)), new BenchResults.RowResult(rule, 1, 0, 0, 1, Duration.ZERO,
                new ModelStandIn.Counts(0, 0, 0)));
        BenchResults bad = results(new BenchResults.RowResult(batch, 5, 2, 0, 3, Duration.ofSeconds(52),
                new ModelStandIn.Counts(3, 2, 1)), new BenchResults.RowResult(rule, 1, 0, 0, 1, Duration.ZERO,
                new ModelStandIn.Counts(1, 0, 1)));

        assertThat(BenchCommand.shortfalls(good)).isEmpty();
        assertThat(BenchCommand.shortfalls(bad)).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("batch5@20s: 2 lesson(s) for 5 learner(s)"))
                .anySatisfy(s -> assertThat(s).startsWith("start-rule: a model request was started"));
    }

    @Test
    void table_andJson_showEveryFigure() {
        BenchScale.Row batch = BenchCommand.rows(BenchScale.FULL, List.of("batch5@5s")).get(0);
        BenchResults results = new BenchResults(BenchScale.FULL, List.of(new BenchResults.RowResult(batch, 5, 4, 0, 1,
                Duration.ofMillis(52_340), new ModelStandIn.Counts(5, 4, 1))),
                new BenchResults.WarmCost(10, 140, 11, 9, 1),
                List.of(new MemoryGrowthBench.Size(2_000, 64_000, 11, 40, 9_800, 4, 6, 1_000, 2, 480, "fitted (9000 scored)")),
                null);

        assertThat(results.table()).contains("the memory model as the curriculum grows",
                "        2000     64000            11          40          9800              4      6",
                "        2000            1000      2     480  fitted (9000 scored)");
        assertThat(results.json()).contains("\"lessonItemsRead\" : 40", "\"refitOutcome\" : \"fitted (9000 scored)\"");
        assertThat(results.table()).contains("time budget: author reserve 3.0 s, minimum model time 10.0 s",
                "row          countdown  messages  lessons  skipped  failed  wall s  started  answered  cut",
                "batch5@5s         60 s         5        4        0       1    52.3        5         4    1",
                "lesson     140 ms   11 DynamoDB calls", "skip         9 ms    1 DynamoDB calls");
        assertThat(results.json()).contains("\"row\" : \"batch5@5s\"", "\"wallS\" : 52.3", "\"modelCut\" : 1",
                "\"modelDelayS\" : 5.0", "\"lessonDynamoDbCalls\" : 11");
    }

    private static BenchResults results(BenchResults.RowResult... rows) {
        return new BenchResults(BenchScale.FULL, List.of(rows), null, List.of(), null);
    }
}
