package io.lessonpack.domain.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.domain.learner.InvalidIdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageIdTest {

    private static final String SECRET = "bob@example.com";

    @Test
    void of_usableId_keepsAndPrintsIt() {
        PackageId id = PackageId.of("pkg-0b7c0c2e");

        assertThat(id.value()).isEqualTo("pkg-0b7c0c2e");
        assertThat(id).hasToString("pkg-0b7c0c2e").isEqualTo(new PackageId("pkg-0b7c0c2e"));
    }

    @Test
    void of_longestAccepted_isAccepted() {
        assertThat(PackageId.of("p".repeat(PackageId.MAX_LENGTH)).value()).hasSize(PackageId.MAX_LENGTH);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", " " + SECRET, SECRET + " ", SECRET + "\u0000", "a\u001b" + SECRET})
    void of_unusableId_isRefusedWithoutEchoingIt(String value) {
        assertThatThrownBy(() -> PackageId.of(value))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageStartingWith("packageId ")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void of_tooLong_isRefusedWithoutEchoingIt() {
        String tooLong = SECRET + "x".repeat(PackageId.MAX_LENGTH);

        assertThatThrownBy(() -> PackageId.of(tooLong))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("at most " + PackageId.MAX_LENGTH)
                .hasMessageNotContaining(SECRET);
    }
}
