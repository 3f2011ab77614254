package io.lessonpack.application.service;

import io.lessonpack.application.port.in.GetLearnerOverviewQuery;
import io.lessonpack.application.port.in.GetLessonPackageQuery;
import io.lessonpack.application.port.in.LearnerOverview;
import io.lessonpack.application.port.in.LearnerOverview.KnownWord;
import io.lessonpack.application.port.in.LearnerOverview.LanguageOverview;
import io.lessonpack.application.port.in.LearnerOverview.RecallCurve;
import io.lessonpack.application.port.out.LearnerState;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.LoadLearnerStatePort;
import io.lessonpack.application.port.out.LoadPackagePort;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.curriculum.ReviewSelection;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The read side: what the app and a tutor see of a learner, through the same ports the generation
 * uses and with the learner's own memory model. Every read is bounded: a page of at most
 * {@code maxWords} words per language, whatever the size of the curriculum.
 *
 * <pre>{@code
 * LearnerQueryService queries = new LearnerQueryService(states, packages, curriculum, Fsrs.withDefaults(), 300);
 * LearnerOverview overview = queries.overview(userId, LocalDate.now(ZoneOffset.UTC));
 * }</pre>
 */
public final class LearnerQueryService implements GetLessonPackageQuery, GetLearnerOverviewQuery {

    /** How many days ahead the review words' recall is forecast, today included. */
    public static final int FORECAST_DAYS = 30;

    private final LoadLearnerStatePort states;
    private final LoadPackagePort packages;
    private final LoadCurriculumPort curriculum;
    private final Fsrs defaults;
    private final int maxWords;

    /**
     * @param defaults the memory model of learners without their own fit
     * @param maxWords words shown per language at most
     */
    public LearnerQueryService(LoadLearnerStatePort states, LoadPackagePort packages, LoadCurriculumPort curriculum,
            Fsrs defaults, int maxWords) {
        this.states = Objects.requireNonNull(states, "states");
        this.packages = Objects.requireNonNull(packages, "packages");
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        if (maxWords < 1) {
            throw new IllegalArgumentException("maxWords must be positive");
        }
        this.maxWords = maxWords;
    }

    @Override
    public Optional<LessonPackage> lessonPackage(UserId userId, Language language) {
        return current(userId, language, states.loadLearnerState(userId, language));
    }

    private Optional<LessonPackage> current(UserId userId, Language language, LearnerState state) {
        Optional<StoredPackage> stored = state.packageId().flatMap(packages::loadPackage)
                .or(() -> packages.findPackage(userId, language));
        return stored.filter(StoredPackage.Current.class::isInstance)
                .map(p -> ((StoredPackage.Current) p).lessonPackage());
    }

    @Override
    public LearnerOverview overview(UserId userId, LocalDate today) {
        List<LanguageOverview> languages = new ArrayList<>();
        for (Language language : states.languages(userId)) {
            LearnerState state = states.loadLearnerState(userId, language);
            ReviewSelection recall = new ReviewSelection(state.memoryModel().fsrs(defaults));
            LessonDay day = new LessonDay(today);
            List<CurriculumEntry> read = curriculum.words(userId, language, maxWords + 1);
            List<CurriculumEntry> shown = read.stream()
                    .sorted(Comparator.comparingDouble((CurriculumEntry e) -> recall.retrievability(e, day))
                            .thenComparing(CurriculumEntry::writing))
                    .limit(maxWords).toList();
            Optional<LessonPackage> pkg = current(userId, language, state);
            languages.add(new LanguageOverview(language, pkg.orElse(null),
                    shown.stream().map(e -> known(e, recall, day)).toList(), read.size() <= maxWords,
                    pkg.map(p -> curves(userId, language, p, recall, today)).orElse(List.of())));
        }
        return new LearnerOverview(userId, today, languages);
    }

    private static KnownWord known(CurriculumEntry e, ReviewSelection recall, LessonDay day) {
        return new KnownWord(e.writing(), e.pronunciation(), e.meaning(), e.origin(), e.scheduled(),
                recall.retrievability(e, day), e.history().size());
    }

    /**
     * The predicted recall of the package's review words, from today over {@link #FORECAST_DAYS} days; none for
     * a word never recalled (its R of 0 ranks it first for review, but is no prediction to chart).
     */
    private List<RecallCurve> curves(UserId userId, Language language, LessonPackage pkg, ReviewSelection recall,
            LocalDate today) {
        Set<WordKey> keys = new LinkedHashSet<>();
        for (ReviewTopic topic : pkg.reviewTopics()) {
            WordKey.tryOf(language, topic.openingWord()).ifPresent(keys::add);
        }
        List<RecallCurve> curves = new ArrayList<>();
        for (CurriculumEntry entry : curriculum.entries(userId, language, keys)) {
            List<Double> byDay = new ArrayList<>(FORECAST_DAYS);
            for (int d = 0; entry.memory().isPresent() && d < FORECAST_DAYS; d++) {
                byDay.add(recall.retrievability(entry, new LessonDay(today.plusDays(d))));
            }
            curves.add(new RecallCurve(entry.writing(), byDay));
        }
        return curves;
    }
}
