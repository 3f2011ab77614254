package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void parse_defaultsToPort8080InMemory() {
        assertThat(ServeCommand.parse(List.of())).isEqualTo(new ServeCommand.Options(8080, null));
    }

    @Test
    void parse_portAndKeep() {
        ServeCommand.Options options = ServeCommand.parse(List.of("--port", "0", "--keep", "/tmp/lp"));
        assertThat(options.port()).isZero();
        assertThat(options.keep()).contains(Path.of("/tmp/lp"));
    }

    @Test
    void parse_badInput_isRefusedWithTheReason() {
        assertThatThrownBy(() -> ServeCommand.parse(List.of("--port", "http"))).hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> ServeCommand.parse(List.of("--port", "70000"))).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> ServeCommand.parse(List.of("--keep"))).hasMessageContaining("--keep needs a value");
        assertThatThrownBy(() -> ServeCommand.parse(List.of("--verbose"))).hasMessageContaining("unknown option");
    }

    @Test
    void run_withABadOption_exits2WithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ServeCommand().run(List.of("--nope"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --nope").contains("usage: serve");
    }

    @Test
    void retryPolicy_theLastDelayRepeats() {
        RetryPolicy policy = new RetryPolicy(4, List.of(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> new RetryPolicy(0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
