package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Word histories of a simulated learner whose memory follows FSRS-6 with known weights: each recall
 * succeeds with the probability the model predicts, so a fit can be checked against the truth.
 */
final class SyntheticLearner {

    private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);

    private SyntheticLearner() {
    }

    /**
     * Histories of {@code words} words with {@code recalls} recalls each (some on the same day), reviewed
     * when the model says recall has fallen to about 0.85 (days jittered), grades Again or Good from
     * whether recall succeeded, a few Hard and Easy.
     */
    static List<List<Recall>> histories(FsrsParameters truth, int words, int recalls, long seed) {
        Fsrs fsrs = new Fsrs(truth);
        Random random = new Random(seed);
        List<List<Recall>> histories = new ArrayList<>();
        for (int word = 0; word < words; word++) {
            LocalDate day = DAY0.plusDays(random.nextInt(60));
            Rating rating = random.nextInt(3) == 0 ? Rating.AGAIN : Rating.GOOD;
            MemoryState state = fsrs.first(rating, day);
            List<Recall> history = new ArrayList<>(List.of(new Recall(day, rating)));
            for (int n = 1; n < recalls; n++) {
                int interval = random.nextInt(10) == 0 ? 0
                        : Math.max(1, (int) Math.round(fsrs.intervalDays(state.stability(), 0.85)
                                * (0.5 + random.nextDouble())));
                day = day.plusDays(interval);
                boolean recalled = random.nextDouble() < fsrs.retrievability(state, day);
                rating = !recalled ? Rating.AGAIN
                        : switch (random.nextInt(10)) {
                            case 0 -> Rating.HARD;
                            case 1 -> Rating.EASY;
                            default -> Rating.GOOD;
                        };
                state = fsrs.review(state, rating, day);
                history.add(new Recall(day, rating));
            }
            histories.add(history);
        }
        return histories;
    }

    /** Weights unlike the defaults: a steeper forgetting curve, slower growth, harsher lapses. */
    static FsrsParameters unusualLearner() {
        double[] w = FsrsParameters.defaults().toArray();
        w[0] = 0.6;
        w[2] = 4.0;
        w[8] = 1.4;
        w[11] = 1.0;
        w[20] = 0.45;
        return new FsrsParameters(w);
    }
}
