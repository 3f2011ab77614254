package io.lessonpack.bootstrap.local.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.bootstrap.local.eval.EvalOptions.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalOptionsTest {

    @Test
    void parse_fileOnly_scoresTheDefaults() {
        EvalOptions options = EvalOptions.parse(List.of("log.csv"));
        assertThat(options).isEqualTo(new EvalOptions("log.csv", Mode.DEFAULTS, 0.7, 1.0));
    }

    @Test
    void parse_fitWithShareAndPenalty_inAnyOrder() {
        assertThat(EvalOptions.parse(List.of("--train-share", "0.6", "--fit", "log.csv", "--penalty", "4")))
                .isEqualTo(new EvalOptions("log.csv", Mode.FIT, 0.6, 4.0));
        assertThat(EvalOptions.parse(List.of("log.csv", "--learning-curve")).mode()).isEqualTo(Mode.LEARNING_CURVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1.5", "-0.2", "NaN"})
    void parse_shareOutsideTheOpenUnitInterval_isRefused(String share) {
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--fit", "--train-share", share)))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("--train-share must be strictly between 0 and 1");
    }

    @Test
    void parse_badOrMissingValues_areRefusedNamingTheOption() {
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--fit", "--train-share", "seventy")))
                .hasMessageContaining("--train-share needs a number, got \"seventy\"");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--fit", "--train-share")))
                .hasMessageContaining("--train-share needs a number after it");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--fit", "--penalty", "-1")))
                .hasMessageContaining("--penalty must be a number >= 0");
    }

    @Test
    void parse_optionsThatDoNotGoTogether_areRefused() {
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--train-share", "0.5")))
                .hasMessageContaining("--train-share applies to a fit");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--fit", "--learning-curve")))
                .hasMessageContaining("give one");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("a.csv", "b.csv")))
                .hasMessageContaining("expected one FILE.csv");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("--fit")))
                .hasMessageContaining("no FILE.csv");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("log.csv", "--fitt")))
                .hasMessageContaining("unknown option --fitt");
    }

    @Test
    void command_badOptions_exitTwoWithTheMessageAndNothingOnOut() {
        Captured io = new Captured();

        int exit = new EvalSchedulerCommand().run(List.of("missing.csv", "--fit", "--train-share", "1"), io.out, io.err);

        assertThat(exit).isEqualTo(EvalSchedulerCommand.EXIT_BAD_INPUT);
        assertThat(io.errText()).startsWith("eval-scheduler: --train-share must be strictly between 0 and 1, got 1.0");
        assertThat(io.outText()).isEmpty();
    }

    @Test
    void command_fitOnAMissingFile_exitsTwoNamingTheFile() {
        Captured io = new Captured();

        assertThat(new EvalSchedulerCommand().run(List.of("nope.csv", "--fit"), io.out, io.err)).isEqualTo(2);
        assertThat(io.errText()).contains("no such file").contains("nope.csv");
    }

    @Test
    void command_help_printsTheNewOptions() {
        Captured io = new Captured();
        assertThat(new EvalSchedulerCommand().run(List.of("--help"), io.out, io.err)).isZero();
        assertThat(io.outText()).contains("--fit", "--train-share S", "--learning-curve");
    }
}
