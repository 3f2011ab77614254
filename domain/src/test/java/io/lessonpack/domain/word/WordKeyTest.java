package io.lessonpack.domain.word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WordKeyTest {

    private static final Language SPANISH = Language.of("es");
    private static final Language FRENCH = Language.of("fr");
    private static final Language GERMAN = Language.of("de");
    private static final Language JAPANESE = Language.of("ja");
    private static final Language TURKISH = Language.of("tr");

    private static WordKey key(String tag, String text) {
        return WordKey.of(Language.of(tag), text);
    }

    private static String normalize(String tag, String text) {
        return WordKey.normalize(Language.of(tag), text);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
        "es, si, sí",
        "es, tu, tú",
        "es, el, él",
        "fr, ou, où",
        "fr, a, à",
        "ja, 橋, 箸",
    })
    void wordsThatDifferOnlyByAccentOrCharacter_stayDistinct(String tag, String one, String other) {
        assertThat(key(tag, one)).isNotEqualTo(key(tag, other));
    }

    @Test
    void spanishArticleAlone_isKeptBecauseNothingWouldRemain() {
        assertThat(normalize("es", "el")).isEqualTo("el");
        assertThat(normalize("es", "Él")).isEqualTo("él");
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
        "es, el gato, gato",
        "fr, l’eau, L'EAU",
        "fr, l’eau, eau",
        "ja, ｶﾀｶﾅ, カタカナ",
        "fr, cafe\u0301, café",
        "de, der See, die See",
        "es, ¿El gato?, gato",
        "es, Los gatos, las gatos",
        "it, un’amica, amica",
        "en, The cat, cat",
        "pt, a casa, casa",
    })
    void sameWordWrittenDifferently_collides(String tag, String one, String other) {
        assertThat(key(tag, one)).isEqualTo(key(tag, other));
    }

    @Test
    void decomposedAndPrecomposed_giveTheSamePrecomposedValue() {
        assertThat(normalize("fr", "cafe\u0301")).isEqualTo("caf\u00e9");
    }

    @Test
    void regionalVariants_shareTheLanguageCode() {
        assertThat(WordKey.of(Language.of("es-MX"), "gato")).isEqualTo(WordKey.of(SPANISH, "gato"));
        assertThat(WordKey.of(Language.of("es-MX"), "gato").language()).isEqualTo("es");
    }

    @Test
    void sameTextInDifferentLanguages_isDifferentWords() {
        assertThat(key("es", "pan")).isNotEqualTo(key("fr", "pan"));
    }

    @Test
    void of_setsCurrentVersion() {
        assertThat(WordKey.of(SPANISH, "gato").version()).isEqualTo(WordKey.CURRENT_VERSION).isEqualTo(1);
    }

    @Test
    void turkish_dottedCapitalI_collidesWithLowerCaseI() {
        assertThat(key("tr", "İstanbul")).isEqualTo(key("tr", "istanbul"));
        assertThat(normalize("tr", "İSTANBUL")).isEqualTo("istanbul");
    }

    @Test
    void turkish_dotlessI_staysDistinctFromI() {
        assertThat(key("tr", "ılık")).isNotEqualTo(key("tr", "ilik"));
        assertThat(normalize("tr", "ILIK")).isEqualTo("ılık");
    }

    @Test
    void greek_finalSigma_collidesWithSigma() {
        assertThat(normalize("el", "ΛΌΓΟΣ")).isEqualTo("λόγοσ");
        assertThat(key("el", "λόγος")).isEqualTo(key("el", "ΛΌΓΟΣ"));
    }

    @Test
    void spanishInvertedMarks_areTrimmed() {
        assertThat(normalize("es", "¿Qué?")).isEqualTo("qué");
        assertThat(normalize("es", "¡Hola!")).isEqualTo("hola");
    }

    @Test
    void japaneseBracketsAndFullStop_areTrimmedAndSpacesRemoved() {
        assertThat(normalize("ja", "「日本 語」。")).isEqualTo("日本語");
        assertThat(normalize("ja", "日本\u3000語")).isEqualTo("日本語");
        assertThat(normalize("zh", "中 文")).isEqualTo("中文");
    }

    @Test
    void whitespaceRuns_collapseToOneSpace() {
        assertThat(normalize("en", "  ice \u00a0\t cream\n")).isEqualTo("ice cream");
        assertThat(normalize("fr", "pomme\u3000de  terre")).isEqualTo("pomme de terre");
    }

    @Test
    void zeroWidthSpace_isDropped() {
        assertThat(normalize("en", "ca\u200Bt")).isEqualTo("cat");
        assertThat(normalize("en", "\uFEFFcat\u00AD")).isEqualTo("cat");
    }

    @Test
    void zeroWidthNonJoiner_isKeptInsideAWord() {
        assertThat(normalize("fa", "می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(key("fa", "می\u200Cخواهم")).isNotEqualTo(key("fa", "میخواهم"));
    }

    @Test
    void joinersAtTheEdge_areTrimmed() {
        assertThat(normalize("fa", "\u200Cکتاب\u200D")).isEqualTo("کتاب");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rendez-vous", "rendez–vous", "rendez—vous", "rendez‐vous", "rendez−vous", "—rendez-vous—"})
    void everyDash_becomesHyphenMinus(String text) {
        assertThat(normalize("fr", text)).isEqualTo("rendez-vous");
    }

    @ParameterizedTest
    @ValueSource(strings = {"l'eau", "l’eau", "l‘eau", "lʼeau", "l′eau", "l＇eau", "l`eau", "l´eau", "L’ EAU"})
    void typographicApostrophes_areUnifiedAndElidedArticleStripped(String text) {
        assertThat(normalize("fr", text)).isEqualTo("eau");
    }

    @Test
    void apostropheInsideAWord_isUnified() {
        assertThat(normalize("fr", "aujourd’hui")).isEqualTo("aujourd'hui");
    }

    @Test
    void elidedArticle_needsSomethingAfterIt() {
        assertThat(normalize("fr", "l'")).isEqualTo("l");
    }

    @Test
    void nonElidedArticle_needsAFollowingSpace() {
        assertThat(normalize("es", "lapiz")).isEqualTo("lapiz");
        assertThat(normalize("fr", "lait")).isEqualTo("lait");
    }

    @Test
    void articlesOfOtherLanguages_areKept() {
        assertThat(normalize("es", "the cat")).isEqualTo("the cat");
        assertThat(normalize("ja", "el gato")).isEqualTo("elgato");
    }

    @Test
    void repeatedArticlesAndPunctuation_areRemovedUntilAFixedPoint() {
        assertThat(normalize("es", "los el gato")).isEqualTo("gato");
        assertThat(normalize("es", "el ¿gato?")).isEqualTo("gato");
        assertThat(normalize("fr", "« l’eau »")).isEqualTo("eau");
    }

    @Test
    void accents_areNeverStripped() {
        assertThat(normalize("fr", "Où")).isEqualTo("où");
        assertThat(normalize("es", "Señor")).isEqualTo("señor");
    }

    @Test
    void germanSharpS_doesNotCollideWithDoubleS() {
        assertThat(key("de", "Straße")).isNotEqualTo(key("de", "STRASSE"));
        assertThat(key("de", "STRAẞE")).isEqualTo(key("de", "Straße"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"¡¿!?", "", "   ", "「」。", "—", "\u200B"})
    void of_textWithNothingLeft_throwsWithoutEchoingTheText(String text) {
        assertThatThrownBy(() -> WordKey.of(SPANISH, text))
                .isInstanceOf(InvalidWordException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one letter or digit");
    }

    @Test
    void of_invalidWordMessage_givesLengthButNotText() {
        assertThatThrownBy(() -> WordKey.of(SPANISH, "¡¿!?"))
                .hasMessageNotContaining("¡")
                .hasMessageNotContaining("¿")
                .hasMessageContaining("length 4");
    }

    @Test
    void of_nullText_throwsInvalidWordException() {
        assertThatThrownBy(() -> WordKey.of(SPANISH, null)).isInstanceOf(InvalidWordException.class);
    }

    @Test
    void tryOf_word_givesTheSameKeyAsOf() {
        assertThat(WordKey.tryOf(SPANISH, "¿Gato?")).contains(WordKey.of(SPANISH, "gato"));
    }

    @Test
    void tryOf_nothingLeftOrNull_isEmpty() {
        assertThat(WordKey.tryOf(SPANISH, "¡¿!?")).isEmpty();
        assertThat(WordKey.tryOf(SPANISH, null)).isEmpty();
    }

    @Test
    void normalize_nothingLeft_isEmptyString() {
        assertThat(WordKey.normalize(SPANISH, "¡¿!?")).isEmpty();
    }

    @Test
    void toString_doesNotContainTheValue() {
        assertThat(WordKey.of(SPANISH, "gato").toString()).doesNotContain("gato").contains("es");
    }

    @ParameterizedTest
    @CsvSource({"'', gato, 1", "es, ' ', 1", "es, gato, 0", "ES, gato, 1", "es-MX, gato, 1", "xx, gato, 1"})
    void constructor_badState_isRefused(String language, String value, int version) {
        assertThatThrownBy(() -> new WordKey(language, value, version)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_storedKey_equalsComputedKey() {
        assertThat(new WordKey("es", "gato", 1)).isEqualTo(WordKey.of(SPANISH, "El gato"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"カタカナ", "かたかな", "ｶﾀｶﾅ", "コーヒー", "ハシ・ハシ", "ガッコウ", "ヷ"})
    void isKanaOnly_kana_isTrue(String text) {
        assertThat(WordKey.isKanaOnly(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "橋", "はし橋", "kana", "カタ カナ", "カタカナ。"})
    void isKanaOnly_otherText_isFalse(String text) {
        assertThat(WordKey.isKanaOnly(text)).isFalse();
    }

    @Test
    void kanaToHiragana_mapsKatakanaAndKeepsTheRest() {
        assertThat(WordKey.kanaToHiragana("カタカナ")).isEqualTo("かたかな");
        assertThat(WordKey.kanaToHiragana("ガッコウ")).isEqualTo("がっこう");
        assertThat(WordKey.kanaToHiragana("コーヒー")).isEqualTo("こーひー");
        assertThat(WordKey.kanaToHiragana("橋ハシ")).isEqualTo("橋はし");
    }

    @Test
    void readingKey_katakanaAndHiraganaReadings_collide() {
        assertThat(WordKey.readingKey(JAPANESE, "ハシ"))
                .isPresent()
                .isEqualTo(WordKey.readingKey(JAPANESE, "はし"))
                .isEqualTo(WordKey.readingKey(JAPANESE, "ﾊｼ"))
                .contains(WordKey.of(JAPANESE, "はし"));
    }

    @Test
    void readingKey_ignoresSurroundingPunctuationAndSpaces() {
        assertThat(WordKey.readingKey(JAPANESE, "「ハ シ」")).isEqualTo(WordKey.readingKey(JAPANESE, "はし"));
    }

    @Test
    void readingKey_notKanaOnlyOrNotJapanese_isEmpty() {
        assertThat(WordKey.readingKey(JAPANESE, "橋")).isEmpty();
        assertThat(WordKey.readingKey(JAPANESE, "。")).isEmpty();
        assertThat(WordKey.readingKey(Language.of("zh"), "はし")).isEmpty();
    }

    @Test
    void japaneseKey_doesNotFoldKatakanaIntoHiragana() {
        assertThat(WordKey.of(JAPANESE, "カタカナ")).isNotEqualTo(WordKey.of(JAPANESE, "かたかな"));
    }

    @Test
    void germanHomographs_collideByDefault() {
        assertThat(WordKey.of(GERMAN, "der See")).isEqualTo(WordKey.of(GERMAN, "die See"));
    }

    @Test
    void frenchElision_withSpaceAfterApostrophe_collides() {
        assertThat(WordKey.of(FRENCH, "l' eau")).isEqualTo(WordKey.of(FRENCH, "eau"));
    }

    @Test
    void turkishAndRootLowerCasing_differForCapitalI() {
        assertThat(WordKey.normalize(TURKISH, "I")).isEqualTo("ı");
        assertThat(WordKey.normalize(Language.of("en"), "I")).isEqualTo("i");
    }
}
