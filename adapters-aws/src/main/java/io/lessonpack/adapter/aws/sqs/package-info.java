/**
 * The voice-session queue, the function's inbound side: the one place that knows SQS FIFO
 * semantics. {@link io.lessonpack.adapter.aws.sqs.SqsVoiceSessionBatchProcessor} runs a batch
 * (learners in parallel, failures per message group, time-only failures retried in seconds);
 * {@link io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser} reads a message into a
 * command or a skip that never blocks the queue;
 * {@link io.lessonpack.adapter.aws.sqs.SqsMessageVisibilityAdapter} makes received messages visible
 * again after a delay from {@link io.lessonpack.adapter.aws.sqs.RedeliveryBackoff}.
 */
package io.lessonpack.adapter.aws.sqs;
