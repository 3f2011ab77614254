package io.lessonpack.adapter.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.application.port.in.SkipReason;
import io.lessonpack.application.testing.CapturedLogs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SqsVoiceSessionMessageParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");
    private static final String VALID =
            "{\"sessionId\":\"s1\",\"userId\":\"u1\",\"targetLanguage\":\"es-MX\",\"createdAt\":\"2026-03-02T09:59:00Z\"}";

    private final SqsVoiceSessionMessageParser parser = new SqsVoiceSessionMessageParser();

    @Test
    void parse_validBody_becomesCommand() {
        VoiceSessionMessage m = parser.parse("m1", VALID, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class, p -> {
            assertThat(p.messageId()).isEqualTo("m1");
            assertThat(p.command().sessionId().value()).isEqualTo("s1");
            assertThat(p.command().userId().value()).isEqualTo("u1");
            assertThat(p.command().language().tag()).isEqualTo("es-MX");
            assertThat(p.command().sessionCreatedAt()).isEqualTo(Instant.parse("2026-03-02T09:59:00Z"));
        });
    }

    @Test
    void parse_offsetCreatedAtAndMissingSession_usesOffsetAndMessageId() {
        VoiceSessionMessage m = parser.parse("m2",
                "{\"userId\":\"u1\",\"targetLanguage\":\"fr\",\"createdAt\":\"2026-03-02T11:00:00+01:00\"}", RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class, p -> {
            assertThat(p.command().sessionId().value()).isEqualTo("message:m2");
            assertThat(p.command().sessionCreatedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        });
    }

    @Test
    void parse_missingCreatedAt_usesReceiveTime() {
        VoiceSessionMessage m = parser.parse("m3", "{\"sessionId\":\"s\",\"userId\":\"u1\",\"targetLanguage\":\"ja\"}",
                RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class,
                p -> assertThat(p.command().sessionCreatedAt()).isEqualTo(RECEIVED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no userId | {\"sessionId\":\"s\",\"targetLanguage\":\"es\"} | missing userId",
        "no language | {\"sessionId\":\"s\",\"userId\":\"u\"} | missing targetLanguage",
        "null userId | {\"userId\":null,\"targetLanguage\":\"es\"} | missing userId",
        "blank language | {\"userId\":\"u\",\"targetLanguage\":\"  \"} | missing targetLanguage",
        "both missing | {\"sessionId\":\"s\"} | missing userId and targetLanguage"
    })
    void parse_missingFields_skippedAsMissingFields(String name, String body, String detail) {
        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.MISSING_FIELDS);
            assertThat(u.detail()).isEqualTo(detail);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the end of time | \"+1000000000-12-31T23:59:59Z\" | after the time the queue received the message",
        "the year 2099 | \"2099-01-01T00:00:00Z\" | after the time the queue received the message",
        "ten minutes ahead | \"2026-03-02T10:10:00Z\" | after the time the queue received the message",
        "the year 1970 | \"1970-01-01T00:00:00Z\" | more than 30 days before",
        "far past | \"-999999999-01-01T00:00:00Z\" | more than 30 days before",
        "not an instant | \"yesterday\" | not an ISO-8601 instant",
        "local time without offset | \"2026-03-02T09:59:00\" | not an ISO-8601 instant",
        "a number | 17 | not a string",
        "an object | {\"t\":1} | not a string"
    })
    void parse_createdAtNotToBeBelieved_fallsBackToTheTimeTheQueueReceivedItWithALogLine(String name, String createdAt,
            String reason) {
        String body = "{\"sessionId\":\"s1\",\"userId\":\"u1\",\"targetLanguage\":\"es\",\"createdAt\":" + createdAt + "}";

        VoiceSessionMessage m;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            m = parser.parse("m1", body, RECEIVED);
            lines = logs.lines();
        }

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class,
                p -> assertThat(p.command().sessionCreatedAt()).isEqualTo(RECEIVED));
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("message.created_at_replaced", "\"messageId\":\"m1\"", reason, "SentTimestamp"));
    }

    @Test
    void parse_createdAtJustInsideTheWindow_isBelieved() {
        String ahead = "{\"userId\":\"u1\",\"targetLanguage\":\"es\",\"createdAt\":\"2026-03-02T10:04:59Z\"}";
        String before = "{\"userId\":\"u1\",\"targetLanguage\":\"es\",\"createdAt\":\"2026-02-01T10:00:01Z\"}";

        assertThat(((VoiceSessionMessage.Parsed) parser.parse("m1", ahead, RECEIVED)).command().sessionCreatedAt())
                .isEqualTo(Instant.parse("2026-03-02T10:04:59Z"));
        assertThat(((VoiceSessionMessage.Parsed) parser.parse("m2", before, RECEIVED)).command().sessionCreatedAt())
                .isEqualTo(Instant.parse("2026-02-01T10:00:01Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad json | {\"userId\":\"u\", | not valid JSON",
        "array | [1,2] | not a JSON object",
        "json null | null | not a JSON object",
        "json string | \"u1\" | not a JSON object",
        "number userId | {\"userId\":42,\"targetLanguage\":\"es\"} | userId must be a string, was number",
        "object language | {\"userId\":\"u\",\"targetLanguage\":{\"x\":1}} | targetLanguage must be a string, was object",
        "unknown language | {\"userId\":\"u\",\"targetLanguage\":\"klingon\"} | targetLanguage is not a known ISO 639-1 language tag",
        "repeated userId | {\"userId\":\"u\",\"userId\":\"v\",\"targetLanguage\":\"es\"} | not valid JSON",
        "trailing garbage | {\"userId\":\"u\",\"targetLanguage\":\"es\"} x | not valid JSON"
    })
    void parse_badBodies_skippedAsInvalidWithReason(String name, String body, String detail) {
        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains(detail);
        });
    }

    @Test
    void parse_absurdSize_refusedUnreadWithoutEchoingTheBody() {
        String body = "{\"userId\":\"u\",\"targetLanguage\":\"es\",\"pad\":\"" + "SECRET".repeat(5_000) + "\"}";

        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains("bytes").doesNotContain("SECRET");
        });
    }

    @Test
    void parse_overlongUserId_refusedWithoutEchoingIt() {
        String id = "U".repeat(500);

        VoiceSessionMessage m = parser.parse("m", "{\"userId\":\"" + id + "\",\"targetLanguage\":\"es\"}", RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains("userId").doesNotContain(id);
        });
    }

    @Test
    void parse_emptyBody_invalid() {
        assertThat(parser.parse("m", "  ", RECEIVED)).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class,
                u -> assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE));
    }

    @Test
    void parse_nullBody_invalid() {
        assertThat(parser.parse("m", null, RECEIVED)).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains("empty");
        });
    }

    @Test
    void parse_unknownExtraFields_ignored() {
        String body = "{\"sessionId\":\"s1\",\"userId\":\"u1\",\"targetLanguage\":\"es\",\"createdAt\":\"2026-03-02T09:59:00Z\","
                + "\"schema\":2,\"device\":{\"os\":\"ios\",\"tags\":[\"a\",null,1.5]},\"durationSeconds\":300}";

        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class, p -> {
            assertThat(p.command().userId().value()).isEqualTo("u1");
            assertThat(p.command().language().tag()).isEqualTo("es");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "byte order mark | \uFEFF",
        "surrounding whitespace | '\n\t  '",
        "byte order mark and whitespace | '\uFEFF\r\n '"
    })
    void parse_byteOrderMarkOrWhitespaceAroundJson_accepted(String name, String prefix) {
        VoiceSessionMessage m = parser.parse("m", prefix + VALID + " \n\t", RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class,
                p -> assertThat(p.command().sessionId().value()).isEqualTo("s1"));
    }

    @Test
    void parse_onlyByteOrderMark_invalid() {
        assertThat(parser.parse("m", "\uFEFF", RECEIVED)).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class,
                u -> assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE));
    }

    @Test
    void parse_tenThousandNestedArrays_invalidWithoutStackOverflow() {
        String body = "[".repeat(10_000) + "]".repeat(10_000);

        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class,
                u -> assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE));
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {SqsVoiceSessionMessageParser.MAX_NESTING_DEPTH, 1_000, 8_000})
    void parse_deepNestingUnderTheSizeLimit_refusedByTheDepthLimit(int depth) {
        // Inside the size limit, so it is the parser's depth constraint (not the size check) that refuses it.
        String body = "{\"userId\":\"u\",\"targetLanguage\":\"es\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        assertThat(body.length()).isLessThanOrEqualTo(SqsVoiceSessionMessageParser.MAX_BODY_BYTES);

        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains("nests deeper than " + SqsVoiceSessionMessageParser.MAX_NESTING_DEPTH);
        });
    }

    @Test
    void parse_nestingJustInsideTheLimit_accepted() {
        int depth = SqsVoiceSessionMessageParser.MAX_NESTING_DEPTH - 1;
        String body = "{\"userId\":\"u\",\"targetLanguage\":\"es\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThat(parser.parse("m", body, RECEIVED)).isInstanceOf(VoiceSessionMessage.Parsed.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Cyrillic | Пользователь-42",
        "CJK | 学習者_七",
        "emoji outside the BMP | learner-\uD83D\uDE00",
        "mojibake kept as given | JosÃ©",
        "escaped accents | Jos\\u00e9"
    })
    void parse_unicodeUserId_accepted(String name, String userId) {
        VoiceSessionMessage m = parser.parse("m", "{\"userId\":\"" + userId + "\",\"targetLanguage\":\"es\"}", RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Parsed.class,
                p -> assertThat(p.command().userId().value()).isEqualTo(userId.replace("\\u00e9", "é")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "escaped lone high surrogate | {\"userId\":\"u\\ud800\",\"targetLanguage\":\"es\"} | userId is not well-formed Unicode",
        "escaped lone low surrogate | {\"userId\":\"u\",\"targetLanguage\":\"es\",\"sessionId\":\"\\udc00s\"} | sessionId is not well-formed Unicode",
        "escaped NUL in userId | {\"userId\":\"u\\u0000\",\"targetLanguage\":\"es\"} | userId contains a control character",
        "raw control character | {\"userId\":\"u\u0007\",\"targetLanguage\":\"es\"} | not valid JSON"
    })
    void parse_nonUtf8LookingText_invalidWithReason(String name, String body, String detail) {
        VoiceSessionMessage m = parser.parse("m", body, RECEIVED);

        assertThat(m).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE);
            assertThat(u.detail()).contains(detail);
        });
    }

    @Test
    void parse_rawLoneSurrogateOutsideAnyField_neverThrows() {
        String body = "{\"userId\":\"u\",\"targetLanguage\":\"es\",\"note\":\"\uD800\"}\uDC00";

        assertThat(parser.parse("m", body, RECEIVED)).isInstanceOfSatisfying(VoiceSessionMessage.Unusable.class,
                u -> assertThat(u.reason()).isEqualTo(SkipReason.INVALID_MESSAGE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void parse_withoutMessageId_isACallerBug(String messageId) {
        assertThatThrownBy(() -> parser.parse(messageId, VALID, RECEIVED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageId");
    }

    @Test
    void parse_withoutReceiveTime_isACallerBug() {
        assertThatThrownBy(() -> parser.parse("m", VALID, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("receivedAt");
    }
}
