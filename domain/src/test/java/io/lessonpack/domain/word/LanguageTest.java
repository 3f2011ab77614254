package io.lessonpack.domain.word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "es, es",
        "ES, es",
        "es-MX, es-MX",
        "es-mx, es-MX",
        "pt_BR, pt-BR",
        "pt_br, pt-BR",
        "zh-Hans, zh-Hans",
        "zh-hans-cn, zh-Hans-CN",
        "'  fr  ', fr",
        "iw, he",
    })
    void of_acceptedTag_givesCanonicalTag(String raw, String canonical) {
        assertThat(Language.of(raw).tag()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "xx", "english", "123", "es--", "spa", "x-private", "-es", "e"})
    void of_unacceptableTag_throwsInvalidLanguageException(String raw) {
        assertThatThrownBy(() -> Language.of(raw))
                .isInstanceOf(InvalidLanguageException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 639-1");
    }

    @Test
    void of_unacceptableTag_messageNamesTheTagAndWhatIsAccepted() {
        assertThatThrownBy(() -> Language.of("english"))
                .hasMessageContaining("'english'")
                .hasMessageContaining("es-MX");
    }

    @Test
    void of_longUnacceptableTag_messageEchoesAtMostFortyCharacters() {
        String longTag = "q".repeat(30) + "z".repeat(30);

        assertThatThrownBy(() -> Language.of(longTag))
                .hasMessageContaining("q".repeat(30) + "z".repeat(10) + "...")
                .hasMessageNotContaining("z".repeat(11));
    }

    @Test
    void of_missingTag_saysItIsMissing() {
        assertThatThrownBy(() -> Language.of(null)).hasMessageContaining("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES", "pt_BR", "es-mx", " es", "iw", "xx"})
    void constructor_nonCanonicalOrUnknownTag_isRefused(String tag) {
        assertThatThrownBy(() -> new Language(tag)).isInstanceOf(InvalidLanguageException.class);
    }

    @Test
    void constructor_nonCanonicalTag_messagePointsToCanonicalForm() {
        assertThatThrownBy(() -> new Language("pt_BR")).hasMessageContaining("'pt-BR'");
    }

    @Test
    void constructor_canonicalTag_equalsFactoryResult() {
        assertThat(new Language("pt-BR")).isEqualTo(Language.of("pt_br"));
    }

    @ParameterizedTest(name = "{0} has code {1}")
    @CsvSource({"es, es", "es-MX, es", "pt-BR, pt", "zh-Hans, zh", "zh-Hans-CN, zh"})
    void code_isThePrimarySubtag(String raw, String code) {
        assertThat(Language.of(raw).code()).isEqualTo(code);
    }

    @Test
    void locale_matchesTheTag() {
        assertThat(Language.of("pt_BR").locale()).isEqualTo(Locale.of("pt", "BR"));
    }

    @Test
    void toString_isTheTag() {
        assertThat(Language.of("es_mx")).hasToString("es-MX");
    }

    @Test
    void parse_acceptedTag_givesTheLanguage() {
        assertThat(Language.parse("es-MX")).contains(Language.of("es-MX"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"xx", "english", "es--"})
    void parse_unacceptableTag_isEmpty(String raw) {
        assertThat(Language.parse(raw)).isEmpty();
    }
}
