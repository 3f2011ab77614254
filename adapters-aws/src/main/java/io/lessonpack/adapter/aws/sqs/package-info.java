/**
 * Reading voice-session queue messages into commands, or into skips that never block the queue:
 * {@link io.lessonpack.adapter.aws.sqs.SqsVoiceSessionMessageParser}.
 */
package io.lessonpack.adapter.aws.sqs;
