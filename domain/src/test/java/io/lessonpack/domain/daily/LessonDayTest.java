package io.lessonpack.domain.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LessonDayTest {

    @Test
    void of_lastMillisecondOfDayAndNextMidnight_areDifferentDays() {
        LessonDay late = LessonDay.of(Instant.parse("2026-03-01T23:59:59.999Z"));
        LessonDay midnight = LessonDay.of(Instant.parse("2026-03-02T00:00:00Z"));

        assertThat(late).isEqualTo(new LessonDay(LocalDate.of(2026, 3, 1)));
        assertThat(midnight).isEqualTo(new LessonDay(LocalDate.of(2026, 3, 2)));
        assertThat(late).isNotEqualTo(midnight);
        assertThat(late).isLessThan(midnight);
    }

    @Test
    void of_startAndEndOfOneUtcDay_areTheSameDay() {
        assertThat(LessonDay.of(Instant.parse("2026-03-01T00:00:00Z")))
                .isEqualTo(LessonDay.of(Instant.parse("2026-03-01T23:59:59.999999999Z")));
    }

    @ParameterizedTest(name = "{0} is UTC day {1}")
    @CsvSource({
        "2026-03-01T23:30:00-05:00, 2026-03-02",
        "2026-03-02T08:30:00+09:00, 2026-03-01",
        "2026-03-02T00:30:00+01:00, 2026-03-01",
        "2026-03-01T19:00:00-04:59, 2026-03-01",
        "2026-03-01T14:00:00+14:00, 2026-03-01",
        "2026-03-01T10:00:00-12:00, 2026-03-01",
        "2026-03-01T12:00:00-12:00, 2026-03-02",
    })
    void of_instantWrittenWithOffset_takesTheUtcCalendarDate(String offsetDateTime, String utcDate) {
        Instant instant = OffsetDateTime.parse(offsetDateTime).toInstant();

        assertThat(LessonDay.of(instant)).isEqualTo(LessonDay.parse(utcDate));
    }

    @Test
    void of_sameLocalEveningInTwoTimeZones_canBeDifferentUtcDays() {
        LessonDay newYork = LessonDay.of(OffsetDateTime.parse("2026-03-01T20:00:00-05:00").toInstant());
        LessonDay tokyo = LessonDay.of(OffsetDateTime.parse("2026-03-01T20:00:00+09:00").toInstant());

        assertThat(newYork).isEqualTo(LessonDay.parse("2026-03-02"));
        assertThat(tokyo).isEqualTo(LessonDay.parse("2026-03-01"));
    }

    @Test
    void parse_isoDate_roundTripsThroughToString() {
        LessonDay day = LessonDay.parse("2026-02-28");

        assertThat(day.date()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(day).hasToString("2026-02-28");
        assertThat(LessonDay.parse(day.toString())).isEqualTo(day);
    }

    @Test
    void parse_notAnIsoDate_isRefused() {
        assertThatThrownBy(() -> LessonDay.parse("01/03/2026")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void constructor_nullDate_isRefused() {
        assertThatThrownBy(() -> new LessonDay(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void compareTo_ordersByCalendarDate() {
        LessonDay first = LessonDay.parse("2025-12-31");
        LessonDay second = LessonDay.parse("2026-01-01");

        assertThat(first.compareTo(second)).isNegative();
        assertThat(second.compareTo(first)).isPositive();
        assertThat(first.compareTo(LessonDay.parse("2025-12-31"))).isZero();
    }
}
