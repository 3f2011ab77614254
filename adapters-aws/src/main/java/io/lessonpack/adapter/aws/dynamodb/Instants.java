package io.lessonpack.adapter.aws.dynamodb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How instants are spelt in items.
 *
 * <p>DynamoDB compares strings, not instants, and ISO-8601 spellings with different fraction
 * lengths do not sort like the instants they denote ({@code …:00Z} sorts after {@code …:00.5Z}).
 * So an instant that is compared as a string ({@code lastProcessedAt}, the handled analysis times)
 * is always written in one fixed-width form, {@code 2026-03-02T09:10:00.100000000Z} (nanoseconds, so that nothing is rounded
 * away: a result at {@code .123456} must not look unread after {@code lastProcessedAt} was set from
 * it). Instants that are only read back ({@code createdAt}, {@code updatedAt}) use
 * {@link DateTimeFormatter#ISO_INSTANT}.
 */
final class Instants {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /** The fixed-width spelling that compares like the instant, for attributes used in conditions. */
    static String sortable(Instant instant) {
        return SECONDS.format(instant) + "." + String.format("%09d", instant.getNano()) + "Z";
    }

    /** The ISO-8601 spelling, e.g. {@code 2026-03-02T09:10:00Z}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The first 19 characters of every ISO-8601 spelling of the instant's second: {@code 2026-03-02T09:10:00}. */
    static String secondPrefix(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Reads an ISO-8601 instant as other services write it: {@code 2026-03-02T09:10:00.5Z}, with an
     * offset ({@code +00:00}), or without a zone (taken as UTC, as the analysis contract says).
     */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notOffset) {
                try {
                    return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notLocal) {
                    return Optional.empty();
                }
            }
        }
    }
}
