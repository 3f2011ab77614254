package io.lessonpack.domain.word;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language a learner is learning, as a canonical BCP-47 tag such as {@code es}, {@code es-MX},
 * {@code pt-BR} or {@code zh-Hans}.
 *
 * <p>Build one with {@link #of(String)} from whatever a request or configuration carries; it
 * accepts any letter case and {@code _} for {@code -}, and gives the canonical form. The canonical
 * constructor accepts only tags already in that form, so every {@code Language} in the system is
 * valid and two equal languages have equal tags.
 *
 * <pre>{@code
 * Language brazilian = Language.of("pt_br");   // pt-BR
 * brazilian.code();                            // "pt"
 * }</pre>
 *
 * @param tag the canonical BCP-47 tag, as {@link Locale#toLanguageTag()} writes it
 */
public record Language(String tag) {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /** Longest part of a rejected tag echoed in a message: enough to recognise it, too short to flood a log. */
    private static final int ECHO_LIMIT = 40;

    private static final String ACCEPTED =
            "expected a BCP-47 tag whose primary subtag is a two-letter ISO 639-1 code, such as es, es-MX, pt-BR or zh-Hans";

    /**
     * Refuses a tag that is not already canonical, so no invalid or differently spelt language can
     * exist; use {@link #of(String)} to canonicalise.
     */
    public Language {
        String canonical = canonicalOrThrow(tag);
        if (!canonical.equals(tag)) {
            throw new InvalidLanguageException("language tag '" + echo(tag) + "' is not in canonical form; "
                    + "use Language.of, which gives '" + echo(canonical) + "'");
        }
    }

    /**
     * The language for a tag as a client or configuration spells it. Use this at every boundary
     * where a language enters the system.
     *
     * @param raw a BCP-47 tag in any letter case, with {@code -} or {@code _} between subtags,
     *     surrounding spaces allowed
     * @return the language with its canonical tag ({@code pt_br} gives {@code pt-BR})
     * @throws InvalidLanguageException if {@code raw} is null, blank, ill-formed, or its primary
     *     subtag is not a two-letter ISO 639-1 code
     */
    public static Language of(String raw) {
        return new Language(canonicalOrThrow(raw));
    }

    /**
     * The language for a tag, or empty when the tag is not acceptable. Use this where a bad tag is an
     * expected outcome rather than an error, such as filtering optional input.
     *
     * @param raw a tag as accepted by {@link #of(String)}; may be null
     * @return the language, or empty
     */
    public static Optional<Language> parse(String raw) {
        try {
            return Optional.of(of(raw));
        } catch (InvalidLanguageException e) {
            return Optional.empty();
        }
    }

    /**
     * The primary language subtag: {@code pt} for {@code pt-BR}. Regional variants of a language
     * share this code, and with it their words.
     *
     * @return the two-letter ISO 639-1 code, lower case
     */
    public String code() {
        return primarySubtag(tag);
    }

    /**
     * The JDK locale for this language, for locale-sensitive text operations such as case mapping.
     *
     * @return the locale whose tag is {@link #tag()}
     */
    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    @Override
    public String toString() {
        return tag;
    }

    private static String canonicalOrThrow(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidLanguageException("language tag is missing; " + ACCEPTED);
        }
        String candidate = raw.strip().replace('_', '-');
        try {
            // Locale.forLanguageTag is lenient (it turns "es--" into "es" and "123" into "und"), so
            // the strict builder decides whether the tag is well-formed at all.
            new Locale.Builder().setLanguageTag(candidate);
        } catch (IllformedLocaleException e) {
            throw rejected(raw);
        }
        String canonical = Locale.forLanguageTag(candidate).toLanguageTag();
        String primary = primarySubtag(canonical);
        if (primary.length() != 2 || !ISO_639_1.contains(primary)) {
            throw rejected(raw);
        }
        return canonical;
    }

    private static String primarySubtag(String canonicalTag) {
        int dash = canonicalTag.indexOf('-');
        return dash < 0 ? canonicalTag : canonicalTag.substring(0, dash);
    }

    private static InvalidLanguageException rejected(String raw) {
        return new InvalidLanguageException("unsupported language tag '" + echo(raw) + "': " + ACCEPTED);
    }

    /** The tag as it may appear in a message: cut short, and with anything unprintable made visible. */
    private static String echo(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(ECHO_LIMIT).forEach(cp -> out.appendCodePoint(cp >= 0x20 && cp < 0x7f ? cp : '?'));
        return raw.codePointCount(0, raw.length()) > ECHO_LIMIT ? out + "..." : out.toString();
    }
}
