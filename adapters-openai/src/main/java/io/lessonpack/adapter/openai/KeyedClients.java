package io.lessonpack.adapter.openai;

import com.openai.client.OpenAIClient;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one OpenAI client with the current key set: a view of it (same connection pool and
 * dispatcher) made again only when the key changes, e.g. after a rotation. Thread-safe.
 */
final class KeyedClients {

    private final OpenAIClient client;
    private final AtomicReference<KeyedClient> current = new AtomicReference<>();

    KeyedClients(OpenAIClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The client that sends {@code key}. */
    OpenAIClient withKey(String key) {
        KeyedClient keyed = current.get();
        if (keyed != null && keyed.key.equals(key)) {
            return keyed.client;
        }
        OpenAIClient withKey = client.withOptions(options -> options.apiKey(key));
        current.set(new KeyedClient(key, withKey));
        return withKey;
    }

    /** A class, not a record: a record's toString would print the key. */
    private static final class KeyedClient {
        private final String key;
        private final OpenAIClient client;

        KeyedClient(String key, OpenAIClient client) {
            this.key = key;
            this.client = client;
        }

        @Override
        public String toString() {
            return "KeyedClient[key=<redacted>]";
        }
    }
}
