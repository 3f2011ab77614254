/**
 * The OpenAI key from Secrets Manager, fetched lazily and cached:
 * {@link io.lessonpack.adapter.aws.secretsmanager.SecretsManagerApiKeyAdapter}.
 */
package io.lessonpack.adapter.aws.secretsmanager;
