package io.lessonpack.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final Language SPANISH = Language.of("es");
    private static final Language FRENCH = Language.of("fr");
    private static final UserId USER = UserId.of("user-1");
    private static final Instant MORNING = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-03-01T20:00:00Z");
    private static final Instant LAST_MILLI = Instant.parse("2026-03-01T23:59:59.999Z");
    private static final Instant NEXT_MIDNIGHT = Instant.parse("2026-03-02T00:00:00Z");

    private static WordKey es(String text) {
        return WordKey.of(SPANISH, text);
    }

    private static AnalysisResult.Builder result(Instant at) {
        return AnalysisResult.builder(USER, at).targetLanguage(SPANISH);
    }

    private static List<WordKey> keys(List<WordOutcome> outcomes) {
        return outcomes.stream().map(WordOutcome::key).toList();
    }

    @Test
    void from_missedTarget_isRatedAgain() {
        Evidence evidence = Evidence.from(SPANISH, List.of(result(MORNING).targetsMissed(List.of("perro")).build()));

        assertThat(evidence.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo(es("perro"));
            assertThat(o.text()).isEqualTo("perro");
            assertThat(o.rating()).isEqualTo(Rating.AGAIN);
            assertThat(o.missed()).isTrue();
            assertThat(o.at()).isEqualTo(MORNING);
        });
    }

    @Test
    void from_hitTarget_isRatedGood() {
        Evidence evidence = Evidence.from(SPANISH, List.of(result(MORNING).targetsHit(List.of("perro")).build()));

        assertThat(evidence.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.rating()).isEqualTo(Rating.GOOD);
            assertThat(o.missed()).isFalse();
        });
    }

    @Test
    void from_anyEvidence_neverRatesHardOrEasy() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("uno", "dos")).targetsMissed(List.of("tres")).build(),
                result(NEXT_MIDNIGHT).targetsHit(List.of("tres")).targetsMissed(List.of("uno")).build()));

        assertThat(evidence.outcomes()).extracting(WordOutcome::rating)
                .hasSize(5)
                .containsOnly(Rating.AGAIN, Rating.GOOD);
    }

    @Test
    void from_laterOutcomeOnTheSameUtcDay_isDropped() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("gato")).build(),
                result(LAST_MILLI).targetsMissed(List.of("gato")).build()));

        assertThat(evidence.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.rating()).isEqualTo(Rating.GOOD);
            assertThat(o.at()).isEqualTo(MORNING);
        });
    }

    @Test
    void from_outcomeOnTheNextUtcDay_isKept() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(LAST_MILLI).targetsHit(List.of("gato")).build(),
                result(NEXT_MIDNIGHT).targetsMissed(List.of("gato")).build()));

        assertThat(evidence.outcomes()).extracting(WordOutcome::rating, WordOutcome::at)
                .containsExactly(
                        tuple(Rating.GOOD, LAST_MILLI),
                        tuple(Rating.AGAIN, NEXT_MIDNIGHT));
        assertThat(evidence.outcomes().get(0).day()).isNotEqualTo(evidence.outcomes().get(1).day());
    }

    @Test
    void from_resultsGivenOutOfOrder_keepTheEarliestOutcomeOfTheDay() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(EVENING).targetsMissed(List.of("gato")).build(),
                result(MORNING).targetsHit(List.of("gato")).build()));

        assertThat(evidence.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.rating()).isEqualTo(Rating.GOOD);
            assertThat(o.at()).isEqualTo(MORNING);
        });
    }

    @Test
    void from_outcomes_areInTimeOrder() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(NEXT_MIDNIGHT).targetsHit(List.of("tres")).build(),
                result(EVENING).targetsHit(List.of("dos")).build(),
                result(MORNING).targetsHit(List.of("uno")).build()));

        assertThat(keys(evidence.outcomes())).containsExactly(es("uno"), es("dos"), es("tres"));
    }

    @Test
    void from_wordMissedAndHitInOneResult_countsAsMissed() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("gato")).targetsMissed(List.of("gato")).build()));

        assertThat(evidence.outcomes()).singleElement()
                .extracting(WordOutcome::rating).isEqualTo(Rating.AGAIN);
        assertThat(evidence.misses()).extracting(WordOutcome::key).containsExactly(es("gato"));
        assertThat(evidence.hits()).isEmpty();
    }

    @Test
    void from_wordMissedAndHitInOneResultUnderDifferentSpellings_countsAsMissed() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("gato")).targetsMissed(List.of("¡El Gato!")).build()));

        assertThat(evidence.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.rating()).isEqualTo(Rating.AGAIN);
            assertThat(o.text()).isEqualTo("¡El Gato!");
        });
    }

    @Test
    void from_resultForAnotherLanguage_isIgnored() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                AnalysisResult.builder(USER, MORNING).targetLanguage(FRENCH)
                        .targetsHit(List.of("chat")).targetsMissed(List.of("chien"))
                        .wordsUsed(List.of("bonjour")).feedback("Très bien").sessionId("s-fr").build()));

        assertThat(evidence.outcomes()).isEmpty();
        assertThat(evidence.wordsUsed()).isEmpty();
        assertThat(evidence.feedback()).isEmpty();
        assertThat(evidence.sessionIds()).isEmpty();
        assertThat(evidence.latestResultAt()).isEmpty();
        assertThat(evidence.isEmpty()).isTrue();
        assertThat(evidence).isEqualTo(Evidence.empty());
    }

    @Test
    void from_resultWithoutLanguage_isUsed() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                AnalysisResult.builder(USER, MORNING).targetsHit(List.of("gato")).build()));

        assertThat(keys(evidence.outcomes())).containsExactly(es("gato"));
    }

    @Test
    void from_resultInARegionalVariant_isUsedForTheLanguage() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                AnalysisResult.builder(USER, MORNING).targetLanguage(Language.of("es-MX"))
                        .targetsHit(List.of("gato")).build()));

        assertThat(keys(evidence.outcomes())).containsExactly(es("gato"));
    }

    @Test
    void from_mixedLanguages_keepsOnlyTheRequestedAndUnnamedOnes() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                AnalysisResult.builder(USER, MORNING).targetLanguage(FRENCH).targetsMissed(List.of("chat")).build(),
                AnalysisResult.builder(USER, EVENING).targetsMissed(List.of("perro")).build(),
                result(LAST_MILLI).targetsMissed(List.of("gato")).build()));

        assertThat(keys(evidence.outcomes())).containsExactly(es("perro"), es("gato"));
        assertThat(evidence.latestResultAt()).contains(LAST_MILLI);
    }

    @Test
    void from_latestResultInAnotherLanguage_doesNotMoveLatestResultAt() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("gato")).build(),
                AnalysisResult.builder(USER, NEXT_MIDNIGHT).targetLanguage(FRENCH).targetsHit(List.of("chat")).build()));

        assertThat(evidence.latestResultAt()).contains(MORNING);
    }

    @Test
    void from_articleAndCaseVariants_areOneWord() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsMissed(List.of("El gato")).build(),
                result(EVENING).targetsHit(List.of("gato")).build()));

        assertThat(evidence.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo(es("gato"));
            assertThat(o.text()).isEqualTo("El gato");
            assertThat(o.rating()).isEqualTo(Rating.AGAIN);
        });
    }

    @Test
    void from_wordText_isStrippedButOtherwiseKeptAsWritten() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsMissed(List.of("  ¿La Casa?  ")).wordsUsed(List.of("  Hola ")).build()));

        assertThat(evidence.outcomes()).singleElement().extracting(WordOutcome::text).isEqualTo("¿La Casa?");
        assertThat(evidence.wordsUsed()).containsExactly("Hola");
    }

    @Test
    void from_blankOrPunctuationOnlyWords_areIgnored() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING)
                        .targetsMissed(Arrays.asList("", "   ", "¿?", "...", null, "—"))
                        .targetsHit(List.of("!!", "«»"))
                        .wordsUsed(List.of(" ", "¡!", "—", "hola"))
                        .build()));

        assertThat(evidence.outcomes()).isEmpty();
        assertThat(evidence.wordsUsed()).containsExactly("hola");
    }

    @Test
    void from_wordsUsed_areCollectedOncePerKeyInFirstSpelling() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(EVENING).wordsUsed(List.of("gracias", "La casa")).build(),
                result(MORNING).wordsUsed(List.of("Hola", "casa", "hola")).build()));

        assertThat(evidence.wordsUsed()).containsExactly("Hola", "casa", "gracias");
    }

    @Test
    void from_wordsUsed_areNotRecallOutcomes() {
        Evidence evidence = Evidence.from(SPANISH, List.of(result(MORNING).wordsUsed(List.of("hola")).build()));

        assertThat(evidence.outcomes()).isEmpty();
        assertThat(evidence.isEmpty()).isFalse();
    }

    @Test
    void from_feedback_isCollectedStrippedInTimeOrderSkippingBlanks() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(EVENING).feedback("  Watch the rolled r.  ").build(),
                result(MORNING).feedback("Good use of past tense.").build(),
                result(LAST_MILLI).feedback("   ").build(),
                result(NEXT_MIDNIGHT).build()));

        assertThat(evidence.feedback()).containsExactly("Good use of past tense.", "Watch the rolled r.");
    }

    @Test
    void from_feedbackOnly_isNotEmpty() {
        Evidence evidence = Evidence.from(SPANISH, List.of(result(MORNING).feedback("Speak slower.").build()));

        assertThat(evidence.isEmpty()).isFalse();
    }

    @Test
    void from_sessionIds_areCollectedDistinctWithoutBlanks() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).sessionId("s-1").build(),
                result(EVENING).sessionId("s-2").build(),
                result(LAST_MILLI).sessionId("s-1").build(),
                result(NEXT_MIDNIGHT).build()));

        assertThat(evidence.sessionIds()).containsExactlyInAnyOrder("s-1", "s-2");
    }

    @Test
    void from_latestResultAt_isTheNewestCreatedAtWhateverTheInputOrder() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(EVENING).build(),
                result(NEXT_MIDNIGHT).build(),
                result(MORNING).build()));

        assertThat(evidence.latestResultAt()).contains(NEXT_MIDNIGHT);
    }

    @Test
    void from_resultsWithNothingInThem_setLatestResultAtButAreEmpty() {
        Evidence evidence = Evidence.from(SPANISH, List.of(result(MORNING).build()));

        assertThat(evidence.latestResultAt()).contains(MORNING);
        assertThat(evidence.isEmpty()).isTrue();
    }

    @Test
    void from_noResults_isEmpty() {
        Evidence evidence = Evidence.from(SPANISH, List.of());

        assertThat(evidence).isEqualTo(Evidence.empty());
        assertThat(evidence.isEmpty()).isTrue();
        assertThat(evidence.latestResultAt()).isEqualTo(Optional.empty());
    }

    @Test
    void misses_wordMissedOnTwoDays_isListedOnceWithItsFirstOutcome() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsMissed(List.of("gato", "perro")).build(),
                result(NEXT_MIDNIGHT).targetsMissed(List.of("El gato")).build()));

        assertThat(evidence.outcomes()).hasSize(3);
        assertThat(evidence.misses()).extracting(WordOutcome::key).containsExactly(es("gato"), es("perro"));
        assertThat(evidence.misses().get(0).at()).isEqualTo(MORNING);
    }

    @Test
    void hits_wordHitOnTwoDays_isListedOnce() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("gato")).build(),
                result(NEXT_MIDNIGHT).targetsHit(List.of("gato", "perro")).build()));

        assertThat(evidence.hits()).extracting(WordOutcome::key).containsExactly(es("gato"), es("perro"));
        assertThat(evidence.hits()).allMatch(o -> o.rating() == Rating.GOOD);
    }

    @Test
    void missesAndHits_separateOutcomesByRating() {
        Evidence evidence = Evidence.from(SPANISH, List.of(
                result(MORNING).targetsHit(List.of("uno")).targetsMissed(List.of("dos")).build(),
                result(NEXT_MIDNIGHT).targetsHit(List.of("dos")).targetsMissed(List.of("tres")).build()));

        assertThat(evidence.misses()).extracting(WordOutcome::key).containsExactly(es("dos"), es("tres"));
        assertThat(evidence.hits()).extracting(WordOutcome::key).containsExactly(es("uno"), es("dos"));
    }

    @Test
    void constructor_copiesItsCollections() {
        ArrayList<String> used = new ArrayList<>(List.of("hola"));
        Evidence evidence = new Evidence(List.of(), used, List.of(), null, Set.of());
        used.add("adiós");

        assertThat(evidence.wordsUsed()).containsExactly("hola");
    }
}
