package io.lessonpack.bootstrap.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressHubTest {

    private static ProgressStep step(String session, ProgressStep.Kind kind) {
        return new ProgressStep(SessionId.of(session), UserId.of("u-" + session), Language.of("es"), kind, "",
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    private static List<Long> ids(ProgressHub.Subscription s) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (Optional<ProgressHub.Event> e = s.next(Duration.ofMillis(20)); e.isPresent(); e = s.next(Duration.ofMillis(20))) {
            ids.add(e.get().id());
        }
        return ids;
    }

    @Test
    void subscribe_afterAnId_replaysOnlyLaterKeptSteps_thenNewOnes() throws Exception {
        ProgressHub hub = new ProgressHub(3);
        for (int i = 0; i < 5; i++) {
            hub.step(step("s", ProgressStep.Kind.RECEIVED));
        }
        assertThat(ids(hub.subscribe(s -> true, 3L))).containsExactly(4L, 5L);
        assertThat(ids(hub.subscribe(s -> true, 0L))).as("older than the history: what is kept")
                .containsExactly(3L, 4L, 5L);
        ProgressHub.Subscription live = hub.subscribe(s -> true);
        hub.step(step("s", ProgressStep.Kind.COMMITTED));
        assertThat(ids(live)).containsExactly(6L);
    }

    @Test
    void subscribe_withAFilter_seesOnlyItsSteps() throws Exception {
        ProgressHub hub = new ProgressHub(10);
        ProgressHub.Subscription mine = hub.subscribe(s -> s.sessionId().value().equals("a"));
        hub.step(step("a", ProgressStep.Kind.RECEIVED));
        hub.step(step("b", ProgressStep.Kind.RECEIVED));
        hub.step(step("a", ProgressStep.Kind.PUBLISHED));
        assertThat(ids(mine)).containsExactly(1L, 3L);
    }

    @Test
    void aStreamTooFarBehind_isEnded_andCloseEndsTheOthers() throws Exception {
        ProgressHub hub = new ProgressHub(10);
        ProgressHub.Subscription slow = hub.subscribe(s -> true);
        for (int i = 0; i <= ProgressHub.STREAM_BACKLOG; i++) {
            hub.step(step("s", ProgressStep.Kind.RECEIVED));
        }
        assertThat(ids(slow)).hasSize(ProgressHub.STREAM_BACKLOG);
        assertThat(slow.open()).isFalse();

        ProgressHub.Subscription other = hub.subscribe(s -> true);
        hub.close();
        assertThat(other.next(Duration.ofSeconds(1))).isEmpty();
        assertThat(other.open()).isFalse();
    }
}
