package io.lessonpack.domain.word;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The identity of a word in a curriculum: two texts are the same word exactly when their keys are
 * equal. A learner who says "el gato" and later types "Gato" is practising one word, not two.
 *
 * <p>Use {@link #of(Language, String)} whenever a word enters the model, and compare keys, never
 * raw texts. The key depends on the language code, not the full tag, so regional variants
 * ({@code es-MX}, {@code es-ES}) share their words. {@link #version()} records which key algorithm
 * produced {@link #value()}, so stored keys can be recomputed when the algorithm changes.
 *
 * <h2>The key algorithm, version 1</h2>
 * <ol>
 *   <li>NFKC, so full-width, half-width and decomposed forms meet ({@code ｶﾀｶﾅ} is {@code カタカナ},
 *       {@code cafe\u0301} is {@code café}).</li>
 *   <li>Drop invisible format characters (category Cf) except ZWJ and ZWNJ, which change how
 *       Persian, Indic and emoji text is written; also drop control characters that are not
 *       whitespace.</li>
 *   <li>Lower-case with Turkish or Azerbaijani rules for those languages ({@code İ}/{@code i} and
 *       {@code I}/{@code ı}), root rules otherwise; then final sigma becomes sigma.</li>
 *   <li>Typographic apostrophes become {@code '} and every dash becomes {@code -}.</li>
 *   <li>Trim leading and trailing punctuation, symbols and whitespace ({@code ¿ ¡ 「 」 。 « »}).</li>
 *   <li>Collapse whitespace to one space; remove it for Japanese, Chinese and Thai, which do not
 *       separate words with spaces.</li>
 *   <li>Strip a leading article of the language, elided ones ({@code l'}, {@code un'}) included,
 *       if something remains.</li>
 *   <li>NFC, since case mapping and removals can leave text unnormalised.</li>
 * </ol>
 * Steps 5 to 8 are repeated until nothing changes: leading articles and punctuation are removed
 * repeatedly so the key is a fixed point ({@code normalize(normalize(s)) == normalize(s)}). Applying
 * them once would leave {@code el gato} from {@code los el gato} and {@code ¿gato} from
 * {@code el ¿gato?}, and a stored key would not match its own recomputation.
 *
 * <p>Accents are never stripped: {@code si}/{@code sí} and {@code ou}/{@code où} are different
 * words. Case folding is lower-casing, not full case folding, so {@code Straße} and {@code STRASSE}
 * are different keys ({@code strasse} vs {@code straße}); {@code STRAẞE} with a capital sharp s does
 * meet {@code Straße}. Homographs such as German {@code der See}/{@code die See} collide on purpose:
 * merging is the safe default, and a sense marker can separate them later.
 *
 * @param language the ISO 639-1 code of the word's language ({@code es} for {@code es-MX})
 * @param value the normalised text; never blank
 * @param version the key algorithm that produced {@code value}; at least 1
 */
public record WordKey(String language, String value, int version) {

    /** The version of the key algorithm that {@link #normalize(Language, String)} implements. */
    public static final int CURRENT_VERSION = 1;

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int MINUS_SIGN = 0x2212;

    private static final Set<Integer> APOSTROPHES = Set.of(
            0x2019, // ’ right single quotation mark, the usual typographic apostrophe
            0x2018, // ‘ left single quotation mark, often typed by autocorrect
            0x201B, // ‛ single high-reversed-9 quotation mark
            0x02BC, // ʼ modifier letter apostrophe
            0x2032, // ′ prime
            0xFF07, // ＇ full-width apostrophe
            0x0060, // ` grave accent, typed for an apostrophe on some keyboards
            0x00B4); // ´ acute accent, likewise

    /** Languages written without spaces between words, where a space is never part of a word. */
    private static final Set<String> WITHOUT_SPACES = Set.of("ja", "zh", "th");

    private static final Locale TURKISH = Locale.forLanguageTag("tr");
    private static final Locale AZERBAIJANI = Locale.forLanguageTag("az");

    /** Leading articles per language code; an article ending in an apostrophe is elided and takes no space. */
    private static final Map<String, List<String>> ARTICLES = Map.of(
            "es", List.of("el", "la", "los", "las", "un", "una", "unos", "unas"),
            "fr", List.of("le", "la", "les", "l'", "un", "une", "des"),
            "de", List.of("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"),
            "it", List.of("il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "un'"),
            "pt", List.of("o", "a", "os", "as", "um", "uma"),
            "en", List.of("the", "a", "an"));

    /**
     * Refuses a key that could not have come from the algorithm: a language that is not an
     * ISO 639-1 code, a blank value, or a version below 1. Use it to load stored keys; build new
     * ones with {@link #of(Language, String)}.
     */
    public WordKey {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(value, "value");
        if (Language.parse(language).map(Language::code).filter(language::equals).isEmpty()) {
            throw new IllegalArgumentException(
                    "word key language must be a lower-case two-letter ISO 639-1 code such as es, was '"
                            + (language.length() > 8 ? language.substring(0, 8) + "..." : language) + "'");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("word key value must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("word key version must be at least 1, was " + version);
        }
    }

    /**
     * The key of a text in a language, with the current algorithm. Use this whenever a word enters
     * the model.
     *
     * <pre>{@code
     * WordKey.of(Language.of("es-MX"), "¿El gato?")   // WordKey[es, "gato", 1]
     * }</pre>
     *
     * @param language the language the text is in
     * @param text the word as said or written
     * @return the key
     * @throws InvalidWordException if the text is null or nothing is left after normalisation;
     *     the message does not contain the text
     */
    public static WordKey of(Language language, String text) {
        Objects.requireNonNull(language, "language");
        if (text == null) {
            throw new InvalidWordException("a word is required, but the text was null");
        }
        return tryOf(language, text).orElseThrow(() -> new InvalidWordException(
                "a word must contain at least one letter or digit after normalisation (length "
                        + text.codePointCount(0, text.length()) + ")"));
    }

    /**
     * The key of a text, or empty when nothing would be left of it. Use this where a text that is
     * not a word is an expected outcome, such as scanning a transcript.
     *
     * @param language the language the text is in
     * @param text the word as said or written; may be null
     * @return the key, or empty
     */
    public static Optional<WordKey> tryOf(Language language, String text) {
        Objects.requireNonNull(language, "language");
        if (text == null) {
            return Optional.empty();
        }
        String value = normalize(language, text);
        return value.isEmpty() ? Optional.empty() : Optional.of(new WordKey(language.code(), value, CURRENT_VERSION));
    }

    /**
     * The key algorithm, version {@value #CURRENT_VERSION}, described on this type. Use it to
     * compare or index texts without building keys.
     *
     * @param language the language the text is in
     * @param text any text
     * @return the normalised text; empty when nothing is left
     */
    public static String normalize(Language language, String text) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        String code = language.code();
        // Apostrophes are unified before NFKC as well, because NFKC turns ´ into a space and a
        // combining accent, after which it is no longer recognisable as an apostrophe.
        String s = unifyApostrophesAndDashes(text);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = dropInvisible(s);
        s = lowerCase(s, code);
        s = unifyApostrophesAndDashes(s);
        // Every pass that changes the text after the first one shortens it, so the loop ends long
        // before the bound; the bound only makes that visible.
        for (int pass = 0, bound = s.length() + 1; pass <= bound; pass++) {
            String next = Normalizer.normalize(
                    stripArticle(collapseWhitespace(trim(s), code), code), Normalizer.Form.NFC);
            if (next.equals(s)) {
                break;
            }
            s = next;
        }
        return s;
    }

    /**
     * Whether a text is written in kana only (Hiragana, Katakana, the prolonged sound mark
     * {@code ー} and the middle dot {@code ・}), after NFKC. Such a Japanese word may be a reading of a
     * word written in kanji, so it is also checked against existing entries' readings with
     * {@link #readingKey(Language, String)}.
     *
     * @param text any text
     * @return true when the text is non-empty and all kana
     */
    public static boolean isKanaOnly(String text) {
        Objects.requireNonNull(text, "text");
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return !s.isEmpty() && s.codePoints().allMatch(WordKey::isKana);
    }

    /**
     * The text with Katakana replaced by the matching Hiragana ({@code カタカナ} becomes
     * {@code かたかな}); everything else is kept. The result is in NFC. Half-width Katakana is not
     * mapped: normalise with NFKC first, as {@link #normalize(Language, String)} does.
     *
     * @param text any text
     * @return the text in Hiragana where a Hiragana letter exists
     */
    public static String kanaToHiragana(String text) {
        Objects.requireNonNull(text, "text");
        // Decomposing first maps voiced letters without a Hiragana composite (ヷ) to a base letter
        // and a combining mark, and puts the mark back where a composite exists (ガ to が).
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> out.appendCodePoint(
                (cp >= 0x30A1 && cp <= 0x30F6) || cp == 0x30FD || cp == 0x30FE ? cp - 0x60 : cp));
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * The key of a Japanese reading, in Hiragana, so a Katakana and a Hiragana spelling of the same
     * reading meet. Use it for the Japanese rule that a kana-only word is also checked against
     * existing entries' readings:
     *
     * <pre>{@code
     * Optional<WordKey> asReading = WordKey.readingKey(japanese, "ハシ");
     * // equals WordKey.readingKey(japanese, "はし") of the entries for 橋 and 箸
     * }</pre>
     *
     * @param language the language of the reading
     * @param reading the reading as written; surrounding punctuation and spaces are ignored as in
     *     the key
     * @return the key of the Hiragana form, or empty when the language is not Japanese or the
     *     normalised reading is not kana only
     */
    public static Optional<WordKey> readingKey(Language language, String reading) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(reading, "reading");
        if (!language.code().equals("ja")) {
            return Optional.empty();
        }
        String normalised = normalize(language, reading);
        if (normalised.isEmpty() || !isKanaOnly(normalised)) {
            return Optional.empty();
        }
        return tryOf(language, kanaToHiragana(normalised));
    }

    /** Names the language and version but not the value: the value is learner text and keys end up in logs. */
    @Override
    public String toString() {
        return "WordKey[language=" + language + ", version=" + version
                + ", value=<" + value.codePointCount(0, value.length()) + " chars>]";
    }

    private static boolean isKana(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || cp == 0x30FC // ー prolonged sound mark
                || cp == 0x30FB // ・ middle dot
                || cp == 0x3099 || cp == 0x309A; // combining voiced marks left where no composite exists
    }

    private static String unifyApostrophesAndDashes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (APOSTROPHES.contains(cp)) {
                out.append('\'');
            } else if (Character.getType(cp) == Character.DASH_PUNCTUATION || cp == MINUS_SIGN) {
                out.append('-');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String dropInvisible(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = (type == Character.FORMAT && cp != ZWJ && cp != ZWNJ)
                    || (type == Character.CONTROL && !isWhitespace(cp));
            if (!invisible) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String lowerCase(String s, String code) {
        Locale locale = switch (code) {
            case "tr" -> TURKISH;
            case "az" -> AZERBAIJANI;
            default -> Locale.ROOT;
        };
        // Lower-casing writes ς at the end of a Greek word and σ elsewhere; a word's key must not
        // depend on where a tokenizer cut it.
        return s.toLowerCase(locale).replace('ς', 'σ');
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmable(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isTrimmable(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Punctuation, symbols and whitespace, and the joiners, which join nothing at the edge of a word. */
    private static boolean isTrimmable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> isWhitespace(cp) || cp == ZWJ || cp == ZWNJ;
        };
    }

    /** Java whitespace plus the no-break and ideographic spaces, which {@link Character#isWhitespace} leaves out. */
    private static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static String collapseWhitespace(String s, String code) {
        String separator = WITHOUT_SPACES.contains(code) ? "" : " ";
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int cp = s.codePointAt(i);
            if (isWhitespace(cp)) {
                if (!inRun) {
                    out.append(separator);
                }
                inRun = true;
            } else {
                out.appendCodePoint(cp);
                inRun = false;
            }
        }
        return out.toString();
    }

    private static String stripArticle(String s, String code) {
        for (String article : ARTICLES.getOrDefault(code, List.of())) {
            String prefix = article.endsWith("'") ? article : article + " ";
            if (s.length() > prefix.length() && s.startsWith(prefix)) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }
}
