package io.lessonpack.adapter.openai;

import io.lessonpack.application.port.out.ApiKeyPort;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ApiKeyPort} for tests: {@link #apiKey()} returns the current key, {@link #refreshApiKey()}
 * moves to the next one (a rotation), and both are counted.
 */
final class CountingKeys implements ApiKeyPort {

    private final String[] keys;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger apiKeyCalls = new AtomicInteger();
    private final AtomicInteger refreshCalls = new AtomicInteger();

    /** Starts with the first key; each refresh hands out the next (the last one stays). */
    CountingKeys(String... keys) {
        this.keys = keys.clone();
    }

    @Override
    public String apiKey() {
        apiKeyCalls.incrementAndGet();
        return keys[current.get()];
    }

    @Override
    public String refreshApiKey() {
        refreshCalls.incrementAndGet();
        return keys[current.updateAndGet(i -> Math.min(i + 1, keys.length - 1))];
    }

    int apiKeyCalls() {
        return apiKeyCalls.get();
    }

    int refreshCalls() {
        return refreshCalls.get();
    }

    /** Every call, cached reads and refreshes. */
    int calls() {
        return apiKeyCalls() + refreshCalls();
    }
}
