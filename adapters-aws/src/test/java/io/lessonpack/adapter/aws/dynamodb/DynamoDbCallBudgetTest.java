package io.lessonpack.adapter.aws.dynamodb;

import static io.lessonpack.adapter.aws.dynamodb.TestData.LEARNER;
import static io.lessonpack.adapter.aws.dynamodb.TestData.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.testing.CallCounter;
import io.lessonpack.adapter.aws.testing.LocalDynamoDb;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.domain.curriculum.CurriculumChange;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.lesson.PackageId;
import io.lessonpack.domain.word.WordKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each port method costs the one DynamoDB call the design gives it; the Lambda's per-message budget rests on it. */
class DynamoDbCallBudgetTest {

    private final CallCounter calls = new CallCounter();
    private final DynamoDbStores stores = DynamoDbStores.create("budget", LocalDynamoDb.client(calls));

    private Map<String, Integer> callsOf(Consumer<DynamoDbStores> operation) {
        calls.reset();
        operation.accept(stores);
        return calls.snapshot();
    }

    @Test
    void everyPortMethod_makesExactlyItsOneCall() {
        Instant now = stores.clock.instant();
        DayClaim claim = new DayClaim(LEARNER, LessonDay.of(now), SessionId.of("s1"), SPANISH, "t1", now,
                now.plus(Duration.ofMinutes(3)));

        assertThat(callsOf(s -> s.days.status(LEARNER, SessionId.of("s1")))).isEqualTo(Map.of("BatchGetItem", 1));
        assertThat(callsOf(s -> s.days.claim(claim))).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(callsOf(s -> s.days.claim(claim))).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(callsOf(s -> s.days.storeDraft(LEARNER, "t1", TestData.draft("x")))).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(callsOf(s -> s.states.loadLearnerState(LEARNER, SPANISH))).isEqualTo(Map.of("GetItem", 1));
        assertThat(callsOf(s -> s.packages.loadPackage(PackageId.of("p-1")))).isEqualTo(Map.of("GetItem", 1));
        assertThat(callsOf(s -> s.results.loadRecent(LEARNER, now.minus(Duration.ofDays(1)), now, 500))).isEqualTo(Map.of("Query", 1));
        assertThat(callsOf(s -> s.curriculum.reviewCandidates(LEARNER, SPANISH, LessonDay.of(now), 100)))
                .isEqualTo(Map.of("Query", 1));
        assertThat(callsOf(s -> s.curriculum.entries(LEARNER, SPANISH, Set.of(WordKey.of(SPANISH, "gato")))))
                .isEqualTo(Map.of("BatchGetItem", 1));
        assertThat(callsOf(s -> s.curriculum.existingKeys(LEARNER, SPANISH, Set.of(WordKey.of(SPANISH, "gato")))))
                .isEqualTo(Map.of("BatchGetItem", 1));
        assertThat(callsOf(s -> s.saver.commit(LEARNER, TestData.commit("t1", "s1", TestData.pkg("p-1", SPANISH, 1, now),
                0, now.minusSeconds(1), CurriculumChange.none())))).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(callsOf(s -> s.days.markPublished(LEARNER, "p-1:1"))).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(callsOf(s -> s.days.release(LEARNER, "t1", now))).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(callsOf(s -> s.saver.recordAnalysisProgress(LEARNER, SPANISH, 0, TestData.progress(now)))).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(callsOf(s -> s.packages.findPackage(LEARNER, SPANISH))).isEqualTo(Map.of("Query", 1, "GetItem", 1));
        assertThat(callsOf(s -> s.curriculum.entries(LEARNER, SPANISH, Set.of()))).isEmpty();
    }
}
