package io.lessonpack.bootstrap.local.chaos;

/**
 * How the analysis service treats one session in the soak: mostly a result written soon after the
 * session, but also late, backdated, never, dated in the future, with a language tag lessonpack
 * cannot read, with a {@code createdAt} that is not a date, in another language, without ids, or
 * with absurdly long target lists. Weights are relative.
 */
enum AnalysisVariant {
    /** Written 20-90 s after the session ended, dated when written. */
    NORMAL(52, "on time"),
    /** Written before the session's message is sent. */
    EARLY(10, "before the message"),
    /** Written 3-14 minutes after the session ended (past the 10-minute wait or not). */
    LATE(7, "late"),
    /** Written 20 minutes to 30 hours late, dated 30 s after the session ended. */
    BACKDATED(4, "late with an older createdAt"),
    /** Never written. */
    MISSING(6, "missing"),
    /** Dated a year ahead. */
    FUTURE_YEAR(1, "dated a year ahead"),
    /** Dated 2-10 minutes ahead of when it is written. */
    FUTURE_MINUTES(3, "dated minutes ahead"),
    /** Tagged {@code yue} or {@code fil}, tags lessonpack cannot read. */
    UNKNOWN_LANGUAGE(3, "unknown language tag"),
    /** A {@code createdAt} that is not an ISO-8601 instant. */
    UNPARSEABLE_CREATED_AT(2, "unparseable createdAt"),
    /** Tagged with another language than the session's. */
    OTHER_LANGUAGE(4, "other language"),
    /** Without {@code sessionId}. */
    NO_SESSION_ID(3, "no sessionId"),
    /** Without {@code targetLanguage}. */
    NO_LANGUAGE(2, "no language"),
    /** Hundreds of missed targets and used words. */
    HUGE_TARGETS(3, "huge target lists");

    private final int weight;
    private final String label;

    AnalysisVariant(int weight, String label) {
        this.weight = weight;
        this.label = label;
    }

    int weight() {
        return weight;
    }

    String label() {
        return label;
    }

    /** Whether the result is usable evidence for its session's lesson on the day of the session. */
    boolean usableSameDay() {
        return this == NORMAL || this == EARLY || this == LATE || this == NO_SESSION_ID || this == HUGE_TARGETS;
    }

    /** The variant a draw in {@code [0, total weight)} falls on. */
    static AnalysisVariant at(int draw) {
        int left = draw;
        for (AnalysisVariant v : values()) {
            if (left < v.weight) {
                return v;
            }
            left -= v.weight;
        }
        throw new IllegalArgumentException("draw " + draw + " is past the total weight " + totalWeight());
    }

    static int totalWeight() {
        int total = 0;
        for (AnalysisVariant v : values()) {
            total += v.weight;
        }
        return total;
    }
}
