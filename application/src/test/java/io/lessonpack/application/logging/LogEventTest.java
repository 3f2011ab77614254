package io.lessonpack.application.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.domain.learner.UserId;
import org.junit.jupiter.api.Test;

class LogEventTest {

    @Test
    void toJson_plainFields_startWithTheEventAndKeepTheirOrder() {
        String json = LogEvent.of("generation.outcome").with("sessionId", "s-1").with("outcome", "skipped").toJson();

        assertThat(json).isEqualTo("{\"event\":\"generation.outcome\",\"sessionId\":\"s-1\",\"outcome\":\"skipped\"}");
    }

    @Test
    void toJson_quotesAndBackslashes_areEscaped() {
        String json = LogEvent.of("e").with("text", "say \"hola\" C:\\path\\").toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"text\":\"say \\\"hola\\\" C:\\\\path\\\\\"}");
    }

    @Test
    void toJson_newlineCarriageReturnAndTab_areEscaped() {
        String json = LogEvent.of("e").with("text", "a\nb\rc\td").toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"text\":\"a\\nb\\rc\\td\"}");
        assertThat(json).doesNotContain("\n", "\r", "\t");
    }

    @Test
    void toJson_otherControlCharacters_areUnicodeEscaped() {
        String json = LogEvent.of("e").with("text", "\u0000\u0001\b\f\u001f").toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"text\":\"\\u0000\\u0001\\u0008\\u000c\\u001f\"}");
        assertThat(json.chars()).noneMatch(c -> c < 0x20);
    }

    @Test
    void toJson_nonAsciiText_isKeptAsIs() {
        String json = LogEvent.of("e").with("text", "café 日本語 ñ").toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"text\":\"café 日本語 ñ\"}");
    }

    @Test
    void toJson_numbersAndBooleans_areWrittenUnquoted() {
        String json = LogEvent.of("e").with("count", 3).with("tokens", 1_200L).with("ratio", 0.5)
                .with("resumed", true).with("retryable", false).toJson();

        assertThat(json).isEqualTo(
                "{\"event\":\"e\",\"count\":3,\"tokens\":1200,\"ratio\":0.5,\"resumed\":true,\"retryable\":false}");
    }

    @Test
    void toJson_nullValues_areLeftOut() {
        String json = LogEvent.of("e").with("missing", null).with("present", "x").with("alsoMissing", null).toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"present\":\"x\"}");
    }

    @Test
    void toJson_otherValues_areWrittenAsQuotedStrings() {
        String json = LogEvent.of("e").with("userId", UserId.of("user-7")).with("reason", SkipReason.NO_NEW_ANALYSIS)
                .toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"userId\":\"user-7\",\"reason\":\"NO_NEW_ANALYSIS\"}");
    }

    @Test
    void toJson_fieldNames_areEscapedToo() {
        String json = LogEvent.of("e").with("we\"ird\n", 1).toJson();

        assertThat(json).isEqualTo("{\"event\":\"e\",\"we\\\"ird\\n\":1}");
    }

    @Test
    void info_loggableLevel_writesOneJsonLineWithTheLevel() {
        System.Logger logger = System.getLogger("io.lessonpack.application.logging.LogEventTest");
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack.application.logging.LogEventTest")) {
            LogEvent.of("batch.done").with("messages", 5).with("failed", 0).info(logger);
            LogEvent.of("event.publish_failed").with("eventId", "p:1").warn(logger);

            assertThat(logs.lines()).containsExactly(
                    "{\"event\":\"batch.done\",\"messages\":5,\"failed\":0,\"level\":\"INFO\"}",
                    "{\"event\":\"event.publish_failed\",\"eventId\":\"p:1\",\"level\":\"WARNING\"}");
        }
    }
}
