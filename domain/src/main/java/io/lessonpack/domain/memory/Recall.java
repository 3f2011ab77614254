package io.lessonpack.domain.memory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One recorded outcome of recalling a word: the UTC day it happened and how it went. A word's history
 * is its recalls in day order, at most one per day (the first outcome of a day counts), which is what
 * a replay of the memory model, and so a fit of its parameters, needs.
 *
 * @param day    the UTC day of the outcome
 * @param rating how it went
 */
public record Recall(LocalDate day, Rating rating) {

    public Recall {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(rating, "rating");
    }
}
