package io.lessonpack.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalFitTest {

    private static List<RecallHistory> histories(FsrsParameters truth, int words, int recalls, long seed) {
        return SyntheticLearner.histories(truth, words, recalls, seed).stream().map(RecallHistory::of).toList();
    }

    @Test
    void choose_fewerScoredReviewsThanTheMinimum_triesNoFit() {
        List<RecallHistory> few = histories(SyntheticLearner.unusualLearner(), 20, 6, 1);

        PersonalFit.Choice choice = new PersonalFit(400, 0.2).choose(few, null);

        assertThat(choice).isInstanceOf(PersonalFit.Choice.TooLittle.class);
        assertThat(choice.scoredReviews()).isLessThan(400).isPositive();
    }

    @Test
    void choose_aLearnerUnlikeTheDefaults_getsAFitThatBeatsThemOnTheirLatestReviews() {
        List<RecallHistory> history = histories(SyntheticLearner.unusualLearner(), 300, 12, 7);

        PersonalFit.Choice choice = new PersonalFit(400, 0.2).choose(history, null);

        assertThat(choice).isInstanceOfSatisfying(PersonalFit.Choice.Judged.class, judged -> {
            assertThat(judged.winner()).isEqualTo(PersonalFit.Choice.Winner.FITTED);
            assertThat(judged.parameters()).isNotNull();
            assertThat(judged.fittedLogLoss()).isLessThan(judged.defaultsLogLoss());
            assertThat(judged.currentLogLoss()).isNaN();
            assertThat(judged.heldOut()).isGreaterThan(judged.scoredReviews() / 10);
        });
    }

    @Test
    void choose_aCurrentFitBetterThanTheNewOneAndTheDefaults_isKept() {
        FsrsParameters truth = SyntheticLearner.unusualLearner();
        List<RecallHistory> history = histories(truth, 300, 12, 11);

        PersonalFit.Choice choice = new PersonalFit(400, 0.2).choose(history, truth);

        assertThat(choice).isInstanceOfSatisfying(PersonalFit.Choice.Judged.class, judged -> {
            assertThat(judged.currentLogLoss()).isLessThan(judged.defaultsLogLoss());
            assertThat(judged.winner()).isIn(PersonalFit.Choice.Winner.CURRENT, PersonalFit.Choice.Winner.FITTED);
            assertThat(judged.parameters()).isNotNull();
            assertThat(Math.min(judged.currentLogLoss(), judged.fittedLogLoss()))
                    .isLessThan(judged.defaultsLogLoss());
        });
    }

    @Test
    void choose_aFitThatDoesNotBeatTheDefaultsOnTheLatestReviews_isNotUsed() {
        // A learner who is the defaults, with just over the minimum: with this seed the fit on the
        // earlier reviews predicts the latest ones worse than the defaults do.
        List<RecallHistory> history = histories(FsrsParameters.defaults(), 60, 9, 1);

        PersonalFit.Choice choice = new PersonalFit(400, 0.2).choose(history, null);

        assertThat(choice).isInstanceOfSatisfying(PersonalFit.Choice.Judged.class, judged -> {
            assertThat(judged.fittedLogLoss()).isGreaterThan(judged.defaultsLogLoss());
            assertThat(judged.winner()).isEqualTo(PersonalFit.Choice.Winner.DEFAULTS);
            assertThat(judged.parameters()).isNull();
        });
    }

    @Test
    void constructor_refusesBadSettings() {
        assertThatThrownBy(() -> new PersonalFit(1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalFit(400, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
