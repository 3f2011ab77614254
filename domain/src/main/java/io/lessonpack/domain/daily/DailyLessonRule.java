package io.lessonpack.domain.daily;

/**
 * At most one lesson per learner per UTC calendar day, across all languages (docs/domain.md,
 * "One lesson per learner per UTC day").
 *
 * <p>The rule is a pure function of the learner's last lesson day and today; storage adapters
 * enforce the same rule with a condition so two concurrent invocations cannot both pass it.
 */
public final class DailyLessonRule {

    private DailyLessonRule() {
    }

    /**
     * Whether a learner whose last lesson was on {@code lastLessonDay} (null when never) may get a
     * lesson on {@code today}. A last lesson day after today (a clock that went backwards) does not
     * allow a second lesson either.
     */
    public static boolean allowsLesson(LessonDay lastLessonDay, LessonDay today) {
        return lastLessonDay == null || lastLessonDay.compareTo(today) < 0;
    }
}
