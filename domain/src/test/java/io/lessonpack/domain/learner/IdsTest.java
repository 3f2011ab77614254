package io.lessonpack.domain.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final String SECRET = "alice@example.com";

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("leading space", " " + SECRET, "leading or trailing whitespace"),
                Arguments.of("trailing newline", SECRET + "\n", "leading or trailing whitespace"),
                Arguments.of("trailing no-break space", SECRET + "\u2003", "leading or trailing whitespace"),
                Arguments.of("NUL inside", SECRET + "\u0000x", "control character at index 17"),
                Arguments.of("tab inside", "ab\tc" + SECRET, "control character at index 2"),
                Arguments.of("DEL inside", SECRET + "\u007fz", "control character"),
                Arguments.of("C1 control inside", SECRET + "\u0085z", "control character"),
                Arguments.of("too long", SECRET + "x".repeat(200), "at most 128"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void requireValid_badValue_isRefusedNamingTheProblemButNotTheValue(String label, String value, String problem) {
        assertThatThrownBy(() -> Ids.requireValid("userId", value, 128))
                .isInstanceOf(InvalidIdException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("userId ")
                .hasMessageContaining(problem)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("alice");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\n\n", "\u2003"})
    void requireValid_missingOrBlank_isRefused(String value) {
        assertThatThrownBy(() -> Ids.requireValid("sessionId", value, 128))
                .isInstanceOf(InvalidIdException.class)
                .hasMessage("sessionId is missing or blank");
    }

    @Test
    void requireValid_tooLong_givesTheLengthAndTheLimit() {
        assertThatThrownBy(() -> Ids.requireValid("userId", "a".repeat(129), 128))
                .hasMessage("userId is 129 characters long; at most 128 are accepted");
    }

    @Test
    void requireValid_exactlyTheLimit_isAccepted() {
        String value = "a".repeat(128);

        assertThat(Ids.requireValid("userId", value, 128)).isSameAs(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"u", "user-1", "0b7c0c2e-6f0a-4d3e-9b1c-2f9d1c3e4a5b", "user 1", "usuário-ñ", "ユーザー"})
    void requireValid_usableId_isReturnedUnchanged(String value) {
        assertThat(Ids.requireValid("userId", value, 128)).isEqualTo(value);
    }

    static Stream<Arguments> idTypes() {
        return Stream.of(
                Arguments.of("userId", (Function<String, Object>) UserId::of, UserId.MAX_LENGTH),
                Arguments.of("userId", (Function<String, Object>) UserId::new, UserId.MAX_LENGTH),
                Arguments.of("sessionId", (Function<String, Object>) SessionId::of, SessionId.MAX_LENGTH),
                Arguments.of("sessionId", (Function<String, Object>) SessionId::new, SessionId.MAX_LENGTH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void idType_badValues_areRefusedWithoutEchoingThem(String field, Function<String, Object> factory, int max) {
        for (String bad : new String[] {null, "", "  ", " " + SECRET, SECRET + "\u0000", SECRET + "x".repeat(max)}) {
            assertThatThrownBy(() -> factory.apply(bad))
                    .as("value of length %s", bad == null ? "null" : bad.length())
                    .isInstanceOf(InvalidIdException.class)
                    .hasMessageStartingWith(field + " ")
                    .hasMessageNotContaining(SECRET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void idType_longestAcceptedValue_isAccepted(String field, Function<String, Object> factory, int max) {
        assertThat(factory.apply("a".repeat(max))).hasToString("a".repeat(max));
        assertThatThrownBy(() -> factory.apply("a".repeat(max + 1))).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void userId_of_keepsValueAndPrintsIt() {
        UserId id = UserId.of("user-1");

        assertThat(id.value()).isEqualTo("user-1");
        assertThat(id).hasToString("user-1").isEqualTo(new UserId("user-1"));
    }

    @Test
    void sessionId_of_keepsValueAndPrintsIt() {
        SessionId id = SessionId.of("session-42");

        assertThat(id.value()).isEqualTo("session-42");
        assertThat(id).hasToString("session-42").isEqualTo(new SessionId("session-42"));
    }
}
