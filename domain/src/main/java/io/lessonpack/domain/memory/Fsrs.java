package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The FSRS-6 memory model: how a word's stability and difficulty change with each review, how likely
 * the learner is to recall it after some days, and when to review it next.
 *
 * <p>The formulas are those of FSRS-6 (open-spaced-repetition, "The Algorithm" in the fsrs4anki wiki),
 * implemented as in py-fsrs 6.3.1 with no learning steps and no fuzz. Time is counted in whole UTC days:
 * a review on the same day as the previous one uses the short-term (same-day) formula, a later one the
 * long-term recall or lapse formula. With {@link FsrsParameters#defaults()} this class reproduces the
 * py-fsrs reference sequence to four decimals (see {@code FsrsTest}).
 *
 * <p><b>D0(4) in mean reversion.</b> The difficulty update pulls D towards D0(Easy) with weight w7.
 * This class uses D0(4) <em>unclamped</em> (it is about -4.77 with the default weights), as py-fsrs and
 * ts-fsrs do; clamping it to 1 would shift every difficulty by about 0.006 per review and break
 * agreement with the reference implementations at the fourth decimal.
 *
 * <pre>{@code
 * Fsrs fsrs = Fsrs.withDefaults();
 * MemoryState s = fsrs.first(Rating.GOOD, LocalDate.of(2025, 1, 1));       // S = 2.3065
 * s = fsrs.review(s, Rating.GOOD, LocalDate.of(2025, 1, 3));               // S = 10.9643
 * int days = fsrs.intervalDays(s.stability(), 0.9);                        // 11
 * }</pre>
 */
public final class Fsrs {

    private static final double MIN_INTERVAL_DAYS = 1;
    private static final double MAX_INTERVAL_DAYS = 36_500;

    private final FsrsParameters p;

    /**
     * A model with the given weights.
     *
     * @param parameters the FSRS-6 weights, for example fitted to one learner
     */
    public Fsrs(FsrsParameters parameters) {
        this.p = Objects.requireNonNull(parameters, "parameters are required");
    }

    /**
     * A model with the FSRS-6 default weights, for a learner without enough history to fit their own.
     *
     * @return the default model
     */
    public static Fsrs withDefaults() {
        return new Fsrs(FsrsParameters.defaults());
    }

    /**
     * The weights this model uses.
     *
     * @return the parameters
     */
    public FsrsParameters parameters() {
        return p;
    }

    /**
     * The memory state after the very first review of a word:
     * {@code S0 = max(w[G-1], 0.001)} and {@code D0(G) = w4 - e^(w5*(G-1)) + 1} clamped to 1..10.
     *
     * @param rating how the first review went
     * @param day    the UTC day of that review
     * @return the initial state
     */
    public MemoryState first(Rating rating, LocalDate day) {
        Objects.requireNonNull(rating, "rating is required");
        Objects.requireNonNull(day, "day is required");
        double stability = clampStability(p.w(rating.grade() - 1));
        double difficulty = clampDifficulty(initialDifficulty(rating));
        return new MemoryState(stability, difficulty, day);
    }

    /**
     * The memory state after a later review.
     *
     * <p>With {@code t} the whole days from {@code state.lastReview()} to {@code day}
     * ({@link ChronoUnit#DAYS}) and {@code R = R(t, S)}:
     * <ul>
     *   <li>t >= 1, recalled (G >= 2):
     *       {@code S' = S*(1 + e^w8 * (11-D) * S^-w9 * (e^(w10*(1-R)) - 1) * [w15 if Hard] * [w16 if Easy])};</li>
     *   <li>t >= 1, forgotten (G = 1):
     *       {@code S' = min(w11 * D^-w12 * ((S+1)^w13 - 1) * e^(w14*(1-R)), S / e^(w17*w18))};</li>
     *   <li>t = 0 (same day): {@code S' = S * e^(w17*(G-3+w18)) * S^-w19}, at least S when G >= 3.</li>
     * </ul>
     * S' is never below 0.001. Difficulty, for any t:
     * {@code D' = clamp1..10(w7*D0(4) + (1-w7)*(D + dD*(10-D)/9))} with {@code dD = -w6*(G-3)} and
     * D0(4) unclamped (see the class comment). Stability uses the difficulty before this review.
     *
     * @param state  the state after the previous review
     * @param rating how this review went
     * @param day    the UTC day of this review
     * @return the new state, with {@code lastReview = day}
     * @throws IllegalArgumentException if {@code day} is before {@code state.lastReview()}
     */
    public MemoryState review(MemoryState state, Rating rating, LocalDate day) {
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(rating, "rating is required");
        Objects.requireNonNull(day, "day is required");
        long t = ChronoUnit.DAYS.between(state.lastReview(), day);
        if (t < 0) {
            throw new IllegalArgumentException("a review on " + day
                    + " cannot follow one on the later day " + state.lastReview());
        }
        double s = state.stability();
        double d = state.difficulty();
        double stability = t == 0
                ? sameDayStability(s, rating)
                : rating.recalled()
                        ? recallStability(s, d, retrievability(t, s), rating)
                        : forgetStability(s, d, retrievability(t, s));
        return new MemoryState(clampStability(stability), nextDifficulty(d, rating), day);
    }

    /**
     * Retrievability: the predicted probability that the learner recalls the word after
     * {@code elapsedDays}, from the FSRS-6 power forgetting curve {@code R(t,S) = (1 + FACTOR*t/S)^DECAY}.
     * It is 1 at t = 0 and exactly 0.9 at t = S.
     *
     * @param elapsedDays days since the last review, at least 0
     * @param stability   the word's stability, at least 0.001
     * @return the probability of recall, in (0, 1]
     * @throws IllegalArgumentException if either argument is out of range or not finite
     */
    public double retrievability(double elapsedDays, double stability) {
        if (!Double.isFinite(elapsedDays) || elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must be a finite number >= 0, got " + elapsedDays);
        }
        MemoryState.requireStability(stability);
        return Math.pow(1.0 + p.factor() * elapsedDays / stability, p.decay());
    }

    /**
     * Retrievability of a word on a given UTC day, counting whole days since its last review
     * (0 if {@code today} is not after it).
     *
     * @param state the word's memory state
     * @param today the UTC day to predict for
     * @return the probability of recall on {@code today}
     */
    public double retrievability(MemoryState state, LocalDate today) {
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(today, "today is required");
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(state.lastReview(), today));
        return retrievability(elapsed, state.stability());
    }

    /**
     * The number of days until retrievability falls to {@code desiredRetention}:
     * {@code I = round(S/FACTOR * (r^(1/DECAY) - 1))}, clamped to 1..36500. At r = 0.9 this is round(S).
     *
     * @param stability        the word's stability, at least 0.001
     * @param desiredRetention the recall probability to schedule at, strictly between 0 and 1
     * @return the interval in whole days, 1..36500
     * @throws IllegalArgumentException if the retention is not in (0, 1) or the stability is out of range
     */
    public int intervalDays(double stability, double desiredRetention) {
        MemoryState.requireStability(stability);
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException(
                    "desired retention must be strictly between 0 and 1, got " + desiredRetention);
        }
        double days = stability / p.factor() * (Math.pow(desiredRetention, 1.0 / p.decay()) - 1.0);
        return (int) Math.round(Math.min(MAX_INTERVAL_DAYS, Math.max(MIN_INTERVAL_DAYS, days)));
    }

    private double initialDifficulty(Rating rating) {
        return p.w(4) - Math.exp(p.w(5) * (rating.grade() - 1)) + 1.0;
    }

    private double nextDifficulty(double d, Rating rating) {
        double delta = -p.w(6) * (rating.grade() - 3);
        double damped = d + delta * (10.0 - d) / 9.0;
        return clampDifficulty(p.w(7) * initialDifficulty(Rating.EASY) + (1.0 - p.w(7)) * damped);
    }

    private double recallStability(double s, double d, double r, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? p.w(15) : 1.0;
        double easyBonus = rating == Rating.EASY ? p.w(16) : 1.0;
        return s * (1.0 + Math.exp(p.w(8)) * (11.0 - d) * Math.pow(s, -p.w(9))
                * (Math.exp(p.w(10) * (1.0 - r)) - 1.0) * hardPenalty * easyBonus);
    }

    private double forgetStability(double s, double d, double r) {
        double longTerm = p.w(11) * Math.pow(d, -p.w(12)) * (Math.pow(s + 1.0, p.w(13)) - 1.0)
                * Math.exp(p.w(14) * (1.0 - r));
        double shortTerm = s / Math.exp(p.w(17) * p.w(18));
        return Math.min(longTerm, shortTerm);
    }

    private double sameDayStability(double s, Rating rating) {
        double increase = Math.exp(p.w(17) * (rating.grade() - 3 + p.w(18))) * Math.pow(s, -p.w(19));
        if (rating.grade() >= 3) {
            increase = Math.max(increase, 1.0);
        }
        return s * increase;
    }

    private static double clampStability(double s) {
        return Math.max(s, MemoryState.MIN_STABILITY);
    }

    private static double clampDifficulty(double d) {
        return Math.min(MemoryState.MAX_DIFFICULTY, Math.max(MemoryState.MIN_DIFFICULTY, d));
    }
}
