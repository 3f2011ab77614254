package io.lessonpack.domain.memory;

import java.util.Arrays;

/**
 * The 21 weights w0..w20 of the FSRS-6 memory model.
 *
 * <p>They are normally fitted per learner by the FSRS optimizer; {@link #defaults()} is the median over
 * about 10,000 Anki collections, which is what a new learner starts from (srs-benchmark: log-loss 0.3393
 * with defaults against 0.3214 fitted). Roles of the weights, as used by {@link Fsrs}:
 * <ul>
 *   <li>w0..w3: initial stability after a first rating of Again, Hard, Good, Easy;</li>
 *   <li>w4..w7: initial difficulty, difficulty change per grade, and mean reversion towards D0(Easy);</li>
 *   <li>w8..w10 and w15, w16: stability growth after a recall (w15 Hard penalty, w16 Easy bonus);</li>
 *   <li>w11..w14: stability after a lapse;</li>
 *   <li>w17..w19: same-day (short-term) reviews;</li>
 *   <li>w20: the decay of the forgetting curve, {@code DECAY = -w20}.</li>
 * </ul>
 * Instances are immutable; the array handed in is copied.
 *
 * <pre>{@code
 * FsrsParameters p = FsrsParameters.defaults();
 * p.decay();   // -0.1542
 * }</pre>
 */
public final class FsrsParameters {

    /** How many weights FSRS-6 has. */
    public static final int COUNT = 21;

    private static final double[] DEFAULTS = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
    };

    private final double[] weights;

    /**
     * Parameters from a weight vector, for example one fitted by the FSRS optimizer.
     *
     * @param weights exactly 21 finite weights w0..w20, with w20 (the decay) greater than 0
     * @throws IllegalArgumentException if the vector is null, not 21 long, holds a NaN or infinite
     *                                  weight, or w20 is not positive
     */
    public FsrsParameters(double[] weights) {
        if (weights == null || weights.length != COUNT) {
            throw new IllegalArgumentException("FSRS-6 needs exactly " + COUNT + " weights (w0..w20), got "
                    + (weights == null ? "none" : weights.length));
        }
        double[] copy = weights.clone();
        for (int i = 0; i < COUNT; i++) {
            if (!Double.isFinite(copy[i])) {
                throw new IllegalArgumentException("FSRS weight w" + i + " must be a finite number, got " + copy[i]);
            }
        }
        if (copy[20] <= 0) {
            throw new IllegalArgumentException(
                    "FSRS weight w20 (the forgetting-curve decay) must be greater than 0, got " + copy[20]);
        }
        this.weights = copy;
    }

    /**
     * The FSRS-6 default weights (the same vector as py-fsrs 6.3.1 and ts-fsrs 5.x): the model to use
     * until enough reviews exist to fit a learner's own.
     *
     * @return the default parameters
     */
    public static FsrsParameters defaults() {
        return new FsrsParameters(DEFAULTS);
    }

    /**
     * One weight.
     *
     * @param i the index, 0..20
     * @return weight {@code w<i>}
     * @throws IndexOutOfBoundsException if {@code i} is not 0..20
     */
    public double w(int i) {
        return weights[i];
    }

    /**
     * The exponent of the power-law forgetting curve, {@code DECAY = -w20} (always negative).
     *
     * @return the decay
     */
    public double decay() {
        return -weights[20];
    }

    /**
     * The scale of the forgetting curve, {@code FACTOR = 0.9^(1/DECAY) - 1}, chosen so that
     * retrievability is exactly 0.9 when the elapsed time equals the stability.
     *
     * @return the factor
     */
    public double factor() {
        return Math.pow(0.9, 1.0 / decay()) - 1.0;
    }

    /**
     * A copy of the weights, for storing or exporting them.
     *
     * @return a new array of the 21 weights
     */
    public double[] toArray() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters other && Arrays.equals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "FsrsParameters" + Arrays.toString(weights);
    }
}
