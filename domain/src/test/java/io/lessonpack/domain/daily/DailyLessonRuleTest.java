package io.lessonpack.domain.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DailyLessonRuleTest {

    private static final LessonDay TODAY = LessonDay.parse("2026-03-02");

    @Test
    void allowsLesson_neverHadALesson_allowed() {
        assertThat(DailyLessonRule.allowsLesson(null, TODAY)).isTrue();
    }

    @Test
    void allowsLesson_lastLessonYesterday_allowed() {
        assertThat(DailyLessonRule.allowsLesson(LessonDay.parse("2026-03-01"), TODAY)).isTrue();
    }

    @Test
    void allowsLesson_lastLessonLongAgo_allowed() {
        assertThat(DailyLessonRule.allowsLesson(LessonDay.parse("2024-02-29"), TODAY)).isTrue();
    }

    @Test
    void allowsLesson_lastLessonToday_refused() {
        assertThat(DailyLessonRule.allowsLesson(LessonDay.parse("2026-03-02"), TODAY)).isFalse();
    }

    @Test
    void allowsLesson_lastLessonAfterToday_refused() {
        assertThat(DailyLessonRule.allowsLesson(LessonDay.parse("2026-03-03"), TODAY)).isFalse();
        assertThat(DailyLessonRule.allowsLesson(LessonDay.parse("2027-01-01"), TODAY)).isFalse();
    }

    @Test
    void allowsLesson_lessonJustBeforeUtcMidnight_allowsAnotherJustAfterIt() {
        LessonDay last = LessonDay.of(Instant.parse("2026-03-01T23:59:59.999Z"));
        LessonDay now = LessonDay.of(Instant.parse("2026-03-02T00:00:00Z"));

        assertThat(DailyLessonRule.allowsLesson(last, now)).isTrue();
    }

    @Test
    void allowsLesson_twoInstantsOfTheSameUtcDay_refusesTheSecond() {
        LessonDay last = LessonDay.of(Instant.parse("2026-03-02T00:00:00Z"));
        LessonDay now = LessonDay.of(Instant.parse("2026-03-02T23:59:59.999Z"));

        assertThat(DailyLessonRule.allowsLesson(last, now)).isFalse();
    }

    @Test
    void allowsLesson_instantsWithOffsets_areComparedByTheirUtcDays() {
        LessonDay last = LessonDay.of(OffsetDateTime.parse("2026-03-02T08:00:00+09:00").toInstant());
        LessonDay now = LessonDay.of(OffsetDateTime.parse("2026-03-01T19:00:00-05:00").toInstant());

        assertThat(last).isEqualTo(LessonDay.parse("2026-03-01"));
        assertThat(now).isEqualTo(LessonDay.parse("2026-03-02"));
        assertThat(DailyLessonRule.allowsLesson(last, now)).isTrue();
        assertThat(DailyLessonRule.allowsLesson(now, now)).isFalse();
    }
}
