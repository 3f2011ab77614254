/**
 * Publishing {@code package.generated} to SNS: {@link io.lessonpack.adapter.aws.sns.SnsPackageEventPublisherAdapter},
 * the no-op {@link io.lessonpack.adapter.aws.sns.PackageEventPublishers#disabled()} for a deployment
 * without a topic, and {@link io.lessonpack.adapter.aws.sns.PackageGeneratedEventJson}, the one codec
 * of the event body.
 */
package io.lessonpack.adapter.aws.sns;
