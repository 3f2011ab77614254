package io.lessonpack.application.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An id supplier for tests: {@code id-1}, {@code id-2}, ... in call order, so claim tokens and
 * package ids are predictable. Thread-safe.
 *
 * <pre>{@code
 * SequentialIds ids = new SequentialIds();
 * ids.get();   // "id-1"
 * }</pre>
 */
public final class SequentialIds implements Supplier<String> {

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    /** Ids {@code id-1}, {@code id-2}, ... */
    public SequentialIds() {
        this("id-");
    }

    /** Ids {@code prefix1}, {@code prefix2}, ... */
    public SequentialIds(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String get() {
        return prefix + next.incrementAndGet();
    }

    /** How many ids were handed out so far. */
    public int issued() {
        return next.get();
    }
}
