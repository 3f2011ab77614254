package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The mean log-loss of FSRS-6 weights on a set of word histories, with its exact gradient: what
 * {@link FsrsOptimizer} minimises.
 *
 * <p>The loss is the one {@link HistoryScore} reports when it scores every day: each history is replayed
 * from its first recall, and every recall at least one day after the previous one is scored against
 * {@code R(t, S)}. The replay here repeats {@link Fsrs}'s formulas in the same order of operations, so
 * the values agree with it to the last bit or two (a test checks it), and carries beside each stability
 * and difficulty its 21 partial derivatives by the weights (forward-mode differentiation with the
 * derivatives of each formula written out). It is a copy of the formulas because {@code Fsrs} works on
 * one state at a time with validation and dates, where a fit needs hundreds of replays on flat arrays.
 *
 * <p>Where a formula is clamped (stability at 0.001, difficulty at 1 or 10, a same-day Good that would
 * lower stability, a prediction clipped before the logarithm) the derivative is that of the clamped
 * value, zero; where it takes a minimum (a lapse) it is that of the branch taken.
 */
final class FitObjective {

    private static final int N = FsrsParameters.COUNT;
    private static final double LN_09 = Math.log(0.9);

    private final int[] start;
    private final int[] grade;
    private final int[] elapsed;
    private final int scored;

    private FitObjective(int[] start, int[] grade, int[] elapsed, int scored) {
        this.start = start;
        this.grade = grade;
        this.elapsed = elapsed;
        this.scored = scored;
    }

    /**
     * Flattens the histories once, so each evaluation walks arrays.
     *
     * @throws IllegalArgumentException if a history goes back in time
     */
    static FitObjective of(List<List<Recall>> histories) {
        int total = histories.stream().mapToInt(List::size).sum();
        int[] start = new int[histories.size() + 1];
        int[] grade = new int[total];
        int[] elapsed = new int[total];
        int at = 0;
        int scored = 0;
        for (int c = 0; c < histories.size(); c++) {
            start[c] = at;
            LocalDate previous = null;
            for (Recall recall : histories.get(c)) {
                long days = previous == null ? 0 : ChronoUnit.DAYS.between(previous, recall.day());
                if (days < 0) {
                    throw new IllegalArgumentException("a history must be in day order: " + recall.day()
                            + " follows " + previous);
                }
                grade[at] = recall.rating().grade();
                elapsed[at] = (int) Math.min(days, Integer.MAX_VALUE);
                scored += previous != null && days >= 1 ? 1 : 0;
                previous = recall.day();
                at++;
            }
        }
        start[histories.size()] = at;
        return new FitObjective(start, grade, elapsed, scored);
    }

    /** Recalls at least one day after the previous one of their word: the predictions the loss averages. */
    int scoredReviews() {
        return scored;
    }

    /**
     * The mean log-loss at weights {@code w} over the scored reviews, and its gradient.
     *
     * @param w        21 weights (not checked against their ranges)
     * @param gradient filled with the 21 partial derivatives of the returned loss
     * @return the mean log-loss; NaN when nothing is scored
     */
    double logLoss(double[] w, double[] gradient) {
        Pass pass = new Pass(w, gradient);
        for (int c = 0; c + 1 < start.length; c++) {
            pass.card(start[c], start[c + 1]);
        }
        for (int k = 0; k < N; k++) {
            gradient[k] /= scored;
        }
        return pass.lossSum / scored;
    }

    /** One replay of every history at one weight vector. */
    private final class Pass {

        private final double[] w;
        private final double[] gradient;
        private final double w20;
        private final double factor;
        private final double factorByW20;
        private final double easyD0;
        private double lossSum;

        /** The current word's memory and its derivatives by each weight. */
        private double s;
        private double d;
        private double[] ds = new double[N];
        private final double[] dd = new double[N];
        private double[] next = new double[N];

        Pass(double[] w, double[] gradient) {
            this.w = w;
            this.gradient = gradient;
            Arrays.fill(gradient, 0);
            w20 = w[20];
            factor = Math.pow(0.9, 1.0 / -w20) - 1.0;
            factorByW20 = (factor + 1.0) * LN_09 / (w20 * w20);
            easyD0 = w[4] - Math.exp(w[5] * 3) + 1.0;
        }

        void card(int from, int to) {
            if (from == to) {
                return;
            }
            first(grade[from]);
            for (int i = from + 1; i < to; i++) {
                int g = grade[i];
                if (elapsed[i] == 0) {
                    sameDay(g);
                } else {
                    later(elapsed[i], g);
                }
                if (s < MemoryState.MIN_STABILITY) {
                    s = MemoryState.MIN_STABILITY;
                    Arrays.fill(ds, 0);
                }
                difficulty(g);
            }
        }

        private void first(int g) {
            Arrays.fill(ds, 0);
            Arrays.fill(dd, 0);
            s = Math.max(w[g - 1], MemoryState.MIN_STABILITY);
            if (w[g - 1] > MemoryState.MIN_STABILITY) {
                ds[g - 1] = 1;
            }
            double e = Math.exp(w[5] * (g - 1));
            d = w[4] - e + 1.0;
            if (d < MemoryState.MIN_DIFFICULTY || d > MemoryState.MAX_DIFFICULTY) {
                d = Math.min(MemoryState.MAX_DIFFICULTY, Math.max(MemoryState.MIN_DIFFICULTY, d));
            } else {
                dd[4] = 1;
                dd[5] = -(g - 1) * e;
            }
        }

        /** A recall t >= 1 days after the previous: score R, then the recall or lapse formula. */
        private void later(int t, int g) {
            double u = 1.0 + factor * t / s;
            double r = Math.pow(u, -w20);
            double rByS = r * w20 * factor * t / (u * s * s);
            double rByW20 = r * (-Math.log(u) + -w20 * t * factorByW20 / (u * s));
            score(r, g >= 2, rByS, rByW20);
            if (g >= 2) {
                recall(r, g, rByS, rByW20);
            } else {
                lapse(r, rByS, rByW20);
            }
        }

        private void score(double r, boolean recalled, double rByS, double rByW20) {
            lossSum += PredictionTally.logLoss(r, recalled ? 1 : 0);
            if (r <= PredictionTally.EPSILON || r >= 1 - PredictionTally.EPSILON) {
                return;
            }
            double lossByR = recalled ? -1.0 / r : 1.0 / (1.0 - r);
            for (int k = 0; k < N; k++) {
                gradient[k] += lossByR * rByS * ds[k];
            }
            gradient[20] += lossByR * rByW20;
        }

        private void recall(double r, int g, double rByS, double rByW20) {
            double hard = g == 2 ? w[15] : 1.0;
            double easy = g == 4 ? w[16] : 1.0;
            double e8 = Math.exp(w[8]);
            double power = Math.pow(s, -w[9]);
            double e10 = Math.exp(w[10] * (1.0 - r));
            double core = e8 * (11.0 - d) * power;
            double growth = core * (e10 - 1.0) * hard * easy;
            double sNew = s * (1.0 + growth);
            double byR = -s * core * hard * easy * e10 * w[10];
            combine(1.0 + growth * (1.0 - w[9]) + byR * rByS, -s * growth / (11.0 - d));
            next[8] += s * growth;
            next[9] -= s * growth * Math.log(s);
            next[10] += s * core * hard * easy * e10 * (1.0 - r);
            next[15] += g == 2 ? s * core * (e10 - 1.0) : 0.0;
            next[16] += g == 4 ? s * core * (e10 - 1.0) : 0.0;
            next[20] += byR * rByW20;
            accept(sNew);
        }

        private void lapse(double r, double rByS, double rByW20) {
            double dPower = Math.pow(d, -w[12]);
            double sPower = Math.pow(s + 1.0, w[13]);
            double e14 = Math.exp(w[14] * (1.0 - r));
            double longTerm = w[11] * dPower * (sPower - 1.0) * e14;
            double shortFactor = Math.exp(w[17] * w[18]);
            double shortTerm = s / shortFactor;
            if (longTerm <= shortTerm) {
                double byR = -w[14] * longTerm;
                combine(w[11] * dPower * w[13] * sPower / (s + 1.0) * e14 + byR * rByS, -w[12] * longTerm / d);
                next[11] += dPower * (sPower - 1.0) * e14;
                next[12] -= Math.log(d) * longTerm;
                next[13] += w[11] * dPower * sPower * Math.log(s + 1.0) * e14;
                next[14] += (1.0 - r) * longTerm;
                next[20] += byR * rByW20;
                accept(longTerm);
            } else {
                combine(1.0 / shortFactor, 0.0);
                next[17] -= w[18] * shortTerm;
                next[18] -= w[17] * shortTerm;
                accept(shortTerm);
            }
        }

        private void sameDay(int g) {
            double e = Math.exp(w[17] * (g - 3 + w[18]));
            double increase = e * Math.pow(s, -w[19]);
            if (g >= 3 && increase < 1.0) {
                return;
            }
            double sNew = s * increase;
            combine(increase * (1.0 - w[19]), 0.0);
            next[17] += (g - 3 + w[18]) * sNew;
            next[18] += w[17] * sNew;
            next[19] -= Math.log(s) * sNew;
            accept(sNew);
        }

        private void difficulty(int g) {
            double delta = -w[6] * (g - 3);
            double damped = d + delta * (10.0 - d) / 9.0;
            double dNew = w[7] * easyD0 + (1.0 - w[7]) * damped;
            if (dNew < MemoryState.MIN_DIFFICULTY || dNew > MemoryState.MAX_DIFFICULTY) {
                d = Math.min(MemoryState.MAX_DIFFICULTY, Math.max(MemoryState.MIN_DIFFICULTY, dNew));
                Arrays.fill(dd, 0);
                return;
            }
            double byD = (1.0 - w[7]) * (1.0 - delta / 9.0);
            for (int k = 0; k < N; k++) {
                dd[k] *= byD;
            }
            dd[4] += w[7];
            dd[5] -= w[7] * 3 * Math.exp(w[5] * 3);
            dd[6] -= (1.0 - w[7]) * (g - 3) * (10.0 - d) / 9.0;
            dd[7] += easyD0 - damped;
            d = dNew;
        }

        /** Starts the derivatives of the new stability from those of the old stability and difficulty. */
        private void combine(double byS, double byD) {
            for (int k = 0; k < N; k++) {
                next[k] = byS * ds[k] + byD * dd[k];
            }
        }

        private void accept(double sNew) {
            double[] old = ds;
            ds = next;
            next = old;
            s = sNew;
        }
    }
}
