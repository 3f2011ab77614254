package io.lessonpack.bootstrap.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A small soak with a fixed seed, in the build: the harness runs the real handler on DynamoDB Local
 * through the simulated queue, injects a fault of every class, and every invariant must hold.
 */
class ChaosSoakTest {

    @Test
    void aSmallFixedSeedSoak_injectsEveryFaultClass_andEveryInvariantHolds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ChaosOptions options = new ChaosOptions(8, 3, 0.5, 7, false, Duration.ofMinutes(2));

        ChaosCommand.Result result = new ChaosCommand().run(options, print(out), print(err));

        String report = out.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(result.sessions()).isGreaterThan(10);
        assertThat(result.receives()).isGreaterThanOrEqualTo(result.sessions());
        assertThat(result.lessons()).isPositive();
        for (FaultClass fault : FaultClass.values()) {
            assertThat(result.faultsInjected(fault)).as("faults injected: " + fault.label()).isPositive();
        }
        assertThat(report).contains("what it did", "invariants", "1. one lesson per learner per UTC day",
                "8. original-service packages keep their id and other services' attributes");
        assertThat(report).doesNotContain("stopped early");
        assertThat(result.broken()).as(report).isEmpty();
        assertThat(result.allHeld()).isTrue();
        assertThat(report).contains("result: every invariant held");
    }

    @Test
    void theSameSeed_playsTheSameSoak() {
        ChaosOptions options = new ChaosOptions(3, 2, 0.5, 11, true, Duration.ofMinutes(2));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        new ChaosCommand().run(options, print(first), print(new ByteArrayOutputStream()));
        new ChaosCommand().run(options, print(second), print(new ByteArrayOutputStream()));

        assertThat(withoutRealTime(second)).isEqualTo(withoutRealTime(first));
    }

    @Test
    void badArguments_exitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new ChaosCommand().run(java.util.List.of("--days", "99"), print(new ByteArrayOutputStream()),
                print(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--days must be within 1..30");
    }

    private static String withoutRealTime(ByteArrayOutputStream json) {
        return json.toString(StandardCharsets.UTF_8).replaceAll("\\s*\"realSeconds\" : [0-9.]+,", "");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
