package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedeliveryBackoffTest {

    private final RedeliveryBackoff defaults = RedeliveryBackoff.defaults();

    @Test
    void after_doublesFromTheFirstDelayUpToTheLongest() {
        assertThat(defaults.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.after(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(defaults.after(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.after(1_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.after(0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void tenMinutesOfWaiting_costAtMostSixReceives_soTenReceivesLeaveRoomForThreeOtherFailures() {
        Duration wait = Duration.ofMinutes(10);

        assertThat(defaults.receivesWhileWaiting(wait)).isEqualTo(6);
        assertThat(defaults.longestDelayWhileWaiting(wait)).isEqualTo(Duration.ofSeconds(610));
        assertThat(defaults.requiredMaxReceiveCount(wait)).isEqualTo(10);
    }

    @Test
    void receivesWhileWaiting_theirDelaysAlwaysAddUpToTheWait() {
        for (int minutes = 0; minutes <= 60; minutes++) {
            Duration wait = Duration.ofMinutes(minutes);
            int receives = defaults.receivesWhileWaiting(wait);
            assertThat(defaults.longestDelayWhileWaiting(wait)).isGreaterThanOrEqualTo(wait);
            if (receives > 0) {
                assertThat(defaults.longestDelayWhileWaiting(wait).minus(defaults.after(receives))).isLessThan(wait);
            }
        }
    }

    @Test
    void schedule_outsideSqsLimits_isRefused() {
        assertThatThrownBy(() -> new RedeliveryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedeliveryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedeliveryBackoff(Duration.ofSeconds(1), Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
