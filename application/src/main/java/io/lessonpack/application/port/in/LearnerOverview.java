package io.lessonpack.application.port.in;

import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.word.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tutor reads about a learner on a day: per language, the current package, the words they
 * know with their predicted recall that day (most at risk first), and how recall of the day's review
 * words is predicted to fall over the coming days.
 */
public record LearnerOverview(UserId userId, LocalDate today, List<LanguageOverview> languages) {

    public LearnerOverview {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(today, "today");
        languages = List.copyOf(languages);
    }

    /**
     * One language of the learner.
     *
     * @param lessonPackage  the current package; null before the first lesson
     * @param words          the words shown, most at risk first
     * @param curriculumRead whether {@code words} holds every word read, or the bound cut the list
     * @param reviewCurves   the predicted recall of each of the package's review words, day by day
     */
    public record LanguageOverview(Language language, LessonPackage lessonPackage, List<KnownWord> words,
            boolean curriculumRead, List<RecallCurve> reviewCurves) {

        public LanguageOverview {
            Objects.requireNonNull(language, "language");
            words = List.copyOf(words);
            reviewCurves = List.copyOf(reviewCurves);
        }

        /** The current package, once the learner has had a lesson in the language. */
        public Optional<LessonPackage> currentPackage() {
            return Optional.ofNullable(lessonPackage);
        }
    }

    /**
     * A word of the curriculum as the tutor sees it.
     *
     * @param recallToday the predicted probability of recalling it today; 0 for a word never recalled
     * @param recalls     how many recall outcomes its history holds
     */
    public record KnownWord(String writing, String pronunciation, String meaning, CurriculumEntry.Origin origin,
            boolean scheduled, double recallToday, int recalls) {
    }

    /**
     * The predicted recall of one review word from today on.
     *
     * @param byDay the probability for today, tomorrow, and so on; empty for a word the learner has not
     *              recalled yet, whose memory the model cannot predict before a first recall
     */
    public record RecallCurve(String word, List<Double> byDay) {
        public RecallCurve {
            byDay = List.copyOf(byDay);
        }

        /** Whether the learner has recalled the word at least once, so there is a forecast to draw. */
        public boolean forecast() {
            return !byDay.isEmpty();
        }
    }
}
