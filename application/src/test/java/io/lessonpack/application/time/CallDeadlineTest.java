package io.lessonpack.application.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallDeadlineTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void current_outsideAnyBinding_isEmpty() {
        assertThat(CallDeadline.current()).isEmpty();
    }

    @Test
    void within_bindsTheDeadlineForTheWorkAndRestoresNothingAfterwards() {
        Instant seen = CallDeadline.within(T, () -> CallDeadline.current().orElseThrow());

        assertThat(seen).isEqualTo(T);
        assertThat(CallDeadline.current()).isEmpty();
    }

    @Test
    void within_nested_canShortenButNeverExtendTheDeadline() {
        Instant shortened = CallDeadline.within(T, () -> CallDeadline.within(T.minusSeconds(5),
                () -> CallDeadline.current().orElseThrow()));
        Instant notExtended = CallDeadline.within(T, () -> CallDeadline.within(T.plusSeconds(5),
                () -> CallDeadline.current().orElseThrow()));
        Instant restored = CallDeadline.within(T, () -> {
            CallDeadline.within(T.minusSeconds(5), () -> null);
            return CallDeadline.current().orElseThrow();
        });

        assertThat(shortened).isEqualTo(T.minusSeconds(5));
        assertThat(notExtended).isEqualTo(T);
        assertThat(restored).isEqualTo(T);
    }

    @Test
    void within_workThrows_stillRestoresTheBinding() {
        assertThatThrownBy(() -> CallDeadline.within(T, () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(CallDeadline.current()).isEmpty();
    }

    @Test
    void within_isPerThread() throws Exception {
        CompletableFuture<Boolean> otherThreadSeesNothing = new CompletableFuture<>();
        CallDeadline.within(T, () -> {
            Thread other = new Thread(() -> otherThreadSeesNothing.complete(CallDeadline.current().isEmpty()));
            other.start();
            return null;
        });

        assertThat(otherThreadSeesNothing.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
