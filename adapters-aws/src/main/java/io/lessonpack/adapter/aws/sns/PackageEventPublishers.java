package io.lessonpack.adapter.aws.sns;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Objects;

/**
 * Publishers for the bootstrap to choose between: {@link SnsPackageEventPublisherAdapter} when
 * {@code PACKAGE_GENERATED_TOPIC_ARN} is set, {@link #disabled()} when it is not (as in the
 * original service, no event is sent then).
 *
 * <pre>{@code
 * PublishPackageEventPort events = topicArn == null || topicArn.isBlank()
 *         ? PackageEventPublishers.disabled()
 *         : new SnsPackageEventPublisherAdapter(snsClient, topicArn);
 * }</pre>
 */
public final class PackageEventPublishers {

    private static final Logger LOG = System.getLogger(PackageEventPublishers.class.getName());

    private static final PublishPackageEventPort DISABLED = new PublishPackageEventPort() {
        @Override
        public void publish(PackageGeneratedEvent event) {
            Objects.requireNonNull(event, "event");
            // Ids only: the package name is model-written text and stays out of the logs.
            LOG.log(Level.DEBUG, () -> "{\"event\":\"package_event.not_published\",\"reason\":\"no topic configured\","
                    + "\"eventId\":\"" + jsonEscaped(event.eventId()) + "\"}");
        }

        @Override
        public String toString() {
            return "PackageEventPublishers.disabled()";
        }
    };

    private PackageEventPublishers() {
    }

    /**
     * A publisher that sends nothing, for a deployment without a topic. Events it is given are
     * dropped (logged at debug level by id only), and the service treats them as published.
     */
    public static PublishPackageEventPort disabled() {
        return DISABLED;
    }

    private static String jsonEscaped(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
