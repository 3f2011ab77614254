package io.lessonpack.domain.word;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the key algorithm over seeded random text. The seeds are fixed so a failure is
 * reproducible; the message of a failing assertion names the seed and the input.
 */
class WordKeyPropertiesTest {

    private static final long[] SEEDS = {1L, 7L, 42L, 2024L, 987_654_321L};
    private static final int SAMPLES_PER_LANGUAGE = 300;
    private static final List<String> TAGS =
            List.of("es", "es-MX", "fr", "de", "it", "pt-BR", "en", "tr", "az", "el", "ja", "zh-Hans", "th", "fa");

    /**
     * Tokens for every language. Left out on purpose: {@code ß}, whose upper case {@code SS} does not
     * lower-case back to it (the key keeps {@code Straße} and {@code STRASSE} apart by design), and
     * dotless {@code ı}, which only round-trips under Turkish rules.
     */
    private static final List<String> COMMON = List.of(
            "a", "b", "c", "e", "g", "i", "l", "n", "o", "s", "t", "u", "x", "z", "A", "E", "I", "L", "O", "S",
            "á", "é", "í", "ó", "ú", "ñ", "ü", "ç", "à", "è", "ì", "ò", "ù", "â", "ê", "î", "ô", "û", "ë", "ï",
            "œ", "æ", "ã", "õ", "Á", "É", "Ñ", "Ü", "Ç", "À", "Œ", "İ", "Ａ", "ｂ",
            "el ", "la ", "los ", "las ", "El ", "LA ", "un ", "una ", "l'", "L’", "l’", "un'", "le ", "les ",
            "der ", "Die ", "das ", "ein ", "the ", "The ", "a ", "an ", "o ", "os ", "uma ", "il ", "gli ",
            "¿", "¡", "?", "!", ".", ",", ";", ":", "«", "»", "「", "」", "。", "、", "“", "”", "\"", "(", ")",
            "-", "–", "—", "−", "…", "'", "’", "‘", "ʼ", "′", "＇", "`", "´", "#", "€", "+",
            " ", " ", " ", "\u00A0", "\u3000", "\t", "\n",
            "橋", "箸", "日", "本", "語", "中", "文",
            "カ", "タ", "ナ", "か", "た", "な", "ｶ", "ﾀ", "ｰ", "ー", "・", "ガ", "が", "ﾞ",
            "λ", "ό", "γ", "ο", "ς", "σ", "Σ", "Α", "ά",
            "ก", "า", "م", "ی", "1", "2", "٣",
            "\u200B", "\u200C", "\u200D", "\u00AD", "\uFEFF");

    /** Combining accents, kept out of the Turkish alphabet: {@code ı} plus an accent upper-cases to a precomposed {@code Ï} that lower-cases to {@code ï}. */
    private static final List<String> COMBINING = List.of("\u0301", "\u0308", "\u0303");

    private static final List<String> TURKIC = List.of("ı", "ı", "I", "i", "İ", "ş", "Ş", "ğ", "Ğ", "ö", "Ö");

    static Stream<Arguments> seedsAndLanguages() {
        return TAGS.stream().flatMap(tag -> Arrays.stream(SEEDS).mapToObj(seed -> Arguments.of(seed, tag)));
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndLanguages")
    void normalize_isIdempotent(long seed, String tag) {
        Language language = Language.of(tag);
        for (String text : samples(seed, language)) {
            String key = WordKey.normalize(language, text);

            assertThat(WordKey.normalize(language, key))
                    .as("seed %d, %s, input %s", seed, tag, escaped(text))
                    .isEqualTo(key);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndLanguages")
    void normalize_ignoresCase(long seed, String tag) {
        Language language = Language.of(tag);
        for (String text : samples(seed, language)) {
            String key = WordKey.normalize(language, text);

            assertThat(WordKey.normalize(language, text.toUpperCase(language.locale())))
                    .as("upper case, seed %d, %s, input %s", seed, tag, escaped(text))
                    .isEqualTo(key);
            assertThat(WordKey.normalize(language, text.toLowerCase(language.locale())))
                    .as("lower case, seed %d, %s, input %s", seed, tag, escaped(text))
                    .isEqualTo(key);
        }
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndLanguages")
    void tryOf_isPresentExactlyWhenNormalizeIsNotEmpty(long seed, String tag) {
        Language language = Language.of(tag);
        for (String text : samples(seed, language)) {
            assertThat(WordKey.tryOf(language, text).isPresent())
                    .as("seed %d, %s, input %s", seed, tag, escaped(text))
                    .isEqualTo(!WordKey.normalize(language, text).isEmpty());
        }
    }

    /** Every single BMP character, alone and between letters, so no character escapes the idempotence property. */
    @ParameterizedTest
    @ValueSource(strings = {"es", "tr", "ja"})
    void normalize_isIdempotentForEveryBmpCharacter(String tag) {
        Language language = Language.of(tag);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String text : List.of(String.valueOf(c), "el " + c + "a", "a" + c + "a")) {
                String key = WordKey.normalize(language, text);

                assertThat(WordKey.normalize(language, key))
                        .as("%s, U+%04X in %s", tag, (int) c, escaped(text))
                        .isEqualTo(key);
            }
        }
    }

    private static List<String> samples(long seed, Language language) {
        List<String> alphabet = new ArrayList<>(COMMON);
        if (List.of("tr", "az").contains(language.code())) {
            alphabet.addAll(TURKIC);
        } else {
            alphabet.addAll(COMBINING);
        }
        // One stream per language, so adding a language does not change the others' samples.
        Random random = new Random(seed * 31 + language.tag().hashCode());
        List<String> samples = new ArrayList<>(SAMPLES_PER_LANGUAGE);
        for (int i = 0; i < SAMPLES_PER_LANGUAGE; i++) {
            StringBuilder text = new StringBuilder();
            int tokens = random.nextInt(12);
            for (int t = 0; t < tokens; t++) {
                text.append(alphabet.get(random.nextInt(alphabet.size())));
            }
            samples.add(text.toString());
        }
        return samples;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(cp < 0x80 && cp >= 0x20 ? String.valueOf((char) cp) : String.format("\\u%04X", cp)));
        return out.toString();
    }
}
