package io.lessonpack.domain.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The UTC calendar day a lesson belongs to. The daily-lesson rule counts days on the UTC clock at
 * processing time, so {@code 23:59:59.999Z} and the following {@code 00:00:00Z} are different days
 * wherever the learner lives.
 */
public record LessonDay(LocalDate date) implements Comparable<LessonDay> {

    public LessonDay {
        Objects.requireNonNull(date, "date");
    }

    /** The lesson day of an instant: its calendar date in UTC. */
    public static LessonDay of(Instant instant) {
        return new LessonDay(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Parses an ISO {@code YYYY-MM-DD} date as stored in the state table. */
    public static LessonDay parse(String isoDate) {
        return new LessonDay(LocalDate.parse(isoDate));
    }

    @Override
    public int compareTo(LessonDay other) {
        return date.compareTo(other.date);
    }

    /** The ISO {@code YYYY-MM-DD} form. */
    @Override
    public String toString() {
        return date.toString();
    }
}
