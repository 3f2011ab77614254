package io.lessonpack.bootstrap.local.eval;

import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.MemoryState;
import io.lessonpack.domain.memory.Rating;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A review log in the CSV format of {@link ReviewLogCsv} for a simulated learner whose recall follows
 * FSRS-6 with default weights: each card is reviewed again when its predicted recall falls to about 0.85
 * and is recalled with the predicted probability. Seeded, so the same arguments give the same log.
 */
final class SyntheticLog {

    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);

    private SyntheticLog() {
    }

    static String csv(int cards, int reviewsPerCard) {
        Fsrs fsrs = Fsrs.withDefaults();
        Random random = new Random(cards * 31L + reviewsPerCard);
        StringBuilder csv = new StringBuilder("card_id,review_rating,review_time\n");
        for (int card = 0; card < cards; card++) {
            LocalDate day = DAY0.plusDays(card / 4);
            Rating rating = random.nextInt(4) == 0 ? Rating.AGAIN : Rating.GOOD;
            MemoryState state = fsrs.first(rating, day);
            line(csv, card, rating, day);
            for (int n = 1; n < reviewsPerCard; n++) {
                day = day.plusDays(Math.max(1, fsrs.intervalDays(state.stability(), 0.85) + random.nextInt(3) - 1));
                rating = random.nextDouble() < fsrs.retrievability(state, day) ? Rating.GOOD : Rating.AGAIN;
                state = fsrs.review(state, rating, day);
                line(csv, card, rating, day);
            }
        }
        return csv.toString();
    }

    /** One review at a time of day unique to the card, so no two reviews share an instant. */
    private static void line(StringBuilder csv, int card, Rating rating, LocalDate day) {
        Instant time = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(card * 37L % 86_000);
        csv.append("card").append(card).append(',').append(rating.grade()).append(',').append(time).append('\n');
    }
}
