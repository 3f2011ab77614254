package io.lessonpack.bootstrap.local.demo;

import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.LoadPackagePort;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.evidence.AnalysisResult;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Plays the learner and the analysis service in the demo: for a session, it writes the analysis
 * result the analysis service would, from what the learner's current package asked them to say.
 *
 * <p>The learner recalls a word with the probability the memory model predicts (a word never
 * recalled: the learner's base recall), drawn from a random source seeded by the learner, the day
 * and the word, so every run of the demo prints the same lessons.
 */
final class LearnerSimulator {

    private final DemoScenario scenario;
    private final LoadPackagePort packages;
    private final LoadCurriculumPort curriculum;
    private final Fsrs fsrs;

    LearnerSimulator(DemoScenario scenario, LoadPackagePort packages, LoadCurriculumPort curriculum, Fsrs fsrs) {
        this.scenario = scenario;
        this.packages = packages;
        this.curriculum = curriculum;
        this.fsrs = fsrs;
    }

    /** The analysis of {@code sessionId}, which ended at {@code endedAt}, stored a minute later. */
    AnalysisResult analyse(DemoScenario.Learner learner, Language language, String sessionId, Instant endedAt) {
        UserId user = UserId.of(learner.userId());
        Instant createdAt = endedAt.plusSeconds(60);
        AnalysisResult.Builder result = AnalysisResult.builder(user, createdAt)
                .analysisId("analysis-" + sessionId)
                .sessionId(sessionId)
                .targetLanguage(language);
        Optional<LessonPackage> pkg = packages.findPackage(user, language)
                .filter(StoredPackage.Current.class::isInstance)
                .map(stored -> ((StoredPackage.Current) stored).lessonPackage());
        if (pkg.isEmpty()) {
            DemoScenario.FirstAnalysis first = learner.firstAnalysis().get(language.code());
            if (first == null) {
                return result.feedback(feedback(learner, endedAt)).build();
            }
            return result.targetsMissed(first.missed()).targetsHit(first.hit()).wordsUsed(first.used())
                    .feedback(first.feedback()).build();
        }
        LocalDate day = LocalDate.ofInstant(endedAt, java.time.ZoneOffset.UTC);
        Map<WordKey, String> targets = new LinkedHashMap<>();
        for (ReviewTopic review : pkg.get().reviewTopics()) {
            WordKey.tryOf(language, review.openingWord()).ifPresent(k -> targets.putIfAbsent(k, review.openingWord()));
        }
        for (String word : pkg.get().newLesson().words()) {
            WordKey.tryOf(language, word).ifPresent(k -> targets.putIfAbsent(k, word));
        }
        Map<WordKey, CurriculumEntry> known = new LinkedHashMap<>();
        curriculum.entries(user, language, targets.keySet()).forEach(e -> known.put(e.key(), e));
        List<String> hit = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        targets.forEach((key, word) -> {
            CurriculumEntry entry = known.get(key);
            double p = entry == null || entry.memory().isEmpty() ? learner.recall()
                    : Math.max(0.05, fsrs.retrievability(entry.memory().get(), day) * (0.5 + learner.recall() / 2));
            double draw = new SplittableRandom(seed(learner.userId(), day, word)).nextDouble();
            (draw < p ? hit : missed).add(word);
        });
        List<String> used = new ArrayList<>(hit);
        return result.targetsHit(hit).targetsMissed(missed).wordsUsed(used).feedback(feedback(learner, endedAt)).build();
    }

    private String feedback(DemoScenario.Learner learner, Instant at) {
        List<String> pool = scenario.feedbackPool();
        int index = Math.floorMod(seed(learner.userId(), LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), "feedback"),
                pool.size());
        return pool.get(index);
    }

    private static int seed(String userId, LocalDate day, String word) {
        return (userId + "|" + day + "|" + word).hashCode();
    }
}
