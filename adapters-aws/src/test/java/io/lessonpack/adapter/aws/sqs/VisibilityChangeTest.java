package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VisibilityChangeTest {

    private static final String ARN = "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo";
    private static final String HANDLE = "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a-secret";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT0S, 0", "PT1S, 1", "PT0.001S, 1", "PT1.5S, 2", "PT6M, 360", "PT12H, 43200"})
    void visibilityTimeoutSeconds_wholeSecondsRoundedUp(Duration visibleAfter, int seconds) {
        assertThat(new VisibilityChange("m-1", ARN, HANDLE, visibleAfter).visibilityTimeoutSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PT-1S", "PT-0.001S", "PT12H0.001S", "PT13H", "P1D"})
    void constructor_visibleAfterOutsideZeroToTwelveHours_rejected(String visibleAfter) {
        assertThatThrownBy(() -> new VisibilityChange("m-1", ARN, HANDLE, Duration.parse(visibleAfter)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 43200 seconds");
    }

    @Test
    void constructor_noVisibleAfter_rejected() {
        assertThatThrownBy(() -> new VisibilityChange("m-1", ARN, HANDLE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visibleAfter");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void constructor_blankStrings_rejectedNamingTheFieldNotTheHandle(String blank) {
        assertThatThrownBy(() -> new VisibilityChange(blank, ARN, HANDLE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId")
                .hasMessageNotContaining(HANDLE);
        assertThatThrownBy(() -> new VisibilityChange("m-1", blank, HANDLE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventSourceArn")
                .hasMessageNotContaining(HANDLE);
        assertThatThrownBy(() -> new VisibilityChange("m-1", ARN, blank, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiptHandle");
    }

    @Test
    void toString_leavesTheReceiptHandleOut() {
        VisibilityChange change = new VisibilityChange("m-1", ARN, HANDLE, Duration.ofSeconds(5));

        assertThat(change.toString()).contains("m-1").contains(ARN).contains("PT5S").doesNotContain(HANDLE)
                .doesNotContain("secret");
    }

    @Test
    void equality_byAllFields() {
        assertThat(new VisibilityChange("m-1", ARN, HANDLE, Duration.ofSeconds(5)))
                .isEqualTo(new VisibilityChange("m-1", ARN, HANDLE, Duration.ofSeconds(5)))
                .isNotEqualTo(new VisibilityChange("m-1", ARN, HANDLE + "x", Duration.ofSeconds(5)));
    }
}
