/**
 * The lesson author on GPT-4o through the official openai-java SDK: Chat Completions with a strict
 * JSON schema (structured outputs), no tools, and a deadline-aware retry loop of its own.
 *
 * <p>{@link io.lessonpack.adapter.openai.OpenAiAuthorConfig} says which model and how long a call
 * may take; {@link io.lessonpack.adapter.openai.OpenAiClients} builds the one SDK client a process
 * uses, without a key; {@link io.lessonpack.adapter.openai.OpenAiLessonAuthorAdapter} implements
 * {@link io.lessonpack.application.port.out.LessonAuthorPort}. The prompt (a static system message
 * for OpenAI's prompt cache, then the learner's data as delimited JSON) and the answer's schema are
 * package-private details: {@code PromptBuilder} and {@code LessonAnswer}.
 */
package io.lessonpack.adapter.openai;
