package io.lessonpack.bootstrap.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command's options and output; running rows takes minutes and is left to {@code ./lessonpack bench}. */
class BenchCommandTest {

    @Test
    void rows_pickedByName_inTheOrderGiven() {
        assertThat(BenchCommand.rows("single@38s, batch5@5s").stream().map(BenchCommand.Row::name))
                .containsExactly("single@38s", "batch5@5s");
        assertThatThrownBy(() -> BenchCommand.rows("batch5@7s")).hasMessageContaining("unknown row batch5@7s");
    }

    @Test
    void rows_asSpecified() {
        assertThat(BenchCommand.ROWS.stream().map(BenchCommand.Row::name)).containsExactly("batch5@5s", "batch5@12s",
                "batch5@20s", "batch5@30s", "batch5@45s", "mixed@20s", "single@38s", "single@50s");
        BenchCommand.Row mixed = BenchCommand.rows("mixed@20s").get(0);
        assertThat(mixed.learners()).containsExactly(0, 1, 2, 3, 0);
        assertThat(mixed.learnerCount()).isEqualTo(4);
        assertThat(mixed.modelDelay()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void unknownOption_exitsWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new BenchCommand().run(List.of("--rows", "nope"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown row nope", "usage: bench", "single@50s");
    }

    @Test
    void table_andJson_showEveryFigure() {
        BenchCommand.Result result = new BenchCommand.Result(BenchCommand.rows("batch5@5s").get(0), 5, 4, 0, 1,
                Duration.ofMillis(52_340), new ModelStandIn.Counts(5, 4, 1));

        assertThat(BenchCommand.table(List.of(result))).isEqualTo("""
                lessonpack bench: the real handler on DynamoDB Local, a loopback model stand-in, a 60 s Lambda countdown
                row          messages  lessons  skipped  failed  wall s  model started  answered  cut
                batch5@5s           5        4        0       1    52.3              5         4    1
                """);
        assertThat(BenchCommand.json(List.of(result))).contains("\"row\" : \"batch5@5s\"", "\"wallS\" : 52.3",
                "\"modelCut\" : 1", "\"modelDelayS\" : 5.0");
    }
}
