package io.lessonpack.bootstrap.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.lessonpack.adapter.aws.sqs.VisibilityChange;
import io.lessonpack.bootstrap.local.chaos.SimulatedFifoQueue.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedFifoQueueTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final SimulatedFifoQueue queue = new SimulatedFifoQueue();

    @Test
    void receive_deliversEachGroupInSendOrder_atMostFivePerBatch() {
        queue.send("a1", "A", "{}", T0);
        queue.send("b1", "B", "{}", T0);
        queue.send("a2", "A", "{}", T0);
        queue.send("c1", "C", "{}", T0);
        queue.send("a3", "A", "{}", T0);
        queue.send("b2", "B", "{}", T0);

        List<Delivery> batch = queue.receive(T0);

        assertThat(batch).extracting(Delivery::messageId).containsExactly("a1", "b1", "a2", "c1", "a3");
        assertThat(batch).allSatisfy(d -> assertThat(d.receiveCount()).isEqualTo(1));
    }

    @Test
    void aGroupWithAMessageInFlight_isHeldBack_whileOtherGroupsAreDelivered() {
        queue.send("a1", "A", "{}", T0);
        assertThat(queue.receive(T0)).extracting(Delivery::messageId).containsExactly("a1");
        queue.send("a2", "A", "{}", T0.plusSeconds(1));
        queue.send("b1", "B", "{}", T0.plusSeconds(1));

        assertThat(queue.receive(T0.plusSeconds(1))).extracting(Delivery::messageId).containsExactly("b1");
        assertThat(queue.receive(T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void aDeletedMessage_freesItsGroup_andIsNeverDeliveredAgain() {
        queue.send("a1", "A", "{}", T0);
        queue.send("a2", "A", "{}", T0);
        List<Delivery> first = queue.receive(T0);
        assertThat(first).extracting(Delivery::messageId).containsExactly("a1", "a2");
        assertThat(queue.delete(first.get(0).receiptHandle())).isTrue();
        queue.send("a3", "A", "{}", T0.plusSeconds(1));

        assertThat(queue.receive(T0.plusSeconds(1))).as("a2 is still in flight").isEmpty();
        assertThat(queue.delete(first.get(1).receiptHandle())).isTrue();
        assertThat(queue.receive(T0.plusSeconds(2))).extracting(Delivery::messageId).containsExactly("a3");
        assertThat(queue.message("a1").orElseThrow().state()).isEqualTo(SimulatedFifoQueue.State.DELETED);
    }

    @Test
    void aMessageNotDeleted_comesBackAfterTheVisibilityTimeout_withTheNextReceiveCountAndANewHandle() {
        queue.send("a1", "A", "{}", T0);
        Delivery first = queue.receive(T0).get(0);

        assertThat(queue.receive(T0.plus(SimulatedFifoQueue.VISIBILITY_TIMEOUT).minusMillis(1))).isEmpty();
        assertThat(queue.nextVisibleAfter(T0)).contains(T0.plusSeconds(360));
        Delivery second = queue.receive(T0.plusSeconds(360)).get(0);

        assertThat(second.messageId()).isEqualTo("a1");
        assertThat(second.receiveCount()).isEqualTo(2);
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(queue.delete(first.receiptHandle())).as("a stale receipt handle").isFalse();
        assertThat(queue.changeVisibility(first.receiptHandle(), Duration.ZERO, T0.plusSeconds(361))).isFalse();
        assertThat(queue.delete(second.receiptHandle())).isTrue();
    }

    @Test
    void changeMessageVisibility_makesTheMessageReceivableAfterTheAskedDelay() {
        queue.send("a1", "A", "{}", T0);
        Delivery first = queue.receive(T0).get(0);

        assertThat(queue.changeVisibility(first.receiptHandle(), Duration.ofSeconds(10), T0.plusSeconds(30))).isTrue();

        assertThat(queue.receive(T0.plusSeconds(39))).isEmpty();
        assertThat(queue.receive(T0.plusSeconds(40))).extracting(Delivery::receiveCount).containsExactly(2);
    }

    @Test
    void afterTenReceives_theNextReceiveMovesTheMessageToTheDeadLetterQueue_andFreesItsGroup() {
        queue.send("a1", "A", "{}", T0);
        queue.send("a2", "A", "{}", T0);
        Instant now = T0;
        for (int receive = 1; receive <= SimulatedFifoQueue.MAX_RECEIVE_COUNT; receive++) {
            List<Delivery> batch = queue.receive(now);
            assertThat(batch.get(0).messageId()).isEqualTo("a1");
            assertThat(batch.get(0).receiveCount()).isEqualTo(receive);
            queue.delete(batch.get(1).receiptHandle());
            if (receive < SimulatedFifoQueue.MAX_RECEIVE_COUNT) {
                queue.send("a-filler-" + receive, "A", "{}", now);
            }
            now = now.plus(SimulatedFifoQueue.VISIBILITY_TIMEOUT);
        }
        queue.send("a-after", "A", "{}", now);

        List<Delivery> next = queue.receive(now);

        assertThat(next).extracting(Delivery::messageId).containsExactly("a-after");
        assertThat(queue.deadLetters()).extracting(SimulatedFifoQueue.Message::id).containsExactly("a1");
        assertThat(queue.message("a1").orElseThrow().receives()).isEqualTo(10);
    }

    @Test
    void drained_onlyWhenNothingIsQueuedOrInFlight() {
        assertThat(queue.drained()).isTrue();
        queue.send("a1", "A", "{}", T0);
        assertThat(queue.drained()).isFalse();
        Delivery d = queue.receive(T0).get(0);
        assertThat(queue.drained()).isFalse();
        queue.delete(d.receiptHandle());
        assertThat(queue.drained()).isTrue();
    }

    @Test
    void queueVisibility_appliesTheFunctionsChangesWhenTheInvocationEnds_andDropsThemWhenItDied() {
        QueueVisibility visibility = new QueueVisibility(queue);
        queue.send("a1", "A", "{}", T0);
        queue.send("b1", "B", "{}", T0);
        List<Delivery> batch = queue.receive(T0);
        String arn = "arn:aws:sqs:us-east-1:123456789012:voice-sessions.fifo";

        assertThat(visibility.changeVisibility(List.of(
                new VisibilityChange("a1", arn, batch.get(0).receiptHandle(), Duration.ofMillis(9_500))))).containsExactly("a1");
        assertThat(queue.receive(T0.plusSeconds(10))).as("not applied before the invocation ends").isEmpty();
        visibility.apply(T0.plusSeconds(20));
        assertThat(queue.receive(T0.plusSeconds(29))).isEmpty();
        assertThat(queue.receive(T0.plusSeconds(30))).extracting(Delivery::messageId).containsExactly("a1");

        visibility.changeVisibility(List.of(new VisibilityChange("b1", arn, batch.get(1).receiptHandle(), Duration.ZERO)));
        visibility.discard();
        visibility.apply(T0.plusSeconds(31));
        assertThat(queue.receive(T0.plusSeconds(359))).as("the dead invocation's change was never sent").isEmpty();
        assertThat(queue.receive(T0.plusSeconds(360))).extracting(Delivery::messageId).containsExactly("b1");
    }
}
