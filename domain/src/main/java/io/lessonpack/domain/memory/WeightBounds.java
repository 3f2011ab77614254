package io.lessonpack.domain.memory;

/**
 * The range each FSRS-6 weight may take in a fit, and how far it usually lies from the default.
 *
 * <p>The ranges are the FSRS optimizer's parameter clipping ranges (fsrs-rs, {@code parameter_clipper}),
 * for a scheduler without relearning steps, which is lessonpack's case: w17 and w18 then go up to 2.
 * They keep every formula meaningful (a positive decay, difficulty effects of the right sign, a Hard
 * penalty below 1 and an Easy bonus above 1). The spreads are the standard deviations of the weights
 * fitted to about 10,000 Anki collections, as the FSRS optimizers use them for the same kind of
 * penalty: a move of one spread is about as unusual for any weight.
 */
final class WeightBounds {

    static final double[] LOWER = {
        0.001, 0.001, 0.001, 0.001,    // w0..w3 initial stability
        1.0, 0.001, 0.001, 0.001,      // w4..w7 difficulty
        0.0, 0.0, 0.001,               // w8..w10 recall
        0.001, 0.001, 0.001, 0.0,      // w11..w14 lapse
        0.0, 1.0,                      // w15 Hard penalty, w16 Easy bonus
        0.0, 0.0, 0.0,                 // w17..w19 same day
        0.1                            // w20 decay
    };

    static final double[] UPPER = {
        100, 100, 100, 100,
        10, 4, 4, 0.75,
        4.5, 0.8, 3.5,
        5, 0.25, 0.9, 4,
        1, 6,
        2, 2, 0.8,
        0.8
    };

    static final double[] SPREAD = {
        6.43, 9.66, 17.58, 27.85,
        0.57, 0.28, 0.6, 0.12,
        0.39, 0.18, 0.33,
        0.3, 0.09, 0.16, 0.57,
        0.25, 1.03,
        0.31, 0.32, 0.14,
        0.27
    };

    private WeightBounds() {
    }

    /** A copy of {@code w} with every weight moved into its range. */
    static double[] clamp(double[] w) {
        double[] clamped = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            clamped[i] = Math.min(UPPER[i], Math.max(LOWER[i], w[i]));
        }
        return clamped;
    }
}
