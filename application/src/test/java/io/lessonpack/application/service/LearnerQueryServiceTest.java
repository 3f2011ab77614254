package io.lessonpack.application.service;

import static io.lessonpack.application.service.Outcomes.generated;
import static io.lessonpack.application.testing.GenerationFixture.FRENCH;
import static io.lessonpack.application.testing.GenerationFixture.LEARNER;
import static io.lessonpack.application.testing.GenerationFixture.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.in.GenerationOutcome.Generated;
import io.lessonpack.application.port.in.LearnerOverview;
import io.lessonpack.application.port.in.LearnerOverview.KnownWord;
import io.lessonpack.application.port.in.LearnerOverview.LanguageOverview;
import io.lessonpack.application.testing.GenerationFixture;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.memory.Fsrs;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnerQueryServiceTest {

    private static LearnerQueryService queries(GenerationFixture f, int maxWords) {
        return new LearnerQueryService(f.store(), f.store(), f.store(), Fsrs.withDefaults(), maxWords);
    }

    private static LocalDate today(GenerationFixture f) {
        return LocalDate.ofInstant(f.clock().instant(), ZoneOffset.UTC);
    }

    @Test
    void lessonPackage_isTheLearnersCurrentPackage_andNoneBeforeTheFirstLesson() {
        GenerationFixture f = GenerationFixture.create();
        assertThat(queries(f, 100).lessonPackage(LEARNER, SPANISH)).isEmpty();

        Generated g = generated(f.generate(f.session("s1")));

        assertThat(queries(f, 100).lessonPackage(LEARNER, SPANISH)).contains(g.lessonPackage());
        assertThat(queries(f, 100).lessonPackage(LEARNER, FRENCH)).isEmpty();
    }

    @Test
    void lessonPackage_aPackageOfTheOriginalServiceNotAdoptedYet_isNotShownAsLessonpacks() {
        GenerationFixture f = GenerationFixture.create();
        f.store().putForeignPackage(new ForeignPackage(PackageId.of("legacy"), LEARNER, SPANISH, "Old", null, null, "",
                List.of(), List.of()));

        assertThat(queries(f, 100).lessonPackage(LEARNER, SPANISH)).isEmpty();
    }

    @Test
    void overview_perLanguage_thePackageTheWordsMostAtRiskFirstAndTheReviewWordsCurves() {
        GenerationFixture f = GenerationFixture.create();
        generated(f.generate(f.session("s1")));
        f.nextDay();
        Generated second = generated(f.generate(f.session("s2")));

        LearnerOverview overview = queries(f, 100).overview(LEARNER, today(f));

        assertThat(overview.languages()).singleElement().satisfies(language -> {
            assertThat(language.language().code()).isEqualTo("es");
            assertThat(language.currentPackage()).contains(second.lessonPackage());
            assertThat(language.curriculumRead()).isTrue();
            assertThat(language.words()).hasSize(f.curriculumEntries().size());
            assertThat(language.words()).extracting(KnownWord::recallToday).isSorted();
            assertThat(language.words()).filteredOn(w -> w.origin() == CurriculumEntry.Origin.USED)
                    .allSatisfy(w -> assertThat(w.scheduled()).isFalse());
            assertThat(language.reviewCurves()).extracting(LearnerOverview.RecallCurve::word)
                    .containsExactlyInAnyOrderElementsOf(second.lessonPackage().reviewTopics().stream()
                            .map(ReviewTopic::openingWord).toList());
            assertThat(language.reviewCurves()).as("words never recalled: nothing to forecast yet")
                    .allSatisfy(curve -> assertThat(curve.forecast()).isFalse());
        });
    }

    @Test
    void overview_reviewWordsTheLearnerHasRecalled_forecastDayByDay_fallingFromToday() {
        GenerationFixture f = GenerationFixture.create();
        generated(f.generate(f.session("s1")));
        f.nextDay();
        List<String> everyWord = f.curriculumEntries().stream().map(CurriculumEntry::writing).toList();
        generated(f.generate(f.sessionWith("s2", analysis -> analysis.targetsHit(everyWord))));

        LanguageOverview language = queries(f, 100).overview(LEARNER, today(f)).languages().get(0);

        assertThat(language.reviewCurves()).isNotEmpty().allSatisfy(curve -> {
            assertThat(curve.forecast()).isTrue();
            assertThat(curve.byDay()).hasSize(LearnerQueryService.FORECAST_DAYS);
            assertThat(curve.byDay().get(0)).isGreaterThan(curve.byDay().get(LearnerQueryService.FORECAST_DAYS - 1));
            assertThat(curve.byDay()).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                    .allSatisfy(r -> assertThat(r).isBetween(0.0, 1.0));
        });
    }

    @Test
    void overview_aLargerCurriculumThanThePage_showsTheBoundAndSaysSo() {
        GenerationFixture f = GenerationFixture.create();
        generated(f.generate(f.session("s1")));

        LanguageOverview language = queries(f, 3).overview(LEARNER, today(f)).languages().get(0);

        assertThat(language.words()).hasSize(3);
        assertThat(language.curriculumRead()).isFalse();
    }

    @Test
    void overview_aLearnerNeverSeen_hasNoLanguage() {
        GenerationFixture f = GenerationFixture.create();

        assertThat(queries(f, 100).overview(UserId.of("nobody"), today(f)).languages()).isEmpty();
    }
}
